#include "services/calling/CallScriptStore.h"

#include "models/Ids.h"
#include "models/calling/CallScriptValidator.h"
#include "services/calling/CallLibraryRepository.h"
#include "services/calling/CallScriptRepository.h"
#include "services/events/EventBus.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/Transaction.h"

#include <QPointer>

namespace {
HubEvent scriptEvent(HubEvent::Type type, const CallScript& script)
{
    HubEvent event;
    event.type = type;
    event.payload = { { QStringLiteral("script_id"), script.id }, { QStringLiteral("name"), script.name } };
    return event;
}

CallScriptWriteOutcome succeeded(const QString& id)
{
    CallScriptWriteOutcome outcome;
    outcome.id = id;
    return outcome;
}
} // namespace

CallScriptStore::CallScriptStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_bus(bus)
{
}

void CallScriptStore::load(QObject* context, std::function<void(const CallScriptLibrary&)> done)
{
    const QString orgId = m_identity.orgId;
    m_executor->run<CallScriptLibrary>(
        context,
        [orgId](QSqlDatabase& db) {
            CallScriptLibrary library;
            library.scripts = CallScriptRepository(db).list(orgId);
            CallLibraryRepository repository(db);
            library.objections = repository.objections(orgId);
            library.playbooks = repository.playbooks(orgId);
            return library;
        },
        std::move(done));
}

void CallScriptStore::fetchForCall(
    const QString& id, QObject* context, std::function<void(const std::optional<CallScript>&)> done)
{
    const QString orgId = m_identity.orgId;
    m_executor->run<std::optional<CallScript>>(
        context,
        [id, orgId](QSqlDatabase& db) -> std::optional<CallScript> {
            const std::optional<CallScriptEntry> entry = CallScriptRepository(db).find(id);
            if (!entry || entry->deleted)
                return std::nullopt;
            CallScript script = entry->script;
            CallLibraryRepository library(db);
            for (const QString& objectionId : entry->libraryObjectionIds) {
                if (const std::optional<Objection> objection = library.findObjection(objectionId))
                    script.objectionHandlers.append({ objection->objection, objection->response });
            }
            return script;
        },
        std::move(done));
}

void CallScriptStore::write(
    bool library, QObject* context, std::function<CallScriptWriteOutcome(QSqlDatabase&)> job, Done done)
{
    QPointer<QObject> guard(context);
    m_executor->run<CallScriptWriteOutcome>(
        this,
        [job = std::move(job)](QSqlDatabase& db) {
            return inTransaction<CallScriptWriteOutcome>(db, [&] { return job(db); });
        },
        [this, library, guard, done = std::move(done)](const CallScriptWriteOutcome& outcome) {
            if (outcome.ok) {
                if (library)
                    emit libraryChanged();
                else
                    emit scriptsChanged({ outcome.id });
                for (const HubEvent& event : outcome.events)
                    m_bus->publish(event);
            } else {
                emit writeFailed(outcome.error);
            }
            if (done && guard)
                done(outcome);
        });
}

void CallScriptStore::save(const CallScriptEntry& input, QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        false, context,
        [input, orgId](QSqlDatabase& db) {
            CallScriptEntry entry = input;
            entry.script = CallScriptValidator::normalized(entry.script);
            const FieldErrors errors = CallScriptValidator::validate(entry.script);
            if (!errors.isEmpty())
                return CallScriptWriteOutcome::failure(errors.constFirst().message, errors);
            entry.libraryObjectionIds.removeDuplicates();
            CallLibraryRepository library(db);
            for (const QString& objectionId : std::as_const(entry.libraryObjectionIds)) {
                const std::optional<Objection> objection = library.findObjection(objectionId);
                if (!objection || objection->deleted || library.orgIdOf(QStringLiteral("objections"), objectionId) != orgId)
                    return CallScriptWriteOutcome::failure(tr("A linked objection is no longer in the library."),
                        { { QStringLiteral("objectionHandlers"), tr("A linked objection is no longer in the library; "
                                                                    "remove it from the script.") } });
            }

            CallScriptRepository scripts(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const std::optional<CallScriptEntry> existing
                = entry.script.id.isEmpty() ? std::nullopt : scripts.find(entry.script.id);
            if (existing && scripts.orgIdOf(entry.script.id) != orgId)
                return CallScriptWriteOutcome::failure(tr("The script belongs to another organisation."));
            if (existing) {
                entry.script.createdAt = existing->script.createdAt;
                entry.script.usageCount = existing->script.usageCount;
                entry.rev = existing->rev;
            } else {
                if (entry.script.id.isEmpty())
                    entry.script.id = Ids::newId();
                entry.script.createdAt = now;
                entry.script.usageCount = 0;
                entry.rev = 0;
            }
            entry.deleted = false;
            entry.script.updatedAt = now;
            if (!(existing ? scripts.update(entry) : scripts.insert(entry, orgId)))
                return CallScriptWriteOutcome::failure(scripts.lastError());
            if (!scripts.setLinkedObjections(entry.script.id, orgId, entry.libraryObjectionIds, now))
                return CallScriptWriteOutcome::failure(scripts.lastError());
            CallScriptWriteOutcome outcome = succeeded(entry.script.id);
            outcome.events.append(scriptEvent(HubEvent::Type::CallScriptSaved, entry.script));
            return outcome;
        },
        std::move(done));
}

void CallScriptStore::remove(const QString& id, QObject* context, Done done)
{
    setScriptDeleted(id, true, context, std::move(done));
}

void CallScriptStore::restore(const QString& id, QObject* context, Done done)
{
    setScriptDeleted(id, false, context, std::move(done));
}

