#include "services/pricing/ServiceCatalogStore.h"

#include "models/Ids.h"
#include "models/pricing/ServiceOfferingRules.h"
#include "services/pricing/ExampleServices.h"
#include "services/pricing/ServiceCatalogRepository.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/Transaction.h"

#include <QPointer>

ServiceCatalogStore::ServiceCatalogStore(DatabaseExecutor* executor, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
{ }

void ServiceCatalogStore::list(QObject* context, std::function<void(const ServiceCatalogListing&)> done)
{
    const QString orgId = m_identity.orgId;
    m_executor->run<ServiceCatalogListing>(
        context,
        [orgId](QSqlDatabase& db) {
            ServiceCatalogRepository repository(db);
            ServiceCatalogListing listing;
            listing.services = repository.list(orgId);
            listing.orgCurrency = repository.orgCurrency(orgId);
            return listing;
        },
        std::move(done));
}

void ServiceCatalogStore::estimate(
    const QString& text, QObject* context, std::function<void(const DealValueEstimate&)> done)
{
    const QString orgId = m_identity.orgId;
    m_executor->run<DealValueEstimate>(
        context,
        [orgId, text](QSqlDatabase& db) {
            const QString currency = ServiceCatalogRepository(db).orgCurrency(orgId);
            return DealValueEstimator::estimate(text, ServiceCatalogRepository::active(db, orgId), currency);
        },
        std::move(done));
}

void ServiceCatalogStore::write(
    QObject* context, std::function<ServiceCatalogWriteOutcome(QSqlDatabase&)> job, Done done)
{
    QPointer<QObject> guard(context);
    m_executor->run<ServiceCatalogWriteOutcome>(
        this,
        [job = std::move(job)](
            QSqlDatabase& db) { return inTransaction<ServiceCatalogWriteOutcome>(db, [&] { return job(db); }); },
        [this, guard, done = std::move(done)](const ServiceCatalogWriteOutcome& outcome) {
            if (outcome.ok) {
                QStringList ids;
                for (const ServiceOffering& service : outcome.changed)
                    ids.append(service.id);
                if (!ids.isEmpty())
                    emit servicesChanged(ids);
            } else {
                emit writeFailed(outcome.error);
            }
            if (done && guard)
                done(outcome);
        });
}

void ServiceCatalogStore::save(const ServiceOffering& input, QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        context,
        [input, orgId](QSqlDatabase& db) {
            ServiceCatalogRepository repository(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            ServiceOffering service = input;
            service.name = service.name.trimmed();
            service.currency = service.currency.trimmed().toUpper();
            service.keywords = ServiceOfferingRules::normalizedKeywords(service.keywords);
            const FieldErrors errors = ServiceOfferingRules::validate(service);
            if (!errors.isEmpty())
                return ServiceCatalogWriteOutcome::failure(errors.first().message, errors);

            const std::optional<ServiceOffering> existing
                = service.id.isEmpty() ? std::nullopt : repository.find(service.id);
            if (existing && existing->orgId != orgId)
                return ServiceCatalogWriteOutcome::failure(tr("The service belongs to another organisation."));
            if (existing) {
                service.orgId = existing->orgId;
                service.createdAt = existing->createdAt;
                service.rev = existing->rev;
            } else {
                if (service.id.isEmpty())
                    service.id = Ids::newId();
                service.orgId = orgId;
                service.createdAt = now;
                service.rev = 0;
            }
            service.deleted = false;
            service.updatedAt = now;
            if (!(existing ? repository.update(service) : repository.insert(service)))
                return ServiceCatalogWriteOutcome::failure(repository.lastError());
            ServiceCatalogWriteOutcome outcome;
            if (const std::optional<ServiceOffering> stored = repository.find(service.id))
                outcome.changed.append(*stored);
            return outcome;
        },
        std::move(done));
}

void ServiceCatalogStore::remove(const QString& id, QObject* context, Done done)
{
    setDeleted(id, true, context, std::move(done));
}

void ServiceCatalogStore::restore(const QString& id, QObject* context, Done done)
{
    setDeleted(id, false, context, std::move(done));
}

void ServiceCatalogStore::setDeleted(const QString& id, bool deleted, QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        context,
        [id, deleted, orgId](QSqlDatabase& db) {
            ServiceCatalogRepository repository(db);
            const std::optional<ServiceOffering> existing = repository.find(id);
            if (!existing || existing->orgId != orgId)
                return ServiceCatalogWriteOutcome::failure(tr("The service no longer exists."));
            ServiceCatalogWriteOutcome outcome;
            if (existing->deleted == deleted) {
                outcome.changed.append(*existing);
                return outcome;
            }
            if (!repository.setDeleted(id, deleted, QDateTime::currentDateTimeUtc()))
                return ServiceCatalogWriteOutcome::failure(repository.lastError());
            if (const std::optional<ServiceOffering> stored = repository.find(id))
                outcome.changed.append(*stored);
            return outcome;
        },
        std::move(done));
}

void ServiceCatalogStore::addExamples(QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        context,
        [orgId](QSqlDatabase& db) {
            ServiceCatalogRepository repository(db);
            if (!repository.list(orgId).isEmpty())
                return ServiceCatalogWriteOutcome::failure(
                    tr("The price list already has services; example services are only offered for an empty list."));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            ServiceCatalogWriteOutcome outcome;
            for (ServiceOffering service : ExampleServices::list(repository.orgCurrency(orgId))) {
                service.id = Ids::newId();
                service.orgId = orgId;
                service.createdAt = service.updatedAt = now;
                if (!repository.insert(service))
                    return ServiceCatalogWriteOutcome::failure(repository.lastError());
                outcome.changed.append(service);
            }
            return outcome;
        },
        std::move(done));
}
