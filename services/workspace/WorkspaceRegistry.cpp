#include "services/workspace/WorkspaceRegistry.h"

#include "models/Ids.h"
#include "services/settings/AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace {
const QString kGroup = QStringLiteral("workspaces");
const QString kOrder = QStringLiteral("workspaces/order");
const QString kActive = QStringLiteral("workspaces/active");

QString keyOf(const QString& id, const char* field)
{
    return kGroup + QLatin1Char('/') + id + QLatin1Char('/') + QLatin1String(field);
}
} // namespace

WorkspaceRegistry::WorkspaceRegistry(SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
{ }

QString WorkspaceRegistry::passwordKey(const QString& workspaceId)
{
    return SecretStore::keyFor(workspaceId, passwordProvider());
}

QString WorkspaceRegistry::replicaPathFor(const QString& workspaceId)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/replicas");
    return dir + QLatin1Char('/') + workspaceId + QStringLiteral(".sqlite");
}

QString WorkspaceRegistry::localPath() const
{
    return m_localPath.isEmpty() ? AppSettings::defaultWorkspacePath() : m_localPath;
}

QList<WorkspaceEntry> WorkspaceRegistry::workspaces() const
{
    WorkspaceEntry local;
    local.id = WorkspaceEntry::localId();
    local.kind = WorkspaceEntry::Kind::Local;
    local.name = tr("Local workspace");
    local.path = localPath();
    QList<WorkspaceEntry> all { local };

    QSettings settings;
    const QStringList order = settings.value(kOrder).toStringList();
    for (const QString& id : order) {
        WorkspaceEntry entry;
        entry.id = id;
        entry.kind = WorkspaceEntry::Kind::Server;
        entry.name = settings.value(keyOf(id, "name")).toString();
        entry.host = settings.value(keyOf(id, "host")).toString();
        entry.port = settings.value(keyOf(id, "port"), 5432).toInt();
        entry.database = settings.value(keyOf(id, "database")).toString();
        entry.user = settings.value(keyOf(id, "user")).toString();
        entry.sslMode = settings.value(keyOf(id, "sslmode"), WorkspaceEntry::recommendedSslMode()).toString();
        entry.path = settings.value(keyOf(id, "replica"), replicaPathFor(id)).toString();
        if (!entry.host.isEmpty())
            all.append(entry);
    }
    return all;
}

std::optional<WorkspaceEntry> WorkspaceRegistry::find(const QString& id) const
{
    for (const WorkspaceEntry& entry : workspaces()) {
        if (entry.id == id)
            return entry;
    }
    return std::nullopt;
}

WorkspaceEntry WorkspaceRegistry::active() const
{
    const auto found = find(QSettings().value(kActive).toString());
    return found ? *found : workspaces().constFirst();
}

void WorkspaceRegistry::setActive(const QString& id)
{
    QSettings().setValue(kActive, id);
    emit changed();
}

void WorkspaceRegistry::saveEntry(const WorkspaceEntry& entry)
{
    QSettings settings;
    settings.setValue(keyOf(entry.id, "name"), entry.name.trimmed());
    settings.setValue(keyOf(entry.id, "host"), entry.host.trimmed());
    settings.setValue(keyOf(entry.id, "port"), entry.port);
    settings.setValue(keyOf(entry.id, "database"), entry.database.trimmed());
    settings.setValue(keyOf(entry.id, "user"), entry.user.trimmed());
    settings.setValue(keyOf(entry.id, "sslmode"), entry.sslMode);
    settings.setValue(keyOf(entry.id, "replica"), entry.path);
    QStringList order = settings.value(kOrder).toStringList();
    if (!order.contains(entry.id))
        order.append(entry.id);
    settings.setValue(kOrder, order);
}

void WorkspaceRegistry::addServer(WorkspaceEntry entry, const QString& password, bool sessionOnly, QObject* context,
    std::function<void(const WorkspaceSaveOutcome&)> done)
{
    entry.kind = WorkspaceEntry::Kind::Server;
    WorkspaceSaveOutcome outcome;
    outcome.fieldErrors = entry.validate();
    if (password.isEmpty())
        outcome.fieldErrors.append({ QStringLiteral("password"), tr("Enter your password for the team server.") });
    if (!outcome.fieldErrors.isEmpty()) {
        outcome.message = outcome.fieldErrors.constFirst().message;
        done(outcome);
        return;
    }
    entry.id = Ids::newId();
    entry.path = replicaPathFor(entry.id);
    entry.name = entry.name.trimmed();
    setPassword(
        entry.id, password, sessionOnly, context, [this, entry, done = std::move(done)](WorkspaceSaveOutcome outcome) {
            if (outcome.ok) {
                saveEntry(entry);
                outcome.entry = entry;
                emit changed();
            }
            done(outcome);
        });
}

void WorkspaceRegistry::setPassword(const QString& id, const QString& password, bool sessionOnly, QObject* context,
    std::function<void(const WorkspaceSaveOutcome&)> done)
{
    const QString key = passwordKey(id);
    if (sessionOnly) {
        m_secrets->setSessionSecret(key, password);
        WorkspaceSaveOutcome outcome;
        outcome.ok = true;
        outcome.sessionOnly = true;
        done(outcome);
        return;
    }
    m_secrets->write(key, password, context, [done = std::move(done)](const SecretResult& result) {
        WorkspaceSaveOutcome outcome;
        outcome.ok = result.ok();
        outcome.message = result.message;
        outcome.keychainUnavailable = result.unavailable();
        done(outcome);
    });
}

void WorkspaceRegistry::readPassword(const QString& id, QObject* context, SecretStore::Done done)
{
    m_secrets->read(passwordKey(id), context, std::move(done));
}

void WorkspaceRegistry::remove(
    const QString& id, const QString& openId, QObject* context, std::function<void(const QString&)> done)
{
    const auto entry = find(id);
    if (!entry || !entry->isServer()) {
        done(tr("The Local workspace is always there and cannot be removed."));
        return;
    }
    if (id == openId) {
        done(tr("This workspace is open. Switch to another workspace first, then remove it."));
        return;
    }
    m_secrets->remove(
        passwordKey(id), context, [this, entry = *entry, done = std::move(done)](const SecretResult& result) {
            if (!result.ok() && !result.unavailable()) {
                done(result.message);
                return;
            }
            QSettings settings;
            settings.remove(kGroup + QLatin1Char('/') + entry.id);
            QStringList order = settings.value(kOrder).toStringList();
            order.removeAll(entry.id);
            settings.setValue(kOrder, order);
            if (settings.value(kActive).toString() == entry.id)
                settings.setValue(kActive, WorkspaceEntry::localId());
            for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
                QFile::remove(entry.path + suffix);
            emit changed();
            done(QString());
        });
}
