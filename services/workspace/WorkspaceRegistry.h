#pragma once

#include "services/secrets/SecretStore.h"
#include "services/workspace/WorkspaceEntry.h"

#include <QList>
#include <QObject>

#include <functional>
#include <optional>

// How adding a workspace or storing its password went.
struct WorkspaceSaveOutcome
{
    bool ok = false;
    QString message; // translated, when !ok
    FieldErrors fieldErrors; // validation problems: nothing was saved
    bool keychainUnavailable = false; // the keychain could not take the password: offer "for this session only"
    WorkspaceEntry entry; // the saved workspace, when ok
    bool sessionOnly = false; // the password is kept in memory for this run of the app only
};

// The workspaces this computer knows: Local (always there) and any number of team servers. Non-secret fields live in
// QSettings under "workspaces/"; each server's password in the OS keychain under
// SecretStore::keyFor(<workspace id>, "postgres"). The active workspace is remembered and opened at start.
class WorkspaceRegistry : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceRegistry(SecretStore* secrets, QObject* parent = nullptr);

    static QString passwordProvider() { return QStringLiteral("postgres"); }
    static QString passwordKey(const QString& workspaceId);
    // Where a server workspace keeps its replica: <AppDataLocation>/replicas/<id>.sqlite.
    static QString replicaPathFor(const QString& workspaceId);

    // The Local workspace's file (AppSettings::defaultWorkspacePath() unless --db named another for this run).
    void setLocalPath(const QString& path) { m_localPath = path; }
    QString localPath() const;

    // Local first, then the servers in the order they were added.
    QList<WorkspaceEntry> workspaces() const;
    std::optional<WorkspaceEntry> find(const QString& id) const;
    // The remembered workspace; Local when none is remembered or it was removed.
    WorkspaceEntry active() const;
    void setActive(const QString& id);

    // Validates the entry, gives it an id and replica path, stores its password (keychain, or this session only when
    // sessionOnly is set) and then its fields. Nothing is saved when the password cannot be stored.
    void addServer(WorkspaceEntry entry, const QString& password, bool sessionOnly, QObject* context,
        std::function<void(const WorkspaceSaveOutcome&)> done);
    // Replaces the stored password of a server workspace (e.g. after "wrong password").
    void setPassword(const QString& id, const QString& password, bool sessionOnly, QObject* context,
        std::function<void(const WorkspaceSaveOutcome&)> done);
    void readPassword(const QString& id, QObject* context, SecretStore::Done done);
    // Forgets a server workspace: its settings, its password and its replica file on this computer. The data on the
    // server is not touched. The Local workspace and the open one cannot be removed (done gets the reason).
    void remove(const QString& id, const QString& openId, QObject* context, std::function<void(const QString&)> done);

    SecretStore* secrets() const { return m_secrets; }

signals:
    void changed();

private:
    void saveEntry(const WorkspaceEntry& entry);

    SecretStore* m_secrets;
    QString m_localPath;
};
