#pragma once

#include "services/workspace/TeamServerLogin.h"

#include <QObject>

#include <functional>

class PgConnInfo;

// The answer of "Test connection".
struct ServerCheckResult
{
    bool ok = false;
    TeamServerIdentity identity; // when ok
    TeamServerFailure failure; // when !ok
};

// Settings → Workspace → Test connection: logs in to a team server on a worker thread exactly as the sync engine
// will (TLS, password, schema version, membership) and answers on the context's thread, only while it lives.
class ServerConnectionCheck
{
public:
    static void run(const PgConnInfo& info, QObject* context, std::function<void(const ServerCheckResult&)> done);
};
