#include "services/dealdesk/ProposalStore.h"

#include "models/Activity.h"
#include "models/Ids.h"
#include "models/ProposalRules.h"
#include "services/events/EventBus.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/Transaction.h"
#include "services/storage/LeadRepository.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSqlError>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProposalStore", text);
}

QString timelineText(const QString& title, Proposal::Status to)
{
    switch (to) {
    case Proposal::Status::Draft:
        return tr("Proposal “%1” moved back to draft").arg(title);
    case Proposal::Status::Sent:
        return tr("Proposal “%1” sent").arg(title);
    case Proposal::Status::Accepted:
        return tr("Proposal “%1” accepted").arg(title);
    case Proposal::Status::Rejected:
        return tr("Proposal “%1” rejected").arg(title);
    }
    return {};
}

QString firstMessage(const FieldErrors& errors)
{
    return errors.isEmpty() ? QString() : errors.first().message;
}
} // namespace

ProposalStore::ProposalStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_bus(bus)
{
}

void ProposalStore::list(const ProposalQuery& query, QObject* context,
    std::function<void(const QList<Proposal>&)> done)
{
    m_executor->run<QList<Proposal>>(
        context, [query](QSqlDatabase& db) { return ProposalRepository(db).list(query); }, std::move(done));
}

void ProposalStore::fetch(const QString& id, QObject* context,
    std::function<void(const std::optional<Proposal>&)> done)
{
    m_executor->run<std::optional<Proposal>>(
        context, [id](QSqlDatabase& db) { return ProposalRepository(db).find(id); }, std::move(done));
}

void ProposalStore::write(QObject* context, std::function<ProposalWriteOutcome(QSqlDatabase&)> job, Done done)
{
    QPointer<QObject> guard(context);
    m_executor->run<ProposalWriteOutcome>(
        this,
        [job = std::move(job)](QSqlDatabase& db) { return inTransaction<ProposalWriteOutcome>(db, [&] { return job(db); }); },
        [this, guard, done = std::move(done)](const ProposalWriteOutcome& outcome) {
            if (outcome.ok) {
                QStringList ids;
                for (const Proposal& proposal : outcome.changed)
                    ids.append(proposal.id);
                if (!ids.isEmpty())
                    emit proposalsChanged(ids);
                for (const HubEvent& event : outcome.events)
                    m_bus->publish(event);
            } else {
                emit writeFailed(outcome.error);
            }
            if (done && guard)
                done(outcome);
        });
}

