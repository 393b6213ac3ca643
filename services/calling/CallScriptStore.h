#pragma once

#include "models/FieldError.h"
#include "models/calling/CallScriptEntry.h"
#include "models/calling/Objection.h"
#include "models/calling/Playbook.h"
#include "services/events/HubEvent.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <optional>

class DatabaseExecutor;
class EventBus;

// Everything the Scripts tab shows, read in one go.
struct CallScriptLibrary
{
    QList<CallScriptEntry> scripts;
    QList<Objection> objections;
    QList<Playbook> playbooks;
};

// What a write did: the id it wrote, or why nothing was written (fieldErrors when the input was invalid).
struct CallScriptWriteOutcome
{
    bool ok = true;
    QString error;
    FieldErrors fieldErrors;
    QString id;
    QList<HubEvent> events;

    static CallScriptWriteOutcome failure(const QString& message, const FieldErrors& fieldErrors = {})
    {
        CallScriptWriteOutcome outcome;
        outcome.ok = false;
        outcome.error = message;
        outcome.fieldErrors = fieldErrors;
        return outcome;
    }
};

// Call scripts, the shared objection library and playbooks of the workspace: asynchronous reads and validated
// writes in one transaction each on the database thread, answered on the thread that owns the store. Script writes
// publish call_script.saved / call_script.deleted; deletes are tombstones that restore() undoes.
class CallScriptStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const CallScriptWriteOutcome&)>;

    CallScriptStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent = nullptr);

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }

    void load(QObject* context, std::function<void(const CallScriptLibrary&)> done);
    // The script as a call uses it: its own handlers followed by the library objections it links. nullopt when the
    // script does not exist or is deleted.
    void fetchForCall(const QString& id, QObject* context, std::function<void(const std::optional<CallScript>&)> done);

    // Creates (empty id or one not stored yet) or updates a script after CallScriptValidator; usage count and
    // creation time are the store's. The linked library objections must exist.
    void save(const CallScriptEntry& entry, QObject* context, Done done = {});
    void remove(const QString& id, QObject* context, Done done = {});
    void restore(const QString& id, QObject* context, Done done = {});
    // One more call placed with the script.
    void incrementUsage(const QString& id, QObject* context, Done done = {});

    void saveObjection(const Objection& objection, QObject* context, Done done = {});
    void removeObjection(const QString& id, QObject* context, Done done = {});
    void restoreObjection(const QString& id, QObject* context, Done done = {});
    void savePlaybook(const Playbook& playbook, QObject* context, Done done = {});
    void removePlaybook(const QString& id, QObject* context, Done done = {});
    void restorePlaybook(const QString& id, QObject* context, Done done = {});

signals:
    // After every committed write of a script (ids) or of the library.
    void scriptsChanged(const QStringList& ids);
    void libraryChanged();
    void writeFailed(const QString& message);

private:
    void write(bool library, QObject* context, std::function<CallScriptWriteOutcome(QSqlDatabase&)> job, Done done);
    void setScriptDeleted(const QString& id, bool deleted, QObject* context, Done done);
    void setLibraryDeleted(const QString& table, const QString& id, bool deleted, QObject* context, Done done);

    DatabaseExecutor* m_executor;
    EventBus* m_bus;
    WorkspaceIdentity m_identity;
};
