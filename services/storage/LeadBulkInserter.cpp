#include "services/storage/LeadBulkInserter.h"

#include "services/storage/LeadColumns.h"

#include <QStringList>

#include <sqlite3.h>

#include <algorithm>

namespace {
// Each statement with triggers opens (and releases) a statement journal savepoint, which journals every index page
// it touches: 500 to 1,000 rows a statement measured about a tenth less writer time than 100. SQLite builds may allow
// fewer variables than the 16,500 that takes.
constexpr int kMaxRowsPerStatement = 500;
constexpr const char* kIndexSearch =
    "INSERT INTO leads_fts (rowid, name, company, contact_person, email, phone, notes, tags) "
    "SELECT rowid, name, company, contact_person, email, phone, notes, tags FROM leads WHERE rowid BETWEEN ?1 AND ?2";
constexpr const char* kIndexFigures =
    "INSERT INTO lead_figures (lead_rowid, deleted, status, currency, value_minor) "
    "SELECT rowid, deleted, status, currency, value_minor FROM leads WHERE rowid BETWEEN ?1 AND ?2";
// From the narrow lead_figures rows just written, rather than the wide lead rows.
constexpr const char* kIndexTotals = "INSERT INTO lead_totals (status, currency, leads, value_minor) "
                                     "SELECT status, currency, count(*), sum(value_minor) FROM lead_figures "
                                     "WHERE lead_rowid BETWEEN ?1 AND ?2 AND deleted = 0 GROUP BY status, currency "
                                     "ON CONFLICT (status, currency) DO UPDATE SET leads = leads + excluded.leads, "
                                     "value_minor = value_minor + excluded.value_minor";
} // namespace

LeadBulkInserter::LeadBulkInserter(sqlite3* handle)
    : m_handle(handle)
{
    const int largest = std::clamp(
        sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1) / LeadColumns::kCount, 1, kMaxRowsPerStatement);
    for (int rows = largest; rows > 0; rows /= 10)
        m_inserts.append({ rows, nullptr });
    if (m_inserts.constLast().rows != 1)
        m_inserts.append({ 1, nullptr });
}

LeadBulkInserter::~LeadBulkInserter()
{
    for (const SizedInsert& insert : std::as_const(m_inserts))
        sqlite3_finalize(insert.statement);
    sqlite3_finalize(m_indexSearch);
    sqlite3_finalize(m_indexFigures);
    sqlite3_finalize(m_indexTotals);
}

bool LeadBulkInserter::insert(const QList<Lead>& leads)
{
    EncodedLeadRows rows;
    for (const Lead& lead : leads)
        rows.add(lead);
    return insert(rows);
}

bool LeadBulkInserter::insert(const EncodedLeadRows& leads)
{
    if (leads.rowCount() == 0)
        return true;
    if (!exec("SAVEPOINT lead_bulk_insert"))
        return false;
    QList<qint64> rowids;
    rowids.reserve(leads.rowCount());
    if (!exec("UPDATE lead_index_control SET deferring = 1 WHERE id = 1") || !insertRows(leads, &rowids)
        || !indexRows(rowids) || !exec("UPDATE lead_index_control SET deferring = 0 WHERE id = 1"))
        return fail();
    return exec("RELEASE lead_bulk_insert");
}

bool LeadBulkInserter::exec(const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_handle, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    m_lastError = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
    sqlite3_free(message);
    return false;
}

// Rows go in as many rows a statement as possible: each statement with triggers opens a statement journal savepoint,
// which costs more than binding a row. Compiling a statement costs more still (several times inserting its rows), so
// the few sizes of m_inserts (500, 50, 5 and 1 rows) are compiled once per inserter, triggers included, and any
// number of rows is a sum of them: 4,860 rows are 9 × 500, 7 × 50, 2 × 5.
bool LeadBulkInserter::insertRows(const EncodedLeadRows& leads, QList<qint64>* rowids)
{
    qsizetype next = 0;
    for (SizedInsert& insert : m_inserts) {
        const qsizetype statements = (leads.rowCount() - next) / insert.rows;
        if (statements == 0)
            continue;
        if (!insert.statement && !(insert.statement = prepareInsert(insert.rows)))
            return false;
        bool ok = true;
        for (qsizetype s = 0; s < statements && ok; ++s) {
            leads.bind(insert.statement, next, insert.rows);
            ok = sqlite3_step(insert.statement) == SQLITE_DONE;
            if (!ok) {
                m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
                break;
            }
            // A multi-row INSERT gives its rows consecutive rowids unless the table ran out of them.
            const qint64 last = sqlite3_last_insert_rowid(m_handle);
            for (int row = 0; row < insert.rows; ++row)
                rowids->append(last - insert.rows + 1 + row);
            next += insert.rows;
            sqlite3_reset(insert.statement);
        }
        sqlite3_reset(insert.statement);
        sqlite3_clear_bindings(insert.statement); // the bound text lives in leads
        if (!ok)
            return false;
    }
    return true;
}

