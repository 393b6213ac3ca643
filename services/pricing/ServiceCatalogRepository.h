#pragma once

#include "models/pricing/ServiceOffering.h"

#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

// SQL for services_catalog. Runs on the database thread; the caller owns the transaction.
// Deleting is a tombstone (deleted = 1) so that it can be undone and synced.
class ServiceCatalogRepository
{
public:
    explicit ServiceCatalogRepository(QSqlDatabase db);

    // Active, not deleted services of the org, by name: what the estimator prices with.
    static QList<ServiceOffering> active(QSqlDatabase& db, const QString& orgId);

    // Every service of the org that is not deleted (active or not), by name.
    QList<ServiceOffering> list(const QString& orgId, bool includeDeleted = false);
    // Tombstoned services too, so that they can be restored.
    std::optional<ServiceOffering> find(const QString& id);
    bool insert(const ServiceOffering& service);
    // Writes name, price, currency, keywords, active, updated_at and deleted, and bumps rev.
    bool update(const ServiceOffering& service);
    bool setDeleted(const QString& id, bool deleted, const QDateTime& now);
    // The org's currency (organizations.currency), the one estimates are made in; "EUR" when unknown.
    QString orgCurrency(const QString& orgId);
    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    static ServiceOffering read(const QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
};
