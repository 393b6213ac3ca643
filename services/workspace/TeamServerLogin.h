#pragma once

#include "services/sync/SyncTypes.h"

#include <QString>

class PgConnInfo;
class PgConnection;
class QSqlError;

// Who the caller is on a team server, as found when logging in.
struct TeamServerIdentity
{
    QString orgId;
    QString orgName;
    QString userId;
    QString role; // owner, admin, manager or employee
    int schemaVersion = 0;
};

// Why a call to the team server failed, in the sync engine's error kinds (SyncErrorClassifier), so Settings and the
// status bar explain the same failure the same way.
struct TeamServerFailure
{
    Sync::ErrorKind kind = Sync::ErrorKind::Other;
    QString message;
};

// Logging in to a team server the way the sync engine does: connect, check the schema version, find the caller's
// membership (of orgId, or their first org when orgId is empty). Runs on the calling thread; call it off the UI thread.
class TeamServerLogin
{
public:
    static bool open(PgConnection& connection, const PgConnInfo& info, const QString& orgId,
        TeamServerIdentity* identity, TeamServerFailure* failure);
    // A failed statement: permission problems and the member functions' own messages stay readable.
    static TeamServerFailure queryFailure(const QSqlError& error);
};