void CallScriptStore::setScriptDeleted(const QString& id, bool deleted, QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        false, context,
        [id, deleted, orgId](QSqlDatabase& db) {
            CallScriptRepository scripts(db);
            const std::optional<CallScriptEntry> existing = scripts.find(id);
            if (!existing || scripts.orgIdOf(id) != orgId)
                return CallScriptWriteOutcome::failure(tr("The script no longer exists."));
            CallScriptWriteOutcome outcome = succeeded(id);
            if (existing->deleted == deleted)
                return outcome;
            if (!scripts.setDeleted(id, deleted, QDateTime::currentDateTimeUtc()))
                return CallScriptWriteOutcome::failure(scripts.lastError());
            outcome.events.append(scriptEvent(
                deleted ? HubEvent::Type::CallScriptDeleted : HubEvent::Type::CallScriptSaved, existing->script));
            return outcome;
        },
        std::move(done));
}

void CallScriptStore::incrementUsage(const QString& id, QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        false, context,
        [id, orgId](QSqlDatabase& db) {
            CallScriptRepository scripts(db);
            if (scripts.orgIdOf(id) != orgId || !scripts.incrementUsage(id, QDateTime::currentDateTimeUtc()))
                return CallScriptWriteOutcome::failure(tr("The script no longer exists."));
            return succeeded(id);
        },
        std::move(done));
}

void CallScriptStore::saveObjection(const Objection& input, QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        true, context,
        [input, orgId](QSqlDatabase& db) {
            Objection objection = input;
            objection.objection = objection.objection.trimmed();
            objection.response = objection.response.trimmed();
            objection.category = objection.category.trimmed().toLower();
            QStringList tags;
            for (const QString& tag : std::as_const(objection.tags)) {
                if (!tag.trimmed().isEmpty() && !tags.contains(tag.trimmed().toLower()))
                    tags.append(tag.trimmed().toLower());
            }
            objection.tags = tags;
            const FieldErrors errors = CallScriptValidator::validate(objection);
            if (!errors.isEmpty())
                return CallScriptWriteOutcome::failure(errors.constFirst().message, errors);
            CallLibraryRepository library(db);
            const QString table = QStringLiteral("objections");
            const std::optional<Objection> existing
                = objection.id.isEmpty() ? std::nullopt : library.findObjection(objection.id);
            if (existing && library.orgIdOf(table, objection.id) != orgId)
                return CallScriptWriteOutcome::failure(tr("The objection belongs to another organisation."));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (existing) {
                objection.createdAt = existing->createdAt;
            } else {
                if (objection.id.isEmpty())
                    objection.id = Ids::newId();
                objection.createdAt = now;
                objection.rev = 0;
            }
            objection.deleted = false;
            objection.updatedAt = now;
            if (!(existing ? library.updateObjection(objection) : library.insertObjection(objection, orgId)))
                return CallScriptWriteOutcome::failure(library.lastError());
            return succeeded(objection.id);
        },
        std::move(done));
}

void CallScriptStore::savePlaybook(const Playbook& input, QObject* context, Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        true, context,
        [input, orgId](QSqlDatabase& db) {
            Playbook playbook = input;
            playbook.name = playbook.name.trimmed();
            playbook.description = playbook.description.trimmed();
            const FieldErrors errors = CallScriptValidator::validate(playbook);
            if (!errors.isEmpty())
                return CallScriptWriteOutcome::failure(errors.constFirst().message, errors);
            CallLibraryRepository library(db);
            const std::optional<Playbook> existing
                = playbook.id.isEmpty() ? std::nullopt : library.findPlaybook(playbook.id);
            if (existing && library.orgIdOf(QStringLiteral("playbooks"), playbook.id) != orgId)
                return CallScriptWriteOutcome::failure(tr("The playbook belongs to another organisation."));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (existing) {
                playbook.createdAt = existing->createdAt;
            } else {
                if (playbook.id.isEmpty())
                    playbook.id = Ids::newId();
                playbook.createdAt = now;
                playbook.rev = 0;
            }
            playbook.deleted = false;
            playbook.updatedAt = now;
            if (!(existing ? library.updatePlaybook(playbook) : library.insertPlaybook(playbook, orgId)))
                return CallScriptWriteOutcome::failure(library.lastError());
            return succeeded(playbook.id);
        },
        std::move(done));
}

void CallScriptStore::removeObjection(const QString& id, QObject* context, Done done)
{
    setLibraryDeleted(QStringLiteral("objections"), id, true, context, std::move(done));
}

void CallScriptStore::restoreObjection(const QString& id, QObject* context, Done done)
{
    setLibraryDeleted(QStringLiteral("objections"), id, false, context, std::move(done));
}

void CallScriptStore::removePlaybook(const QString& id, QObject* context, Done done)
{
    setLibraryDeleted(QStringLiteral("playbooks"), id, true, context, std::move(done));
}

void CallScriptStore::restorePlaybook(const QString& id, QObject* context, Done done)
{
    setLibraryDeleted(QStringLiteral("playbooks"), id, false, context, std::move(done));
}

void CallScriptStore::setLibraryDeleted(const QString& table, const QString& id, bool deleted, QObject* context,
    Done done)
{
    const QString orgId = m_identity.orgId;
    write(
        true, context,
        [table, id, deleted, orgId](QSqlDatabase& db) {
            CallLibraryRepository library(db);
            if (library.orgIdOf(table, id) != orgId)
                return CallScriptWriteOutcome::failure(tr("The library entry no longer exists."));
            // Scripts that link a deleted objection stop offering it (links are filtered on read) and offer it
            // again when it is restored.
            if (!library.setDeleted(table, id, deleted, QDateTime::currentDateTimeUtc()))
                return CallScriptWriteOutcome::failure(library.lastError());
            return succeeded(id);
        },
        std::move(done));
}
