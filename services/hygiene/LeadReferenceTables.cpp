#include "services/hygiene/LeadReferenceTables.h"

#include "models/Ids.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}
} // namespace

LeadReferenceTables::LeadReferenceTables(QSqlDatabase db)
    : m_db(std::move(db))
{ }

const QList<LeadReferenceTables::Table>& LeadReferenceTables::discovered()
{
    if (m_discovered)
        return m_tables;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const bool ok = query.exec(QStringLiteral(
        "SELECT m.name, EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'updated_at') "
        "FROM sqlite_master m WHERE m.type = 'table' AND m.name <> 'leads' AND m.name NOT LIKE 'sqlite%' "
        "AND m.sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'lead_id') "
        "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'id') ORDER BY m.name"));
    if (!ok) {
        m_lastError = query.lastError().text();
        return m_tables;
    }
    while (query.next())
        m_tables.append({ query.value(0).toString(), query.value(1).toBool() });
    m_discovered = true;
    return m_tables;
}

QStringList LeadReferenceTables::tables()
{
    QStringList names;
    for (const Table& table : discovered())
        names.append(table.name);
    return names;
}

bool LeadReferenceTables::moveAll(
    const QStringList& fromLeadIds, const QString& toLeadId, const QDateTime& now, QJsonObject* moved)
{
    const QList<Table>& tables = discovered();
    if (!m_discovered)
        return false;
    QSqlQuery select(m_db);
    QSqlQuery update(m_db);
    for (const Table& table : tables) {
        const QString name = quoted(table.name);
        select.setForwardOnly(true);
        if (!select.prepare(QStringLiteral("SELECT id FROM ") + name + QStringLiteral(" WHERE lead_id = ? ORDER BY id"))
            || !update.prepare(QStringLiteral("UPDATE ") + name + QStringLiteral(" SET lead_id = ?")
                + (table.hasUpdatedAt ? QStringLiteral(", updated_at = ?") : QString())
                + QStringLiteral(" WHERE lead_id = ?"))) {
            m_lastError = select.lastError().text() + update.lastError().text();
            return false;
        }
        QJsonObject byLead;
        for (const QString& fromLeadId : fromLeadIds) {
            select.addBindValue(fromLeadId);
            if (!select.exec()) {
                m_lastError = select.lastError().text();
                return false;
            }
            QJsonArray ids;
            while (select.next())
                ids.append(select.value(0).toString());
            if (ids.isEmpty())
                continue;
            update.addBindValue(toLeadId);
            if (table.hasUpdatedAt)
                update.addBindValue(Ids::toStorage(now));
            update.addBindValue(fromLeadId);
            if (!update.exec()) {
                m_lastError = update.lastError().text();
                return false;
            }
            byLead.insert(fromLeadId, ids);
        }
        if (!byLead.isEmpty())
            moved->insert(table.name, byLead);
    }
    return true;
}

bool LeadReferenceTables::moveBack(const QJsonObject& moved, const QString& currentLeadId, const QDateTime& now)
{
    for (const Table& table : discovered()) {
        const QJsonObject byLead = moved.value(table.name).toObject();
        if (byLead.isEmpty())
            continue;
        QSqlQuery update(m_db);
        if (!update.prepare(QStringLiteral("UPDATE ") + quoted(table.name) + QStringLiteral(" SET lead_id = ?")
                + (table.hasUpdatedAt ? QStringLiteral(", updated_at = ?") : QString())
                + QStringLiteral(" WHERE id = ? AND lead_id = ?"))) {
            m_lastError = update.lastError().text();
            return false;
        }
        for (auto it = byLead.constBegin(); it != byLead.constEnd(); ++it) {
            for (const QJsonValue& id : it.value().toArray()) {
                update.addBindValue(it.key());
                if (table.hasUpdatedAt)
                    update.addBindValue(Ids::toStorage(now));
                update.addBindValue(id.toString());
                update.addBindValue(currentLeadId);
                if (!update.exec()) {
                    m_lastError = update.lastError().text();
                    return false;
                }
            }
        }
    }
    return m_discovered;
}
