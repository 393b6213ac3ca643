#include "app/server/DatabaseCommands.h"

#include "services/teamserver/PgConnInfo.h"
#include "services/teamserver/TeamDatabaseInitializer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("DatabaseCommands", text);
}

void printError(const QString& message)
{
    std::fprintf(stderr, "businesshub-server: %s\n", qPrintable(message));
}

// The first line of a file ("-": standard input), without its line break.
bool readPassword(const QString& path, QString* password, QString* error)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = tr("Cannot read the password file \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    QByteArray line = file.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    *password = QString::fromUtf8(line);
    if (password->isEmpty()) {
        *error = tr("The password file \"%1\" is empty; its first line is the owner's password.").arg(path);
        return false;
    }
    return true;
}
} // namespace

DatabaseCommands::DatabaseCommands(QCommandLineParser* parser)
    : m_parser(parser)
    , m_initDb(QStringLiteral("init-db"),
          tr("Prepare the empty PostgreSQL database of <conninfo> (a superuser's libpq connection string) for "
             "team mode: roles, schema, the first organisation and its owner."),
          tr("conninfo"))
    , m_migrate(QStringLiteral("migrate"),
          tr("Upgrade the Business Hub database of <conninfo> to this version's schema."), tr("conninfo"))
    , m_ownerEmail(QStringLiteral("owner-email"), tr("E-mail address of the first owner (--init-db)."), tr("e-mail"))
    , m_ownerPasswordFile(QStringLiteral("owner-password-file"),
          tr("File whose first line is the first owner's password; - reads standard input (--init-db)."), tr("file"))
    , m_ownerName(QStringLiteral("owner-name"), tr("Display name of the first owner (--init-db)."), tr("name"))
    , m_orgName(QStringLiteral("org-name"), tr("Name of the first organisation (--init-db)."), tr("name"),
          tr("My organisation"))
    , m_currency(QStringLiteral("currency"), tr("Currency of the first organisation (--init-db)."), tr("code"),
          QStringLiteral("EUR"))
    , m_loginPrefix(QStringLiteral("login-prefix"),
          tr("Put <prefix> before every member's login name, for clusters holding several Business Hub databases "
             "(--init-db)."),
          tr("prefix"))
{
    m_parser->addOptions(
        { m_initDb, m_migrate, m_ownerEmail, m_ownerPasswordFile, m_ownerName, m_orgName, m_currency, m_loginPrefix });
}

bool DatabaseCommands::requested() const
{
    return m_parser->isSet(m_initDb) || m_parser->isSet(m_migrate);
}

int DatabaseCommands::run() const
{
    if (m_parser->isSet(m_initDb) && m_parser->isSet(m_migrate)) {
        printError(tr("Give either --init-db or --migrate, not both."));
        return 2;
    }
    return m_parser->isSet(m_initDb) ? initDb() : migrate();
}

int DatabaseCommands::initDb() const
{
    PgConnInfo conninfo;
    QString error;
    if (!PgConnInfo::parse(m_parser->value(m_initDb), &conninfo, &error)) {
        printError(error);
        return 2;
    }
    if (!m_parser->isSet(m_ownerEmail) || !m_parser->isSet(m_ownerPasswordFile)) {
        printError(tr("--init-db needs --owner-email and --owner-password-file (the first owner's login)."));
        return 2;
    }
    TeamOrganizationSetup setup;
    setup.name = m_parser->value(m_orgName);
    setup.currency = m_parser->value(m_currency);
    setup.ownerEmail = m_parser->value(m_ownerEmail);
    setup.ownerName = m_parser->value(m_ownerName);
    setup.loginPrefix = m_parser->value(m_loginPrefix);
    if (!readPassword(m_parser->value(m_ownerPasswordFile), &setup.ownerPassword, &error)) {
        printError(error);
        return 2;
    }
    const ServerSetupResult result = TeamDatabaseInitializer::initialize(conninfo, setup);
    if (!result.ok()) {
        printError(result.message);
        return result.status == ServerSetupResult::Status::InvalidInput ? 2 : 1;
    }
    std::printf("%s\n", qPrintable(result.message));
    std::printf("%s\n",
        qPrintable(tr("Desktops connect with user=%1 to this database; add members in Settings → Workspace → "
                      "Members.")
                       .arg(result.ownerLogin)));
    return 0;
}

int DatabaseCommands::migrate() const
{
    PgConnInfo conninfo;
    QString error;
    if (!PgConnInfo::parse(m_parser->value(m_migrate), &conninfo, &error)) {
        printError(error);
        return 2;
    }
    const ServerSetupResult result = TeamDatabaseInitializer::upgrade(conninfo);
    if (!result.ok()) {
        printError(result.message);
        return 1;
    }
    std::printf("%s\n", qPrintable(result.message));
    return 0;
}
