#pragma once

#include "services/storage/OpenResult.h"

#include <QSqlDatabase>

struct sqlite3;

// Opens a SQLite workspace file with the settings every connection needs (WAL, foreign keys, durable commits).
class SqliteConnection
{
public:
    static OpenResult open(const QString& connectionName, const QString& path, QSqlDatabase* db);
    // Switches the file to write-ahead logging; call once the file is known to be a workspace.
    static OpenResult enableWal(QSqlDatabase& db);
    // The connection's C handle, for the bulk paths that bind through SQLite's API; null if db is not SQLite.
    static sqlite3* handle(const QSqlDatabase& db);
};
