#include "services/sync/SyncErrorClassifier.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SyncEngine", text);
}

bool mentions(const QString& text, const char* what)
{
    return text.contains(QLatin1String(what), Qt::CaseInsensitive);
}
} // namespace

SyncErrorClassifier::Classified SyncErrorClassifier::connectFailure(const QString& serverText)
{
    const QString detail = serverText.trimmed();
    if (mentions(detail, "password authentication failed") || mentions(detail, "no password supplied")
        || mentions(detail, "password is required"))
        return { Sync::ErrorKind::WrongPassword,
            tr("The server refused the password. Enter your current password for the team server."), false };
    if (mentions(detail, "not permitted to log in"))
        return { Sync::ErrorKind::AccountDisabled,
            tr("Your account on the team server is deactivated. Ask an owner or admin of your organisation to "
               "reactivate it."),
            false };
    if (mentions(detail, "permission denied") || mentions(detail, "pg_hba.conf"))
        return { Sync::ErrorKind::PermissionDenied,
            tr("The team server does not let you connect to this database: %1").arg(detail), false };
    if (mentions(detail, "SSL") || mentions(detail, "certificate") || mentions(detail, "TLS"))
        return { Sync::ErrorKind::TlsFailure,
            tr("The secure (TLS) connection to the team server failed: %1. Check the TLS mode and the server's "
               "certificate.")
                .arg(detail),
            false };
    if (mentions(detail, "could not connect") || mentions(detail, "Connection refused")
        || mentions(detail, "could not translate host name") || mentions(detail, "timeout")
        || mentions(detail, "timed out") || mentions(detail, "No route to host") || mentions(detail, "Network is")
        || mentions(detail, "server closed the connection") || mentions(detail, "No such file or directory"))
        return { Sync::ErrorKind::ServerUnreachable,
            tr("The team server cannot be reached (%1). Your changes are kept and sent when it is back.").arg(detail),
            true };
    return { Sync::ErrorKind::Other, tr("Connecting to the team server failed: %1").arg(detail), true };
}

bool SyncErrorClassifier::connectionLost(const QString& sqlState, const QString& serverText)
{
    // A socket that died mid-statement (e.g. the server or the network went away) leaves neither a SQLSTATE nor text.
    if (sqlState.trimmed().isEmpty() && serverText.trimmed().isEmpty())
        return true;
    if (sqlState.startsWith(QLatin1String("08")) || sqlState == QLatin1String("57P01")
        || sqlState == QLatin1String("57P02") || sqlState == QLatin1String("57P03"))
        return true;
    return mentions(serverText, "server closed the connection") || mentions(serverText, "terminating connection")
        || mentions(serverText, "no connection to the server") || mentions(serverText, "connection to server")
        || mentions(serverText, "Database not open") || mentions(serverText, "connection not open")
        || (sqlState.isEmpty() && mentions(serverText, "connection"));
}

SyncErrorClassifier::Classified SyncErrorClassifier::queryFailure(const QString& sqlState, const QString& serverText)
{
    const QString detail = serverText.trimmed();
    if (connectionLost(sqlState, detail))
        return { Sync::ErrorKind::ServerUnreachable,
            tr("The connection to the team server was lost (%1). Reconnecting; your changes are kept.").arg(detail),
            true };
    if (sqlState == QLatin1String("42501"))
        return { Sync::ErrorKind::PermissionDenied,
            tr("The team server refused a change you are not allowed to make: %1").arg(detail), false };
    if (sqlState == QLatin1String("42703") || sqlState == QLatin1String("42883") || sqlState == QLatin1String("42P01"))
        return { Sync::ErrorKind::SchemaMismatch,
            tr("The team server's database does not match this version of Business Hub: %1").arg(detail), false };
    return { Sync::ErrorKind::Other, tr("The team server reported an error: %1").arg(detail), false };
}

SyncErrorClassifier::Classified SyncErrorClassifier::schemaMismatch(int serverVersion)
{
    if (serverVersion > Sync::knownServerSchemaVersion)
        return { Sync::ErrorKind::SchemaMismatch,
            tr("The team server was upgraded to a newer Business Hub (schema %1, this app knows %2). Update Business "
               "Hub on this computer to sync again.")
                .arg(serverVersion)
                .arg(Sync::knownServerSchemaVersion),
            false };
    return { Sync::ErrorKind::SchemaMismatch,
        tr("The team server runs an older Business Hub schema (%1, this app needs %2). Ask your server's "
           "administrator to run businesshub-server --migrate.")
            .arg(serverVersion)
            .arg(Sync::knownServerSchemaVersion),
        false };
}
