#include "services/leads/LeadStore.h"

#include "models/Ids.h"
#include "services/events/EventBus.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/Transaction.h"
#include "services/storage/LeadRepository.h"
#include "services/storage/StageRepository.h"

#include <QCoreApplication>
#include <QSqlError>

namespace {
Activity statusActivity(const QString& leadId, const QString& from, const QString& to, const QDateTime& now)
{
    Activity activity;
    activity.id = Ids::newId();
    activity.leadId = leadId;
    activity.kind = Activity::Kind::StatusChange;
    activity.meta = { { QStringLiteral("from"), from }, { QStringLiteral("to"), to } };
    activity.createdAt = now;
    activity.updatedAt = now;
    return activity;
}
} // namespace

LeadStore::LeadStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent)
    : LeadListSource(parent)
    , m_executor(executor)
    , m_bus(bus)
{
}

void LeadStore::fetchPage(const LeadFilter& filter, int offset, int limit, QObject* context, PageCallback done)
{
    m_executor->run<LeadPage>(
        context, [filter, offset, limit](QSqlDatabase& db) { return LeadRepository(db).page(filter, offset, limit); },
        std::move(done));
}

void LeadStore::loadStages(QObject* context, std::function<void(const PipelineStages&)> done)
{
    m_executor->run<PipelineStages>(context, [](QSqlDatabase& db) { return StageRepository(db).all(); }, std::move(done));
}

void LeadStore::loadFilterChoices(QObject* context, std::function<void(const FilterChoices&)> done)
{
    m_executor->run<FilterChoices>(
        context,
        [](QSqlDatabase& db) {
            LeadRepository leads(db);
            return FilterChoices { leads.distinctValues(QStringLiteral("source")),
                leads.distinctValues(QStringLiteral("industry")), leads.allTags() };
        },
        std::move(done));
}

void LeadStore::fetchLead(const QString& id, QObject* context, std::function<void(const std::optional<Lead>&)> done)
{
    m_executor->run<std::optional<Lead>>(
        context, [id](QSqlDatabase& db) { return LeadRepository(db).find(id); }, std::move(done));
}

void LeadStore::fetchLeads(const QStringList& ids, QObject* context, std::function<void(const QList<Lead>&)> done)
{
    m_executor->run<QList<Lead>>(
        context, [ids](QSqlDatabase& db) { return LeadRepository(db).findMany(ids); }, std::move(done));
}

void LeadStore::refreshLeads(const QStringList& ids)
{
    if (ids.isEmpty())
        return;
    fetchLeads(ids, this, [this](const QList<Lead>& leads) {
        if (!leads.isEmpty())
            emit leadsUpserted(leads);
    });
}

void LeadStore::write(QObject* context, std::function<WriteOutcome(QSqlDatabase&)> job, Done done)
{
    QPointer<QObject> guard(context);
    m_executor->run<WriteOutcome>(
        this,
        [job = std::move(job)](QSqlDatabase& db) { return inTransaction<WriteOutcome>(db, [&] { return job(db); }); },
        [this, guard, done = std::move(done)](const WriteOutcome& outcome) {
            if (outcome.ok) {
                if (!outcome.changed.isEmpty())
                    emit leadsUpserted(outcome.changed);
                if (!outcome.removed.isEmpty())
                    emit leadsRemoved(outcome.removed);
                for (const HubEvent& event : outcome.events)
                    m_bus->publish(event);
            } else {
                emit writeFailed(outcome.error);
            }
            if (done && guard)
                done(outcome);
        });
}

