#pragma once

#include <QString>

// How preparing or upgrading a team server database went, with a message the administrator can act on.
struct ServerSetupResult {
    enum class Status {
        Ok,
        InvalidInput, // a missing or malformed argument; nothing was touched
        DriverMissing, // the QPSQL plugin (libqt6sql6-psql) is not installed
        ConnectionFailed, // wrong address, password or TLS setup
        NotSuperuser, // preparing a database needs a superuser connection
        UnsupportedServer, // PostgreSQL older than 13
        ForeignDatabase, // the database holds tables of another program
        AlreadyInitialized, // a Business Hub database already (--migrate upgrades it)
        NewerSchema, // written by a newer Business Hub server; nothing was changed
        NotInitialized, // --migrate on a database --init-db never prepared
        Failed, // a statement failed; the transaction was rolled back
    };

    Status status = Status::Ok;
    QString message;
    int schemaVersion = 0;
    // Set by a successful --init-db.
    QString orgId;
    QString ownerUserId;
    QString ownerLogin;

    bool ok() const { return status == Status::Ok; }
};
