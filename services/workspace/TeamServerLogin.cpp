#include "services/workspace/TeamServerLogin.h"

#include "services/sync/SyncErrorClassifier.h"
#include "services/teamserver/PgConnection.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString errorText(const QSqlError& error)
{
    const QString database = error.databaseText().trimmed();
    return database.isEmpty() ? error.text().trimmed() : database;
}

// SQLSTATEs the member functions raise with a message written for the person who asked.
bool isExplainedByServer(const QString& sqlState)
{
    static const QStringList explained { QStringLiteral("22023"), QStringLiteral("23505"), QStringLiteral("23514"),
        QStringLiteral("P0002"), QStringLiteral("42710") };
    return explained.contains(sqlState);
}
} // namespace

TeamServerFailure TeamServerLogin::queryFailure(const QSqlError& error)
{
    const QString sqlState = error.nativeErrorCode();
    const QString text = errorText(error);
    if (isExplainedByServer(sqlState))
        return { Sync::ErrorKind::Other, text };
    // Insufficient privilege: the member functions say who may do it; the UI puts "Permission denied" before it.
    if (sqlState == QLatin1String("42501"))
        return { Sync::ErrorKind::PermissionDenied, text };
    const auto classified = SyncErrorClassifier::queryFailure(sqlState, text);
    return { classified.kind, classified.message };
}

bool TeamServerLogin::open(PgConnection& connection, const PgConnInfo& info, const QString& orgId,
    TeamServerIdentity* identity, TeamServerFailure* failure)
{
    if (!connection.open(info)) {
        const auto classified = SyncErrorClassifier::connectFailure(connection.errorText());
        *failure = { classified.kind, classified.message };
        return false;
    }
    QSqlQuery query(connection.db());
    if (!query.exec(QStringLiteral("SELECT max(version) FROM hub.schema_migrations")) || !query.next()) {
        *failure = queryFailure(query.lastError());
        // A database that was never prepared for Business Hub has no hub schema at all.
        if (query.lastError().nativeErrorCode() == QLatin1String("42P01")
            || query.lastError().nativeErrorCode() == QLatin1String("3F000"))
            *failure = { Sync::ErrorKind::SchemaMismatch,
                QCoreApplication::translate("TeamServerLogin",
                    "This database is not a Business Hub team server. Ask its administrator to prepare it with "
                    "businesshub-server --init-db.") };
        return false;
    }
    identity->schemaVersion = query.value(0).toInt();
    if (identity->schemaVersion != Sync::knownServerSchemaVersion) {
        const auto classified = SyncErrorClassifier::schemaMismatch(identity->schemaVersion);
        *failure = { classified.kind, classified.message };
        return false;
    }
    if (!query.exec(QStringLiteral("SELECT org_id, org_name, user_id, role FROM hub.my_memberships()"))) {
        *failure = queryFailure(query.lastError());
        return false;
    }
    while (query.next()) {
        if (orgId.isEmpty() || query.value(0).toString() == orgId) {
            identity->orgId = query.value(0).toString();
            identity->orgName = query.value(1).toString();
            identity->userId = query.value(2).toString();
            identity->role = query.value(3).toString();
            return true;
        }
    }
    *failure = { Sync::ErrorKind::NotAMember,
        QCoreApplication::translate("SyncEngine",
            "You are not an active member of this organisation on the team server. Ask an owner or admin to add "
            "you.") };
    return false;
}
