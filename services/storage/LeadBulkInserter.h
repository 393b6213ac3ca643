#pragma once

#include "models/Lead.h"
#include "services/storage/EncodedLeadRows.h"

#include <QList>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

// Inserts many leads at once (an import batch): a few reused multi-row statements bound through SQLite's C API, then
// the search index, lead_figures and lead_totals rows of all of them with one statement each. FTS5 flushes its pending
// terms at every statement, so indexing row by row would write an index segment per lead
// (0011_deferred_lead_indexing.sql). All or nothing: on failure nothing of the call remains. Runs on the thread that
// owns the connection. Keep one inserter for many calls (an import's batches): its statements are compiled once,
// triggers included.
class LeadBulkInserter
{
public:
    explicit LeadBulkInserter(sqlite3* handle);
    ~LeadBulkInserter();
    LeadBulkInserter(const LeadBulkInserter&) = delete;
    LeadBulkInserter& operator=(const LeadBulkInserter&) = delete;

    bool insert(const QList<Lead>& leads);
    // The same, with the leads already encoded (off the database thread).
    bool insert(const EncodedLeadRows& leads);
    QString lastError() const { return m_lastError; }

private:
    bool exec(const char* sql);
    bool insertRows(const EncodedLeadRows& leads, QList<qint64>* rowids);
    sqlite3_stmt* prepareInsert(int rows);
    bool indexRows(const QList<qint64>& rowids);
    bool indexRange(sqlite3_stmt** statement, const char* sql, qint64 first, qint64 last);
    bool setAutomerge(int value);
    bool fail();

    sqlite3* m_handle;
    struct SizedInsert {
        int rows;
        sqlite3_stmt* statement; // compiled when first needed
    };
    QList<SizedInsert> m_inserts; // largest first, down to one row
    sqlite3_stmt* m_indexSearch = nullptr;
    sqlite3_stmt* m_indexFigures = nullptr;
    sqlite3_stmt* m_indexTotals = nullptr;
    QString m_lastError;
};
