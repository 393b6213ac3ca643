#pragma once

#include "services/teamserver/ServerSetupResult.h"

#include <QString>

class PgConnInfo;
class PgConnection;

// The first organisation of a new team server and the person who owns it.
struct TeamOrganizationSetup {
    QString name;
    QString currency = QStringLiteral("EUR");
    QString ownerEmail;
    QString ownerName;
    QString ownerPassword;
    // Put before every login role name (login_prefix || e-mail); lets one cluster hold several Business Hub
    // databases whose members share e-mail addresses. Empty by default.
    QString loginPrefix;
};

// businesshub-server --init-db / --migrate: prepares an empty PostgreSQL database for team mode (roles, schema,
// first org and owner, all in one transaction, so a failure leaves the database as it was) or brings a prepared
// one up to this version's schema. Refuses foreign and newer databases with a message that says what to do.
class TeamDatabaseInitializer
{
public:
    static ServerSetupResult initialize(const PgConnInfo& superuser, const TeamOrganizationSetup& setup);
    static ServerSetupResult upgrade(const PgConnInfo& superuser);

    // The NOLOGIN roles of a database: hub_<name>_owner owns the schema, hub_<name>_member holds the members.
    static QString ownerRoleFor(const QString& databaseName);
    static QString memberRoleFor(const QString& databaseName);
    static int latestSchemaVersion();

private:
    static ServerSetupResult connectAsSuperuser(PgConnection& connection, const PgConnInfo& info);
    static QString validate(const TeamOrganizationSetup& setup);
};
