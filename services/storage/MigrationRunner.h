#pragma once

#include "services/storage/OpenResult.h"

#include <QSqlDatabase>
#include <QStringList>

// Applies the numbered SQL files of resources/sql/sqlite in order, one transaction each, and refuses databases
// written by a newer version or by another program.
class MigrationRunner
{
public:
    explicit MigrationRunner(QSqlDatabase db, QString resourceDir = QStringLiteral(":/sql/sqlite"));

    OpenResult migrate();
    int latestKnownVersion() const;
    static int currentVersion(QSqlDatabase& db);
    // Splits a script into complete statements (trigger bodies stay whole).
    static QStringList splitStatements(const QString& script);

private:
    struct Migration
    {
        int version = 0;
        QString name;
        QString path;
    };
    QList<Migration> knownMigrations() const;
    bool isForeignDatabase();
    QString apply(const Migration& migration);

    QSqlDatabase m_db;
    QString m_resourceDir;
};
