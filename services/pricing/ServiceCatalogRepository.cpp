#include "services/pricing/ServiceCatalogRepository.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Column order shared by SELECT, INSERT and read().
const QString kColumns
    = QStringLiteral("id, org_id, name, price_minor, currency, keywords, active, created_at, updated_at, rev, deleted");

QString keywordsJson(const QStringList& keywords)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keywords)).toJson(QJsonDocument::Compact));
}

QStringList keywordsFromJson(const QByteArray& json)
{
    QStringList keywords;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue& value : array) {
        if (value.isString() && !value.toString().trimmed().isEmpty())
            keywords.append(value.toString());
    }
    return keywords;
}
} // namespace

ServiceCatalogRepository::ServiceCatalogRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

QList<ServiceOffering> ServiceCatalogRepository::active(QSqlDatabase& db, const QString& orgId)
{
    QList<ServiceOffering> result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM services_catalog WHERE org_id = ? AND deleted = 0 AND active = 1 "
                         "ORDER BY name COLLATE NOCASE, id"));
    query.addBindValue(orgId);
    if (!query.exec())
        return result;
    while (query.next())
        result.append(read(query));
    return result;
}

bool ServiceCatalogRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

ServiceOffering ServiceCatalogRepository::read(const QSqlQuery& query)
{
    ServiceOffering service;
    int i = 0;
    service.id = query.value(i++).toString();
    service.orgId = query.value(i++).toString();
    service.name = query.value(i++).toString();
    service.priceMinor = query.value(i++).toLongLong();
    service.currency = query.value(i++).toString();
    service.keywords = keywordsFromJson(query.value(i++).toByteArray());
    service.active = query.value(i++).toInt() != 0;
    service.createdAt = Ids::fromStorage(query.value(i++).toString());
    service.updatedAt = Ids::fromStorage(query.value(i++).toString());
    service.rev = query.value(i++).toLongLong();
    service.deleted = query.value(i++).toInt() != 0;
    return service;
}

QList<ServiceOffering> ServiceCatalogRepository::list(const QString& orgId, bool includeDeleted)
{
    QList<ServiceOffering> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM services_catalog WHERE org_id = ?")
        + (includeDeleted ? QString() : QStringLiteral(" AND deleted = 0"))
        + QStringLiteral(" ORDER BY name COLLATE NOCASE, id"));
    query.addBindValue(orgId);
    if (!exec(query))
        return result;
    while (query.next())
        result.append(read(query));
    return result;
}

std::optional<ServiceOffering> ServiceCatalogRepository::find(const QString& id)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM services_catalog WHERE id = ?"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return read(query);
}

bool ServiceCatalogRepository::insert(const ServiceOffering& s)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO services_catalog (") + kColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : { QVariant(s.id), QVariant(s.orgId), SqlValues::text(s.name), QVariant(s.priceMinor),
             SqlValues::text(s.currency), QVariant(keywordsJson(s.keywords)), QVariant(s.active ? 1 : 0),
             QVariant(Ids::toStorage(s.createdAt)), QVariant(Ids::toStorage(s.updatedAt)), QVariant(s.rev),
             QVariant(s.deleted ? 1 : 0) }) {
        query.addBindValue(value);
    }
    return exec(query);
}

bool ServiceCatalogRepository::update(const ServiceOffering& s)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE services_catalog SET name = ?, price_minor = ?, currency = ?, keywords = ?, active = ?, "
                       "updated_at = ?, deleted = ?, rev = rev + 1 WHERE id = ?"));
    for (const QVariant& value : { SqlValues::text(s.name), QVariant(s.priceMinor), SqlValues::text(s.currency),
             QVariant(keywordsJson(s.keywords)), QVariant(s.active ? 1 : 0), QVariant(Ids::toStorage(s.updatedAt)),
             QVariant(s.deleted ? 1 : 0), QVariant(s.id) }) {
        query.addBindValue(value);
    }
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("ServiceCatalogRepository", "The service no longer exists.");
    return false;
}

bool ServiceCatalogRepository::setDeleted(const QString& id, bool deleted, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE services_catalog SET deleted = ?, updated_at = ?, rev = rev + 1 WHERE id = ?"));
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("ServiceCatalogRepository", "The service no longer exists.");
    return false;
}

QString ServiceCatalogRepository::orgCurrency(const QString& orgId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT currency FROM organizations WHERE id = ?"));
    query.addBindValue(orgId);
    if (exec(query) && query.next() && !query.value(0).toString().trimmed().isEmpty())
        return query.value(0).toString().trimmed().toUpper();
    return QStringLiteral("EUR");
}
