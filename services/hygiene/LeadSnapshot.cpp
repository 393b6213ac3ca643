#include "services/hygiene/LeadSnapshot.h"

#include "models/Ids.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cmath>

namespace {
QJsonValue jsonOf(const QVariant& value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QJsonValue(value.toLongLong());
    case QMetaType::Double:
        return QJsonValue(value.toDouble());
    default:
        return QJsonValue(value.toString());
    }
}

QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}
} // namespace

LeadSnapshot::LeadSnapshot(QSqlDatabase db)
    : m_db(std::move(db))
{ }

QVariant LeadSnapshot::bindable(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant(QMetaType(QMetaType::QString));
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 9007199254740992.0)
            return QVariant(value.toInteger());
        return QVariant(number);
    }
    if (value.isBool())
        return QVariant(value.toBool() ? 1 : 0);
    return QVariant(value.toString());
}

bool LeadSnapshot::isBlank(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return true;
    if (value.isDouble())
        return value.toDouble() == 0;
    return value.toString().trimmed().isEmpty();
}

QHash<QString, QJsonObject> LeadSnapshot::read(const QStringList& ids)
{
    QHash<QString, QJsonObject> rows;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT * FROM leads WHERE id = ?"));
    for (const QString& id : ids) {
        query.addBindValue(id);
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            return rows;
        }
        if (!query.next())
            continue;
        const QSqlRecord record = query.record();
        QJsonObject row;
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), jsonOf(query.value(i)));
        rows.insert(id, row);
    }
    return rows;
}

QStringList LeadSnapshot::columns()
{
    if (m_columns.isEmpty()) {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("SELECT name FROM pragma_table_info('leads')"));
        while (query.next())
            m_columns.append(query.value(0).toString());
    }
    return m_columns;
}

bool LeadSnapshot::write(const QString& id, const QJsonObject& values, const QDateTime& now)
{
    const QStringList known = columns();
    QStringList assignments;
    QVariantList bound;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (!known.contains(it.key()) || it.key() == QLatin1String("id") || it.key() == QLatin1String("updated_at"))
            continue;
        assignments.append(quoted(it.key()) + QStringLiteral(" = ?"));
        bound.append(bindable(it.value()));
    }
    assignments.append(QStringLiteral("updated_at = ?"));
    bound.append(Ids::toStorage(now));
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE leads SET ") + assignments.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?"));
    for (const QVariant& value : std::as_const(bound))
        query.addBindValue(value);
    query.addBindValue(id);
    if (query.exec() && query.numRowsAffected() == 1)
        return true;
    m_lastError = query.lastError().text();
    return false;
}
