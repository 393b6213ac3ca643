#pragma once

#include "models/FieldError.h"
#include "models/pricing/ServiceOffering.h"
#include "services/pricing/DealValueEstimator.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

class DatabaseExecutor;

// The org's price list as read for the dialog: its services (deleted ones left out) and the org's currency.
struct ServiceCatalogListing {
    QList<ServiceOffering> services;
    QString orgCurrency;
};

// What a price-list write did: the rows as stored afterwards, or why nothing was written.
struct ServiceCatalogWriteOutcome {
    bool ok = true;
    QString error;
    FieldErrors fieldErrors;
    QList<ServiceOffering> changed;

    static ServiceCatalogWriteOutcome failure(const QString& message, const FieldErrors& fieldErrors = {})
    {
        ServiceCatalogWriteOutcome outcome;
        outcome.ok = false;
        outcome.error = message;
        outcome.fieldErrors = fieldErrors;
        return outcome;
    }
};

// The services price list: asynchronous reads and validated, committed writes on the database thread, answered on
// the thread that owns the store. servicesChanged tells views (the Neural Brain's values) to re-read.
class ServiceCatalogStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ServiceCatalogWriteOutcome&)>;

    ServiceCatalogStore(DatabaseExecutor* executor, QObject* parent = nullptr);

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }

    void list(QObject* context, std::function<void(const ServiceCatalogListing&)> done);
    // Creates (an id not stored yet, or none) or updates a service after ServiceOfferingRules::validate; keywords
    // are normalised and the currency upper-cased. Saving a deleted service's id brings it back.
    void save(const ServiceOffering& service, QObject* context, Done done = {});
    // Tombstones a service; restore() is its undo.
    void remove(const QString& id, QObject* context, Done done = {});
    void restore(const QString& id, QObject* context, Done done = {});
    // Adds ExampleServices in the org's currency, only while the org has no services: refuses otherwise.
    void addExamples(QObject* context, Done done = {});
    // Prices a text with the org's active services in the org's currency (the dialog's "Test text" box).
    void estimate(const QString& text, QObject* context, std::function<void(const DealValueEstimate&)> done);

signals:
    void servicesChanged(const QStringList& ids);
    void writeFailed(const QString& message);

private:
    void write(QObject* context, std::function<ServiceCatalogWriteOutcome(QSqlDatabase&)> job, Done done);
    void setDeleted(const QString& id, bool deleted, QObject* context, Done done);

    DatabaseExecutor* m_executor;
    WorkspaceIdentity m_identity;
};
