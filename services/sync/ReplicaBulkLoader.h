#pragma once

#include "services/sync/CopyChunks.h"
#include "services/sync/PgBinaryCopy.h"
#include "services/sync/SearchIndexSideBuild.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

class SyncedTable;

// Writes a first-sync COPY (TableSnapshotReader) into the replica, on the workspace's database thread, in one
// transaction that also stores the table's cursor: either everything is there with its cursor, or nothing is. It reads
// the rows as they arrive (PgBinaryCopyStream), so SyncWorker starts it as soon as the table's COPY begins.
// Rows go in through one prepared statement of SQLite's C API. Into an empty table they go without the per-row
// triggers of SyncedTable::bulkTriggers(), whose work is then done once (SyncedTable::bulkRebuild()), and without
// the table's secondary indexes, built once at the end; triggers and indexes are dropped and re-created from their
// own SQL inside the transaction; the table's search index is meanwhile built on a second thread from the same
// stream (SearchIndexSideBuild). A table that already has rows gets upserts
// with its triggers, and columns with local changes still in the outbox keep their local value.
class ReplicaBulkLoader
{
public:
    struct Result
    {
        int rows = 0;
        bool bulk = false;
        qint64 insertMs = 0;
        qint64 rebuildMs = 0;
        qint64 commitMs = 0;
        // CPU time of the database thread in the same phases.
        qint64 insertCpuMs = 0;
        qint64 rebuildCpuMs = 0;
        qint64 commitCpuMs = 0;
        // The search index was built on a thread of its own (SearchIndexSideBuild), not by a rebuild.
        bool searchIndexAside = false;
        // Filled while at most idLimit rows arrived (above, open lists are simply reset).
        QStringList upserted;
        QStringList removed;
        QStringList parents;
    };

    explicit ReplicaBulkLoader(QSqlDatabase& db);

    // sideBuild: the table's search index, already being built from data (SyncWorker starts it as the COPY
    // begins); used when the table is empty, else dropped. Without one, an empty table's load starts its own.
    bool load(const SyncedTable& table, const QList<CopyColumn>& columns, const std::shared_ptr<const CopyChunks>& data,
        const QString& until, const QString& syncedAt, int idLimit, Result* result,
        std::unique_ptr<SearchIndexSideBuild> sideBuild = nullptr);
    QString lastError() const { return m_error; }

    // The replica's CREATE statement and columns of a search index, for a SearchIndexSideBuild.
    static bool describeSearchIndex(QSqlDatabase& db, const QString& index, QString* createSql, QStringList* columns);

private:
    bool run(const QString& sql);
    std::unique_ptr<SearchIndexSideBuild> startSearchIndexBuild(
        const QString& index, const QList<CopyColumn>& columns, const std::shared_ptr<const CopyChunks>& data);

    QSqlDatabase& m_db;
    QString m_error;
};
