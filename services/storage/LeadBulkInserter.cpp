#include "services/storage/LeadBulkInserter.h"

#include "models/Ids.h"
#include "services/storage/LeadColumns.h"

#include <QStringList>

#include <sqlite3.h>

namespace {
constexpr int kRowsPerStatement = 100; // 100 × 33 variables, far under SQLite's limit
constexpr const char* kIndexSearch =
    "INSERT INTO leads_fts (rowid, name, company, contact_person, email, phone, notes, tags) "
    "SELECT rowid, name, company, contact_person, email, phone, notes, tags FROM leads WHERE rowid BETWEEN ?1 AND ?2";
constexpr const char* kIndexFigures =
    "INSERT INTO lead_figures (lead_rowid, deleted, status, currency, value_minor) "
    "SELECT rowid, deleted, status, currency, value_minor FROM leads WHERE rowid BETWEEN ?1 AND ?2";

// Binds one lead in LeadColumns order. Text the lead owns is bound in place as UTF-16 (SQLITE_STATIC: the lead
// outlives the step); text made here is copied.
class LeadBinder
{
public:
    explicit LeadBinder(sqlite3_stmt* statement)
        : m_statement(statement)
    {
    }

    // Binds `lead` as the `row`-th row of the statement's VALUES list.
    void bind(int row, const Lead& lead)
    {
        m_index = row * LeadColumns::kCount;
        const int base = m_index;
        text(lead.id);
        text(lead.orgId);
        nullableText(lead.ownerId);
        for (const QString* field : { &lead.name, &lead.company, &lead.contactPerson, &lead.title, &lead.email,
                 &lead.phone, &lead.phoneRaw, &lead.website, &lead.websiteIssues, &lead.location, &lead.status,
                 &lead.source, &lead.industry })
            text(*field);
        copiedText(lead.tags.join(QLatin1Char(',')));
        text(lead.notes);
        integer(lead.valueMinor);
        text(lead.currency);
        integer(lead.doNotCall);
        integer(lead.emailOptOut);
        integer(lead.smsOptOut);
        text(lead.lawfulBasis);
        integer(lead.marketingConsent);
        time(lead.consentAt);
        text(lead.fieldSources);
        time(lead.lastContactedAt);
        time(lead.createdAt);
        time(lead.updatedAt);
        integer(lead.rev);
        integer(lead.deleted);
        nullableText(lead.importJobId);
        Q_ASSERT(m_index == base + LeadColumns::kCount);
        Q_UNUSED(base);
    }

private:
    // A null pointer would store NULL; these columns want ''.
    static const void* utf16(const QString& value)
    {
        return value.isNull() ? static_cast<const void*>(u"") : static_cast<const void*>(value.utf16());
    }
    void text(const QString& value)
    {
        sqlite3_bind_text16(m_statement, ++m_index, utf16(value), static_cast<int>(value.size() * 2), SQLITE_STATIC);
    }
    void copiedText(const QString& value)
    {
        sqlite3_bind_text16(m_statement, ++m_index, utf16(value), static_cast<int>(value.size() * 2), SQLITE_TRANSIENT);
    }
    void nullableText(const QString& value)
    {
        if (value.isEmpty())
            sqlite3_bind_null(m_statement, ++m_index);
        else
            text(value);
    }
    // Imports stamp every row with the same times: format each distinct one once.
    void time(const QDateTime& value)
    {
        if (!value.isValid()) {
            sqlite3_bind_null(m_statement, ++m_index);
            return;
        }
        if (value != m_lastTime || m_lastTimeText.isEmpty()) {
            m_lastTime = value;
            m_lastTimeText = Ids::toStorage(value).toUtf8();
        }
        sqlite3_bind_text(m_statement, ++m_index, m_lastTimeText.constData(), static_cast<int>(m_lastTimeText.size()),
            SQLITE_TRANSIENT);
    }
    void integer(qint64 value) { sqlite3_bind_int64(m_statement, ++m_index, value); }

    sqlite3_stmt* m_statement;
    int m_index = 0;
    QDateTime m_lastTime;
    QByteArray m_lastTimeText;
};
} // namespace

LeadBulkInserter::LeadBulkInserter(sqlite3* handle)
    : m_handle(handle)
{
}

bool LeadBulkInserter::insert(const QList<Lead>& leads)
{
    if (leads.isEmpty())
        return true;
    if (!exec("SAVEPOINT lead_bulk_insert"))
        return false;
    QList<qint64> rowids;
    rowids.reserve(leads.size());
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

// Rows go in kRowsPerStatement at a time: each statement with triggers opens a statement journal savepoint, which
// costs more than binding a row. The statements are prepared once per call (compiling the triggers with them).
bool LeadBulkInserter::insertRows(const QList<Lead>& leads, QList<qint64>* rowids)
{
    const qsizetype fullStatements = leads.size() / kRowsPerStatement;
    const int remainder = static_cast<int>(leads.size() % kRowsPerStatement);
    qsizetype next = 0;
    const auto run = [&](int rowsPerStatement, qsizetype statements) {
        sqlite3_stmt* statement = prepareInsert(rowsPerStatement);
        if (!statement)
            return false;
        LeadBinder binder(statement);
        bool ok = true;
        for (qsizetype s = 0; s < statements && ok; ++s) {
            for (int row = 0; row < rowsPerStatement; ++row)
                binder.bind(row, leads.at(next + row));
            ok = sqlite3_step(statement) == SQLITE_DONE;
            if (!ok) {
                m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
                break;
            }
            // A multi-row INSERT gives its rows consecutive rowids unless the table ran out of them.
            const qint64 last = sqlite3_last_insert_rowid(m_handle);
            for (int row = 0; row < rowsPerStatement; ++row)
                rowids->append(last - rowsPerStatement + 1 + row);
            next += rowsPerStatement;
            sqlite3_reset(statement);
        }
        sqlite3_finalize(statement);
        return ok;
    };
    return (fullStatements == 0 || run(kRowsPerStatement, fullStatements)) && (remainder == 0 || run(remainder, 1));
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
bool LeadBulkInserter::indexRows(const QList<qint64>& rowids)
{
    const qint64 first = rowids.constFirst();
    bool contiguous = true;
    for (qsizetype i = 0; i < rowids.size() && contiguous; ++i)
        contiguous = rowids.at(i) == first + i;
    if (contiguous)
        return indexRange(kIndexSearch, first, rowids.constLast()) && indexRange(kIndexFigures, first, rowids.constLast());
    for (const qint64 rowid : rowids) {
        if (!indexRange(kIndexSearch, rowid, rowid) || !indexRange(kIndexFigures, rowid, rowid))
            return false;
    }
    return true;
}

bool LeadBulkInserter::indexRange(const char* sql, qint64 first, qint64 last)
{
    sqlite3_stmt* statement = nullptr;
    bool ok = sqlite3_prepare_v2(m_handle, sql, -1, &statement, nullptr) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(statement, 1, first);
        sqlite3_bind_int64(statement, 2, last);
        ok = sqlite3_step(statement) == SQLITE_DONE;
    }
    if (!ok)
        m_lastError = QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_finalize(statement);
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