void ProposalStore::save(const Proposal& input, QObject* context, Done done)
{
    const WorkspaceIdentity identity = m_identity;
    write(
        context,
        [input, identity](QSqlDatabase& db) {
            ProposalRepository proposals(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            Proposal proposal = input;
            const std::optional<Proposal> existing = proposal.id.isEmpty() ? std::nullopt : proposals.find(proposal.id);
            if (existing) {
                if (existing->deleted)
                    return ProposalWriteOutcome::failure(tr("The proposal was deleted."));
                if (existing->status != Proposal::Status::Draft)
                    return ProposalWriteOutcome::failure(
                        tr("Only draft proposals can be edited; move it back to draft to revise it."));
                proposal.orgId = existing->orgId;
                proposal.status = existing->status;
                proposal.sentAt = existing->sentAt;
                proposal.acceptedAt = existing->acceptedAt;
                proposal.rejectedAt = existing->rejectedAt;
                proposal.rejectionReason = existing->rejectionReason;
                proposal.createdAt = existing->createdAt;
                proposal.rev = existing->rev;
                proposal.deleted = false;
            } else {
                if (proposal.id.isEmpty())
                    proposal.id = Ids::newId();
                proposal.orgId = identity.orgId;
                proposal.status = Proposal::Status::Draft;
                proposal.sentAt = proposal.acceptedAt = proposal.rejectedAt = QDateTime();
                proposal.rejectionReason.clear();
                proposal.createdAt = now;
                proposal.rev = 0;
                proposal.deleted = false;
            }
            proposal.updatedAt = now;
            const FieldErrors errors = ProposalRules::validate(proposal);
            if (!errors.isEmpty())
                return ProposalWriteOutcome::failure(firstMessage(errors), errors);
            const std::optional<Lead> lead = LeadRepository(db).find(proposal.leadId);
            if (!lead || lead->deleted) {
                return ProposalWriteOutcome::failure(tr("Choose the lead this proposal is for."),
                    { { QStringLiteral("leadId"), tr("Choose the lead this proposal is for.") } });
            }
            if (!(existing ? proposals.update(proposal) : proposals.insert(proposal)))
                return ProposalWriteOutcome::failure(proposals.lastError());
            ProposalWriteOutcome outcome;
            if (const std::optional<Proposal> stored = proposals.find(proposal.id))
                outcome.changed.append(*stored);
            return outcome;
        },
        std::move(done));
}

void ProposalStore::changeStatus(const QString& id, Proposal::Status status, const QString& reason, QObject* context,
    Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        context,
        [id, status, reason, orgId](QSqlDatabase& db) {
            ProposalRepository proposals(db);
            const std::optional<Proposal> existing = proposals.find(id);
            if (!existing || existing->deleted)
                return ProposalWriteOutcome::failure(tr("The proposal no longer exists."));
            const QString refused = ProposalRules::transitionError(existing->status, status, reason);
            if (!refused.isEmpty())
                return ProposalWriteOutcome::failure(refused);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            Proposal proposal = *existing;
            proposal.status = status;
            proposal.updatedAt = now;
            switch (status) {
            case Proposal::Status::Draft:
                // Back to draft means "not sent": the next send stamps a fresh time.
                proposal.sentAt = QDateTime();
                break;
            case Proposal::Status::Sent: {
                const FieldErrors errors = ProposalRules::validate(proposal);
                if (!errors.isEmpty())
                    return ProposalWriteOutcome::failure(firstMessage(errors), errors);
                if (proposal.validUntil.isValid() && proposal.validUntil < QDate::currentDate())
                    return ProposalWriteOutcome::failure(tr("The proposal has expired; extend it before sending."),
                        { { QStringLiteral("validUntil"), tr("The proposal has expired; extend it before sending.") } });
                proposal.sentAt = now;
                break;
            }
            case Proposal::Status::Accepted:
                proposal.acceptedAt = now;
                break;
            case Proposal::Status::Rejected:
                proposal.rejectedAt = now;
                proposal.rejectionReason = reason.trimmed();
                break;
            }
            if (!proposals.update(proposal))
                return ProposalWriteOutcome::failure(proposals.lastError());

            const QString from = Proposal::statusKey(existing->status);
            const QString to = Proposal::statusKey(status);
            Activity activity;
            activity.id = Ids::newId();
            activity.leadId = proposal.leadId;
            activity.kind = Activity::Kind::Proposal;
            activity.body = timelineText(proposal.title, status);
            activity.meta = { { QStringLiteral("proposal_id"), proposal.id }, { QStringLiteral("from"), from },
                { QStringLiteral("to"), to } };
            if (status == Proposal::Status::Rejected)
                activity.meta.insert(QStringLiteral("reason"), proposal.rejectionReason);
            activity.createdAt = activity.updatedAt = now;
            ActivityRepository activities(db);
            if (!activities.insert(activity, orgId.isEmpty() ? proposal.orgId : orgId))
                return ProposalWriteOutcome::failure(activities.lastError());

            HubEvent event;
            event.type = HubEvent::Type::ProposalStatusChanged;
            event.leadId = proposal.leadId;
            event.payload = { { QStringLiteral("proposal_id"), proposal.id },
                { QStringLiteral("lead_id"), proposal.leadId }, { QStringLiteral("from"), from },
                { QStringLiteral("to"), to } };
            event.at = now;
            ProposalWriteOutcome outcome;
            outcome.events.append(event);
            if (const std::optional<Proposal> stored = proposals.find(id))
                outcome.changed.append(*stored);
            return outcome;
        },
        std::move(done));
}

void ProposalStore::remove(const QString& id, QObject* context, Done done)
{
    setDeleted(id, true, context, std::move(done));
}

void ProposalStore::restore(const QString& id, QObject* context, Done done)
{
    setDeleted(id, false, context, std::move(done));
}

void ProposalStore::setDeleted(const QString& id, bool deleted, QObject* context, Done done)
{
    write(
        context,
        [id, deleted](QSqlDatabase& db) {
            ProposalRepository proposals(db);
            const std::optional<Proposal> existing = proposals.find(id);
            if (!existing)
                return ProposalWriteOutcome::failure(tr("The proposal no longer exists."));
            ProposalWriteOutcome outcome;
            if (existing->deleted == deleted) {
                outcome.changed.append(*existing);
                return outcome;
            }
            if (!proposals.setDeleted(id, deleted, QDateTime::currentDateTimeUtc()))
                return ProposalWriteOutcome::failure(proposals.lastError());
            if (const std::optional<Proposal> stored = proposals.find(id))
                outcome.changed.append(*stored);
            return outcome;
        },
        std::move(done));
}