sqlite3_stmt* LeadBulkInserter::prepareInsert(int rows)
{
    const QString row = QLatin1Char('(') + QStringList(LeadColumns::kCount, QStringLiteral("?")).join(QLatin1Char(','))
        + QLatin1Char(')');
    const QByteArray sql = (QStringLiteral("INSERT INTO leads (") + LeadColumns::kList + QStringLiteral(") VALUES ")
        + QStringList(rows, row).join(QLatin1Char(',')))
                               .toUtf8();
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_handle, sql.constData(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
        sqlite3_finalize(statement);
        return nullptr;
    }
    return statement;
}

// New rows take the next rowids, so they are one range unless the table's rowids ran out and SQLite picked
// random free ones; then every row is indexed on its own.
//
// Each call adds one segment to the search index. FTS5 merges segments as soon as 'automerge' (4) of them are on a
// level, so an import of ten batches rewrote the index several times: about a third of its indexing work. The
// batch is indexed with merging off (inside the same transaction, so a crash cannot leave it off); 'crisismerge'
// still bounds the segments and later writes merge them in small steps. Searches over ten segments instead of four
// measured under 1 % more work.
bool LeadBulkInserter::indexRows(const QList<qint64>& rowids)
{
    int automerge = 4; // FTS5's default, when no value is stored
    {
        sqlite3_stmt* read = nullptr;
        if (sqlite3_prepare_v2(m_handle, "SELECT v FROM leads_fts_config WHERE k = 'automerge'", -1, &read, nullptr)
            != SQLITE_OK) {
            m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
            sqlite3_finalize(read);
            return false;
        }
        if (sqlite3_step(read) == SQLITE_ROW)
            automerge = sqlite3_column_int(read, 0);
        sqlite3_finalize(read);
    }
    if (!setAutomerge(0))
        return false;
    const qint64 first = rowids.constFirst();
    bool contiguous = true;
    for (qsizetype i = 0; i < rowids.size() && contiguous; ++i)
        contiguous = rowids.at(i) == first + i;
    bool ok = true;
    if (contiguous) {
        ok = indexRange(&m_indexSearch, kIndexSearch, first, rowids.constLast())
            && indexRange(&m_indexFigures, kIndexFigures, first, rowids.constLast())
            && indexRange(&m_indexTotals, kIndexTotals, first, rowids.constLast());
    } else {
        for (qsizetype i = 0; i < rowids.size() && ok; ++i) {
            ok = indexRange(&m_indexSearch, kIndexSearch, rowids.at(i), rowids.at(i))
                && indexRange(&m_indexFigures, kIndexFigures, rowids.at(i), rowids.at(i))
                && indexRange(&m_indexTotals, kIndexTotals, rowids.at(i), rowids.at(i));
        }
    }
    return ok && setAutomerge(automerge);
}

bool LeadBulkInserter::setAutomerge(int value)
{
    sqlite3_stmt* statement = nullptr;
    bool ok = sqlite3_prepare_v2(m_handle, "INSERT INTO leads_fts (leads_fts, rank) VALUES ('automerge', ?1)", -1,
                  &statement, nullptr)
        == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int(statement, 1, value);
        ok = sqlite3_step(statement) == SQLITE_DONE;
    }
    if (!ok)
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_finalize(statement);
    return ok;
}

bool LeadBulkInserter::indexRange(sqlite3_stmt** statement, const char* sql, qint64 first, qint64 last)
{
    bool ok = *statement || sqlite3_prepare_v2(m_handle, sql, -1, statement, nullptr) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(*statement, 1, first);
        sqlite3_bind_int64(*statement, 2, last);
        ok = sqlite3_step(*statement) == SQLITE_DONE;
    }
    if (!ok)
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_reset(*statement);
    return ok;
}

bool LeadBulkInserter::fail()
{
    const QString error = m_lastError;
    exec("ROLLBACK TO lead_bulk_insert");
    exec("RELEASE lead_bulk_insert");
    m_lastError = error;
    return false;
}
