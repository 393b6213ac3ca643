#pragma once

#include "services/teamserver/PgScript.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// The server schema: the numbered scripts of resources/sql/postgres (compiled in under :/sql/postgres), each of
// which records its own version in hub.schema_migrations, and setup/prepare_database.sql that runs before the
// first. Works on a connection of a superuser; the scripts switch to the owner role themselves.
class PgSchemaMigrator
{
public:
    struct State {
        enum class Kind { Empty, BusinessHub, Foreign };
        Kind kind = Kind::Empty;
        int version = 0; // BusinessHub: the newest applied migration
        QString detail; // Foreign: what was found
    };

    explicit PgSchemaMigrator(QSqlDatabase db, QString resourceDir = QStringLiteral(":/sql/postgres"));

    // What the database holds; a null error string when it could be read.
    State inspect(QString* error);
    int latestKnownVersion() const;
    static int currentVersion(QSqlDatabase& db);

    // Runs setup/prepare_database.sql in the current transaction.
    QString prepare(const PgScript::Variables& variables);
    // Applies every migration newer than fromVersion. With ownTransactions each runs in a transaction of its own;
    // otherwise all run in the caller's open transaction. Returns an error message, empty on success.
    QString applyFrom(int fromVersion, const PgScript::Variables& variables, bool ownTransactions);

private:
    struct Migration {
        int version = 0;
        QString name;
        QString path;
    };
    QList<Migration> knownMigrations() const;
    QString runFile(const QString& path, const PgScript::Variables& variables);
    QString applyOne(const Migration& migration, const PgScript::Variables& variables);

    QSqlDatabase m_db;
    QString m_resourceDir;
};
