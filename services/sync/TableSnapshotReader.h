#pragma once

#include "services/sync/CopyChunks.h"
#include "services/sync/PgBinaryCopy.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

class PgConnection;
class SyncedTable;

// The first full sync of tables (DESIGN.md section 4, "COPY for the first full sync"): every row the member may see,
// read with one binary COPY inside a REPEATABLE READ transaction, together with the snapshot cursor of that very
// transaction (hub.sync_snapshot()). The COPY sees exactly the rows committed in that snapshot, so the next
// incremental pull from the cursor (hub.pull_changes) misses nothing that committed later, whatever the order.
class TableSnapshotReader
{
public:
    struct Request
    {
        const SyncedTable* table = nullptr;
        // Also the deleted rows (a replica that already holds rows of the table needs them).
        bool withTombstones = false;
        // Called as the table's COPY begins, with the stream that is about to fill: its rows can be read while
        // the COPY and those of the tables after it go on.
        std::function<void(const QList<CopyColumn>& columns, const std::shared_ptr<const CopyChunks>& data)> started;
    };
    struct Snapshot
    {
        QList<CopyColumn> columns;
        std::shared_ptr<CopyChunks> data; // binary COPY stream: header, rows, trailer
        qint64 readMs = 0;
        qint64 readCpuMs = 0; // this process's part of it
        qint64 bytes = 0;
    };

    explicit TableSnapshotReader(PgConnection& pg);

    // Every requested table in one transaction; *until is the cursor to store once the rows are applied.
    bool read(const QList<Request>& requests, QString* until, QList<Snapshot>* out);
    QString errorText() const { return m_error; }
    // SQLSTATE of the failure; empty when the connection broke.
    QString sqlState() const { return m_sqlState; }

private:
    bool exec(const QString& sql, QString* firstValue = nullptr);
    bool serverColumns(const SyncedTable& table, QList<CopyColumn>* columns);

    PgConnection& m_pg;
    QString m_error;
    QString m_sqlState;
};
