#pragma once

#include "services/sync/SyncOptions.h"
#include "services/workspace/WorkspaceEntry.h"
#include "tests/teamserver/PgTestDatabase.h"

#include <QString>

// Server workspaces on the test cluster for GUI tests of team mode.
namespace TeamWorkspaces {

// A server workspace for a member of the test database; port 0: the cluster's own port (else a relay's).
inline WorkspaceEntry entryFor(
    const PgTestDatabase& database, const QString& login, const QString& replicaPath, quint16 port = 0)
{
    const PgConnInfo cluster = database.superuserInfo();
    WorkspaceEntry entry;
    entry.id = QStringLiteral("ws-") + login;
    entry.kind = WorkspaceEntry::Kind::Server;
    entry.name = QStringLiteral("Acme");
    entry.host = cluster.host();
    entry.port = port ? port : cluster.port();
    entry.database = cluster.databaseName();
    entry.user = login;
    entry.sslMode = QStringLiteral("disable"); // the test cluster listens on loopback without TLS
    entry.path = replicaPath;
    return entry;
}

// Short waits, so offline and back online take moments in tests.
inline SyncOptions fastOptions()
{
    SyncOptions options;
    options.initialBackoffMs = 200;
    options.maxBackoffMs = 1000;
    options.notifyDebounceMs = 20;
    options.heartbeatMs = 500;
    return options;
}

} // namespace TeamWorkspaces
