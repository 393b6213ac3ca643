#pragma once

#include "models/FieldError.h"

#include <QString>
#include <QStringList>

class PgConnInfo;

// One workspace the app can open: the Local one (a SQLite file) or a team server (PostgreSQL) with its own local
// replica file. Only non-secret fields: the password lives in the keychain (WorkspaceRegistry).
struct WorkspaceEntry
{
    enum class Kind { Local, Server };

    QString id; // WorkspaceEntry::localId() for the Local workspace, a UUID for server workspaces
    Kind kind = Kind::Local;
    QString name;
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("verify-full");
    // Local: the workspace file; Server: the replica (QStandardPaths::AppDataLocation/replicas/<id>.sqlite).
    QString path;

    static QString localId() { return QStringLiteral("local"); }
    static QString recommendedSslMode() { return QStringLiteral("verify-full"); }
    // libpq's sslmode values this app offers, strictest first.
    static QStringList sslModes();
    // A mode that neither encrypts nor checks the server is only allowed on this computer (loopback).
    static bool sslModeAllowedFor(const QString& sslMode, const QString& host);
    static bool isLoopback(const QString& host);

    bool isServer() const { return kind == Kind::Server; }
    // Problems with the fields (name, host, port, database, user, sslMode), each with a message for the user.
    FieldErrors validate() const;
    // The connection to the server, with the password; connect_timeout keeps an unreachable server from hanging.
    PgConnInfo connInfo(const QString& password) const;
    // "anna@db.example.com:5432/hub" (no password), for lists and messages.
    QString describe() const;
};
