#include "services/teamserver/TeamDatabaseInitializer.h"

#include "services/teamserver/PgConnInfo.h"
#include "services/teamserver/PgConnection.h"
#include "services/teamserver/PgSchemaMigrator.h"
#include "services/teamserver/ScramVerifier.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("TeamDatabaseInitializer", text);
}

ServerSetupResult failure(ServerSetupResult::Status status, const QString& message, int version = 0)
{
    ServerSetupResult result;
    result.status = status;
    result.message = message;
    result.schemaVersion = version;
    return result;
}

// Role names hold only [a-z0-9_] and stay within PostgreSQL's 63 bytes with the longest suffix.
QString roleStem(const QString& databaseName)
{
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9_]"));
    QString stem = databaseName.toLower();
    stem.replace(unsafe, QStringLiteral("_"));
    return QStringLiteral("hub_") + stem.left(52);
}

// Two administrators preparing or upgrading the same database at once take turns; the second then finds the
// database as the first left it. Released when the connection closes.
bool lockSchema(QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT pg_advisory_lock(hashtext('businesshub schema'))")))
        return true;
    *error = query.lastError().text();
    return false;
}

QString databaseText(const QSqlQuery& query)
{
    const QSqlError error = query.lastError();
    return error.databaseText().trimmed().isEmpty() ? error.text().trimmed() : error.databaseText().trimmed();
}
} // namespace

QString TeamDatabaseInitializer::ownerRoleFor(const QString& databaseName)
{
    return roleStem(databaseName) + QStringLiteral("_owner");
}

QString TeamDatabaseInitializer::memberRoleFor(const QString& databaseName)
{
    return roleStem(databaseName) + QStringLiteral("_member");
}

int TeamDatabaseInitializer::latestSchemaVersion()
{
    return PgSchemaMigrator(QSqlDatabase()).latestKnownVersion();
}

QString TeamDatabaseInitializer::validate(const TeamOrganizationSetup& setup)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    static const QRegularExpression currency(QStringLiteral("^[A-Z]{3}$"));
    if (setup.name.trimmed().isEmpty())
        return tr("The organisation needs a name.");
    if (!currency.match(setup.currency).hasMatch())
        return tr("\"%1\" is not an ISO 4217 currency code such as EUR or USD.").arg(setup.currency);
    if (!email.match(setup.ownerEmail.trimmed()).hasMatch())
        return tr("\"%1\" is not an e-mail address; the owner logs in with it.").arg(setup.ownerEmail);
    if (setup.ownerPassword.isEmpty())
        return tr("The owner needs a password.");
    if (setup.loginPrefix.size() > 20)
        return tr("The login prefix may be at most 20 characters long.");
    return {};
}

ServerSetupResult TeamDatabaseInitializer::connectAsSuperuser(PgConnection& connection, const PgConnInfo& info)
{
    if (!PgConnection::driverAvailable())
        return failure(ServerSetupResult::Status::DriverMissing, PgConnection::driverMissingMessage());
    if (!connection.open(info)) {
        return failure(ServerSetupResult::Status::ConnectionFailed,
            tr("Could not connect to %1: %2").arg(info.describe(), connection.errorText()));
    }
    QSqlQuery query(connection.db());
    if (!query.exec(
            QStringLiteral("SELECT current_setting('server_version_num')::int, current_setting('server_version'), "
                           "(SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), "
                           "current_user"))
        || !query.next()) {
        return failure(ServerSetupResult::Status::Failed, databaseText(query));
    }
    if (query.value(0).toInt() < 130000) {
        return failure(ServerSetupResult::Status::UnsupportedServer,
            tr("Business Hub needs PostgreSQL 13 or newer; %1 runs PostgreSQL %2.")
                .arg(info.describe(), query.value(1).toString()));
    }
    if (!query.value(2).toBool()) {
        return failure(ServerSetupResult::Status::NotSuperuser,
            tr("Connect as a PostgreSQL superuser (for example user=postgres) to prepare or upgrade the database; "
               "\"%1\" is not one. Members never need this: they log in with their own roles.")
                .arg(query.value(3).toString()));
    }
    return {};
}

