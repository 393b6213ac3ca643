#include "services/workspace/ServerConnectionCheck.h"

#include "services/teamserver/PgConnInfo.h"
#include "services/teamserver/PgConnection.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

void ServerConnectionCheck::run(
    const PgConnInfo& info, QObject* context, std::function<void(const ServerCheckResult&)> done)
{
    QtConcurrent::run([info] {
        ServerCheckResult result;
        PgConnection connection(QStringLiteral("check"));
        result.ok = TeamServerLogin::open(connection, info, QString(), &result.identity, &result.failure);
        return result;
    }).then(context, [done = std::move(done)](const ServerCheckResult& result) { done(result); });
}
