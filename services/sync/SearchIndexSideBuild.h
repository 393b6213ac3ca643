#pragma once

#include "services/sync/CopyChunks.h"
#include "services/sync/PgBinaryCopy.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

struct sqlite3;

// The FTS5 search index of a first sync into an empty table, built on a thread of its own while the database thread
// writes the rows and their B-tree indexes (ReplicaBulkLoader): the index is most of a first sync's work, and a
// second core is otherwise idle then. It is built in a private in-memory database from the same COPY stream, in a
// table created by the replica's own CREATE statement (same tokenizer, prefixes and detail, so the same index
// format), and its shadow tables are then copied into the replica's, inside the load's transaction.
// The k-th row of the stream that has an id is rowid k in both: the loader gives the rows those rowids.
class SearchIndexSideBuild
{
public:
    // createSql: the index's CREATE VIRTUAL TABLE from the replica; indexColumns: its columns, each one of columns.
    // data may still be arriving: the build reads the rows as they come.
    SearchIndexSideBuild(const QString& name, const QString& createSql, const QStringList& indexColumns,
        const QList<CopyColumn>& columns, std::shared_ptr<const CopyChunks> data);
    ~SearchIndexSideBuild();
    SearchIndexSideBuild(const SearchIndexSideBuild&) = delete;
    SearchIndexSideBuild& operator=(const SearchIndexSideBuild&) = delete;

    void start();
    // Waits for the build, then replaces the rows of the index's shadow tables in target with the built ones.
    bool copyInto(sqlite3* target);
    QString error() const { return m_error; }

private:
    void build();
    bool exec(const char* sql);
    bool copyTable(sqlite3* target, const QString& table);

    QString m_name;
    QString m_createSql;
    QList<int> m_sourceColumns; // per index column, its column in the COPY stream
    QList<CopyColumn> m_columns;
    std::shared_ptr<const CopyChunks> m_data;
    std::thread m_thread;
    std::atomic<bool> m_cancelled { false }; // the load failed and no longer waits for the index
    sqlite3* m_side = nullptr;
    bool m_built = false;
    QString m_error;
};