ServerSetupResult TeamDatabaseInitializer::initialize(const PgConnInfo& superuser, const TeamOrganizationSetup& setup)
{
    const QString invalid = validate(setup);
    if (!invalid.isEmpty())
        return failure(ServerSetupResult::Status::InvalidInput, invalid);

    PgConnection connection(QStringLiteral("init-db"));
    ServerSetupResult connected = connectAsSuperuser(connection, superuser);
    if (!connected.ok())
        return connected;
    QSqlDatabase& db = connection.db();
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT current_database()"));
    const QString database = query.next() ? query.value(0).toString() : superuser.databaseName();

    PgSchemaMigrator migrator(db);
    QString error;
    if (!lockSchema(db, &error))
        return failure(ServerSetupResult::Status::Failed, error);
    const PgSchemaMigrator::State state = migrator.inspect(&error);
    if (!error.isEmpty())
        return failure(ServerSetupResult::Status::Failed, error);
    const int latest = migrator.latestKnownVersion();
    if (state.kind == PgSchemaMigrator::State::Kind::BusinessHub && state.version > latest) {
        return failure(ServerSetupResult::Status::NewerSchema,
            tr("The database \"%1\" was prepared by a newer Business Hub server (schema %2; this version knows up "
               "to %3). Nothing was changed: update businesshub-server.")
                .arg(database)
                .arg(state.version)
                .arg(latest),
            state.version);
    }
    if (state.kind == PgSchemaMigrator::State::Kind::BusinessHub) {
        return failure(ServerSetupResult::Status::AlreadyInitialized,
            tr("The database \"%1\" is already a Business Hub database (schema %2). Nothing was changed; to upgrade "
               "it to this version run businesshub-server --migrate.")
                .arg(database)
                .arg(state.version),
            state.version);
    }
    if (state.kind == PgSchemaMigrator::State::Kind::Foreign) {
        return failure(ServerSetupResult::Status::ForeignDatabase,
            tr("The database \"%1\" is not empty (%2). Business Hub only prepares an empty database: create a new "
               "one (createdb) and run --init-db on it. Nothing was changed.")
                .arg(database, state.detail));
    }

    const PgScript::Variables variables {
        { QStringLiteral("owner_role"), ownerRoleFor(database) },
        { QStringLiteral("member_role"), memberRoleFor(database) },
        { QStringLiteral("login_prefix"), setup.loginPrefix },
    };
    if (!db.transaction())
        return failure(ServerSetupResult::Status::Failed, db.lastError().text());
    error = migrator.prepare(variables);
    if (error.isEmpty())
        error = migrator.applyFrom(0, variables, false);
    ServerSetupResult result;
    if (error.isEmpty()) {
        query.prepare(QStringLiteral("SELECT org_id, user_id, login_role "
                                     "FROM hub_private.create_organization(?, ?, ?, ?, ?)"));
        query.addBindValue(setup.name.trimmed());
        query.addBindValue(setup.currency);
        query.addBindValue(setup.ownerEmail.trimmed());
        query.addBindValue(setup.ownerName.trimmed());
        query.addBindValue(ScramVerifier::forServer(setup.ownerPassword));
        if (query.exec() && query.next()) {
            result.orgId = query.value(0).toString();
            result.ownerUserId = query.value(1).toString();
            result.ownerLogin = query.value(2).toString();
        } else {
            error = databaseText(query);
        }
    }
    if (error.isEmpty() && !db.commit())
        error = db.lastError().text();
    if (!error.isEmpty()) {
        db.rollback();
        return failure(ServerSetupResult::Status::Failed,
            tr("Could not prepare the database \"%1\"; nothing was changed. %2").arg(database, error));
    }
    result.schemaVersion = latest;
    result.message = tr("Prepared the database \"%1\" (schema %2) with the organisation \"%3\". Its owner logs in as "
                        "\"%4\".")
                         .arg(database)
                         .arg(latest)
                         .arg(setup.name.trimmed(), result.ownerLogin);
    return result;
}

ServerSetupResult TeamDatabaseInitializer::upgrade(const PgConnInfo& superuser)
{
    PgConnection connection(QStringLiteral("migrate-db"));
    ServerSetupResult connected = connectAsSuperuser(connection, superuser);
    if (!connected.ok())
        return connected;
    QSqlDatabase& db = connection.db();
    PgSchemaMigrator migrator(db);
    QString error;
    if (!lockSchema(db, &error))
        return failure(ServerSetupResult::Status::Failed, error);
    const PgSchemaMigrator::State state = migrator.inspect(&error);
    if (!error.isEmpty())
        return failure(ServerSetupResult::Status::Failed, error);
    const int latest = migrator.latestKnownVersion();
    if (state.kind != PgSchemaMigrator::State::Kind::BusinessHub) {
        return failure(ServerSetupResult::Status::NotInitialized,
            tr("%1 is not a Business Hub database; prepare an empty database with --init-db first.")
                .arg(superuser.describe()));
    }
    if (state.version > latest) {
        return failure(ServerSetupResult::Status::NewerSchema,
            tr("The database was prepared by a newer Business Hub server (schema %1; this version knows up to %2). "
               "Nothing was changed: update businesshub-server.")
                .arg(state.version)
                .arg(latest),
            state.version);
    }
    PgScript::Variables variables;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT key, value FROM hub_private.server_info")))
        return failure(ServerSetupResult::Status::Failed, databaseText(query));
    while (query.next())
        variables.insert(query.value(0).toString(), query.value(1).toString());
    error = migrator.applyFrom(state.version, variables, true);
    const int reached = PgSchemaMigrator::currentVersion(db);
    if (!error.isEmpty()) {
        return failure(ServerSetupResult::Status::Failed,
            tr("Could not upgrade the database past schema %1: %2").arg(reached).arg(error), reached);
    }
    ServerSetupResult result;
    result.schemaVersion = reached;
    result.message = reached == state.version
        ? tr("The database is up to date (schema %1).").arg(reached)
        : tr("Upgraded the database from schema %1 to %2.").arg(state.version).arg(reached);
    return result;
}
