#include "services/workspace/WorkspaceEntry.h"

#include "services/teamserver/PgConnInfo.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("WorkspaceEntry", text);
}

constexpr int kConnectTimeoutSeconds = 10;
} // namespace

QStringList WorkspaceEntry::sslModes()
{
    return { QStringLiteral("verify-full"), QStringLiteral("verify-ca"), QStringLiteral("require"),
        QStringLiteral("prefer"), QStringLiteral("disable") };
}

bool WorkspaceEntry::isLoopback(const QString& host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || trimmed.startsWith(QLatin1Char('/')))
        return true; // localhost, or a Unix socket folder
    const QHostAddress address(trimmed);
    return !address.isNull() && address.isLoopback();
}

bool WorkspaceEntry::sslModeAllowedFor(const QString& sslMode, const QString& host)
{
    if (!sslModes().contains(sslMode))
        return false;
    const bool encryptedForSure = sslMode == QLatin1String("require") || sslMode.startsWith(QLatin1String("verify-"));
    return encryptedForSure || isLoopback(host);
}

FieldErrors WorkspaceEntry::validate() const
{
    FieldErrors errors;
    if (name.trimmed().isEmpty())
        errors.append({ QStringLiteral("name"), tr("Give the workspace a name, for example the agency’s name.") });
    if (!isServer())
        return errors;
    const QString trimmedHost = host.trimmed();
    if (trimmedHost.isEmpty())
        errors.append({ QStringLiteral("host"), tr("Enter the server’s address, for example db.example.com.") });
    else if (trimmedHost.contains(QLatin1Char(' ')) || trimmedHost.contains(QLatin1Char('\''))
        || trimmedHost.contains(QLatin1Char('\\')) || trimmedHost.contains(QLatin1Char('=')))
        errors.append({ QStringLiteral("host"), tr("“%1” is not a server address.").arg(trimmedHost) });
    if (port < 1 || port > 65535)
        errors.append({ QStringLiteral("port"), tr("The port is a number from 1 to 65535 (PostgreSQL uses 5432).") });
    if (database.trimmed().isEmpty())
        errors.append({ QStringLiteral("database"), tr("Enter the name of the database on the server.") });
    if (user.trimmed().isEmpty())
        errors.append({ QStringLiteral("user"), tr("Enter your login name on the team server.") });
    if (!sslModes().contains(sslMode))
        errors.append({ QStringLiteral("sslMode"), tr("Choose a TLS mode.") });
    else if (!trimmedHost.isEmpty() && !sslModeAllowedFor(sslMode, trimmedHost))
        errors.append({ QStringLiteral("sslMode"),
            tr("A server on another computer needs an encrypted connection: choose “verify-full” (recommended) or "
               "at least “require”.") });
    return errors;
}

PgConnInfo WorkspaceEntry::connInfo(const QString& password) const
{
    PgConnInfo info;
    QString error;
    // Host and mode were validated (no quotes, spaces or '='); the free-text fields are set directly.
    PgConnInfo::parse(QStringLiteral("host=%1 port=%2 sslmode=%3 connect_timeout=%4 application_name=BusinessHub")
                          .arg(host.trimmed())
                          .arg(port)
                          .arg(sslMode)
                          .arg(kConnectTimeoutSeconds),
        &info, &error);
    info.setDatabaseName(database.trimmed());
    info.setUserName(user.trimmed());
    info.setPassword(password);
    return info;
}

QString WorkspaceEntry::describe() const
{
    if (!isServer())
        return path;
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}
