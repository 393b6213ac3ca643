#pragma once

#include "models/FieldError.h"
#include "models/Proposal.h"
#include "services/dealdesk/ProposalRepository.h"
#include "services/events/HubEvent.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <optional>

class DatabaseExecutor;
class EventBus;

// What a proposal write did: the rows as stored afterwards, or why it was rolled back (fieldErrors when the proposal
// itself was incomplete).
struct ProposalWriteOutcome
{
    bool ok = true;
    QString error;
    FieldErrors fieldErrors;
    QList<Proposal> changed;
    QList<HubEvent> events;

    static ProposalWriteOutcome failure(const QString& message, const FieldErrors& fieldErrors = {})
    {
        ProposalWriteOutcome outcome;
        outcome.ok = false;
        outcome.error = message;
        outcome.fieldErrors = fieldErrors;
        return outcome;
    }
};

// The Deal Desk's proposals: asynchronous reads and committed, event-publishing writes, like LeadStore.
// Every write runs in one transaction on the database thread and answers on the thread that owns the store.
class ProposalStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ProposalWriteOutcome&)>;

    ProposalStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent = nullptr);

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }

    void list(const ProposalQuery& query, QObject* context, std::function<void(const QList<Proposal>&)> done);
    void fetch(const QString& id, QObject* context, std::function<void(const std::optional<Proposal>&)> done);

    // Creates (empty id or an id not stored yet) or updates a proposal. New proposals start as drafts whatever the
    // input says; an update keeps status and its time stamps (changeStatus moves those) and is only allowed for
    // drafts, so a sent proposal is moved back to draft to be revised.
    void save(const Proposal& proposal, QObject* context, Done done = {});
    // Moves the status if ProposalRules allow it, stamps its time, notes it on the lead's timeline and publishes
    // proposal.status_changed. Sending also needs a complete proposal that has not expired.
    void changeStatus(const QString& id, Proposal::Status status, const QString& reason, QObject* context,
        Done done = {});
    // Tombstones a proposal; restore() is its undo.
    void remove(const QString& id, QObject* context, Done done = {});
    void restore(const QString& id, QObject* context, Done done = {});

signals:
    // After every committed write, with the ids it touched.
    void proposalsChanged(const QStringList& ids);
    void writeFailed(const QString& message);

private:
    void write(QObject* context, std::function<ProposalWriteOutcome(QSqlDatabase&)> job, Done done);
    void setDeleted(const QString& id, bool deleted, QObject* context, Done done);

    DatabaseExecutor* m_executor;
    EventBus* m_bus;
    WorkspaceIdentity m_identity;
};