void LeadStore::saveLead(const Lead& input, QObject* context, Done done)
{
    const WorkspaceIdentity identity = m_identity;
    write(
        context,
        [input, identity](QSqlDatabase& db) {
            LeadRepository leads(db);
            ActivityRepository activities(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            Lead lead = input;
            WriteOutcome outcome;
            const std::optional<Lead> existing = lead.id.isEmpty() ? std::nullopt : leads.find(lead.id);
            lead.updatedAt = now;
            if (!existing) {
                if (lead.id.isEmpty())
                    lead.id = Ids::newId();
                lead.orgId = identity.orgId;
                if (lead.ownerId.isEmpty())
                    lead.ownerId = identity.userId;
                lead.createdAt = now;
                if (!leads.insert(lead))
                    return WriteOutcome::failure(leads.lastError());
                Activity created;
                created.id = Ids::newId();
                created.leadId = lead.id;
                created.kind = Activity::Kind::Created;
                created.createdAt = created.updatedAt = now;
                if (!activities.insert(created, identity.orgId))
                    return WriteOutcome::failure(activities.lastError());
                HubEvent event;
                event.type = HubEvent::Type::LeadCreated;
                event.leadId = lead.id;
                outcome.events.append(event);
            } else {
                lead.createdAt = existing->createdAt;
                lead.orgId = existing->orgId;
                if (!leads.update(lead))
                    return WriteOutcome::failure(leads.lastError().isEmpty() ? tr("The lead no longer exists.")
                                                                             : leads.lastError());
                HubEvent event;
                event.type = HubEvent::Type::LeadUpdated;
                event.leadId = lead.id;
                outcome.events.append(event);
                if (existing->status != lead.status) {
                    if (!activities.insert(statusActivity(lead.id, existing->status, lead.status, now), identity.orgId))
                        return WriteOutcome::failure(activities.lastError());
                    outcome.events.append(HubEvent::statusChanged(lead.id, existing->status, lead.status));
                }
            }
            outcome.changed = leads.findMany({ lead.id });
            return outcome;
        },
        std::move(done));
}

void LeadStore::changeStatus(const QStringList& ids, const QString& status, std::shared_ptr<LeadChangeRecord> record,
    QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        context,
        [ids, status, record, orgId](QSqlDatabase& db) {
            LeadRepository leads(db);
            ActivityRepository activities(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            WriteOutcome outcome;
            LeadChangeRecord fresh;
            for (const Lead& lead : leads.findMany(ids)) {
                if (lead.status == status || lead.deleted)
                    continue;
                const Activity activity = statusActivity(lead.id, lead.status, status, now);
                if (!leads.setStatus(lead.id, status, now) || !activities.insert(activity, orgId))
                    return WriteOutcome::failure(leads.lastError() + activities.lastError());
                fresh.previousStatus.insert(lead.id, lead.status);
                fresh.activityIds.append(activity.id);
                outcome.events.append(HubEvent::statusChanged(lead.id, lead.status, status));
            }
            outcome.changed = leads.findMany(fresh.previousStatus.keys());
            if (record)
                *record = fresh;
            return outcome;
        },
        std::move(done));
}

void LeadStore::revertStatus(std::shared_ptr<LeadChangeRecord> record, QObject* context, Done done)
{
    write(
        context,
        [record](QSqlDatabase& db) {
            LeadRepository leads(db);
            ActivityRepository activities(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            WriteOutcome outcome;
            for (auto it = record->previousStatus.cbegin(); it != record->previousStatus.cend(); ++it) {
                const std::optional<Lead> lead = leads.find(it.key());
                if (!lead)
                    continue;
                if (!leads.setStatus(it.key(), it.value(), now))
                    return WriteOutcome::failure(leads.lastError());
                outcome.events.append(HubEvent::statusChanged(it.key(), lead->status, it.value()));
            }
            // The move is undone, so its timeline entries go too.
            for (const QString& activityId : std::as_const(record->activityIds)) {
                if (!activities.setDeleted(activityId, true, now))
                    return WriteOutcome::failure(activities.lastError());
            }
            outcome.changed = leads.findMany(record->previousStatus.keys());
            return outcome;
        },
        std::move(done));
}

void LeadStore::setDeleted(const QStringList& ids, bool deleted, QObject* context, Done done)
{
    write(
        context,
        [ids, deleted](QSqlDatabase& db) {
            LeadRepository leads(db);
            WriteOutcome outcome;
            if (!leads.setDeleted(ids, deleted, QDateTime::currentDateTimeUtc()))
                return WriteOutcome::failure(leads.lastError());
            for (const QString& id : ids) {
                HubEvent event;
                event.type = deleted ? HubEvent::Type::LeadDeleted : HubEvent::Type::LeadRestored;
                event.leadId = id;
                outcome.events.append(event);
            }
            if (deleted)
                outcome.removed = ids;
            else
                outcome.changed = leads.findMany(ids);
            return outcome;
        },
        std::move(done));
}

void LeadStore::changeTag(const QStringList& ids, const QString& tag, bool add, std::shared_ptr<LeadChangeRecord> record,
    QObject* context, Done done)
{
    write(
        context,
        [ids, tag, add, record](QSqlDatabase& db) {
            LeadRepository leads(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            WriteOutcome outcome;
            LeadChangeRecord fresh;
            for (const Lead& lead : leads.findMany(ids)) {
                QStringList tags = lead.tags;
                const bool has = tags.contains(tag, Qt::CaseInsensitive);
                if (add == has)
                    continue;
                if (add)
                    tags.append(tag);
                else
                    tags.removeIf([&tag](const QString& t) { return t.compare(tag, Qt::CaseInsensitive) == 0; });
                if (!leads.setTags(lead.id, tags, now))
                    return WriteOutcome::failure(leads.lastError());
                fresh.previousTags.insert(lead.id, lead.tags);
            }
            outcome.changed = leads.findMany(fresh.previousTags.keys());
            if (record)
                *record = fresh;
            return outcome;
        },
        std::move(done));
}

void LeadStore::revertTags(std::shared_ptr<LeadChangeRecord> record, QObject* context, Done done)
{
    write(
        context,
        [record](QSqlDatabase& db) {
            LeadRepository leads(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            WriteOutcome outcome;
            for (auto it = record->previousTags.cbegin(); it != record->previousTags.cend(); ++it) {
                if (!leads.setTags(it.key(), it.value(), now))
                    return WriteOutcome::failure(leads.lastError());
            }
            outcome.changed = leads.findMany(record->previousTags.keys());
            return outcome;
        },
        std::move(done));
}
