#include "services/sync/SearchIndexSideBuild.h"

#include "services/sync/CopyFieldBinding.h"

#include <QPair>
#include <QStringList>

#include <sqlite3.h>

#include <array>
#include <vector>

namespace {
// Room for every pending term of a large first sync: FTS5 then writes a few segments instead of one per megabyte
// and merging them (about a third of the index's cost at 100,000 leads). A setting of the side table only.
constexpr const char* kHashSize = "67108864";

QString quoted(const QString& identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString errorOf(sqlite3* handle)
{
    return QString::fromUtf8(handle ? sqlite3_errmsg(handle) : "out of memory");
}

// Finalizes a statement when it goes out of scope.
struct Statement
{
    sqlite3_stmt* handle = nullptr;
    ~Statement() { sqlite3_finalize(handle); }
};
} // namespace

SearchIndexSideBuild::SearchIndexSideBuild(const QString& name, const QString& createSql,
    const QStringList& indexColumns, const QList<CopyColumn>& columns, std::shared_ptr<const CopyChunks> data)
    : m_name(name)
    , m_createSql(createSql)
    , m_columns(columns)
    , m_data(std::move(data))
{
    for (const QString& column : indexColumns) {
        int source = -1;
        for (int i = 0; i < columns.size() && source < 0; ++i)
            if (columns.at(i).name == column)
                source = i;
        m_sourceColumns.append(source);
    }
}

SearchIndexSideBuild::~SearchIndexSideBuild()
{
    m_cancelled = true;
    if (m_thread.joinable())
        m_thread.join();
    sqlite3_close(m_side);
}

void SearchIndexSideBuild::start()
{
    m_thread = std::thread([this] { build(); });
}

bool SearchIndexSideBuild::exec(const char* sql)
{
    if (sqlite3_exec(m_side, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    m_error = errorOf(m_side);
    return false;
}

void SearchIndexSideBuild::build()
{
    if (m_sourceColumns.contains(-1)) {
        m_error = QStringLiteral("the COPY lacks a column of %1").arg(m_name);
        return;
    }
    if (sqlite3_open_v2(":memory:", &m_side, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        m_error = errorOf(m_side);
        return;
    }
    const QByteArray hashSize = QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('hashsize', %2)")
                                    .arg(quoted(m_name), QLatin1String(kHashSize))
                                    .toUtf8();
    if (!exec("PRAGMA journal_mode = OFF") || !exec(m_createSql.toUtf8().constData()) || !exec(hashSize.constData())
        || !exec("BEGIN"))
        return;
    QStringList names;
    for (const int source : std::as_const(m_sourceColumns))
        names.append(quoted(m_columns.at(source).name));
    const QByteArray sql = QStringLiteral("INSERT INTO %1 (rowid, %2) VALUES (?%3)")
                               .arg(quoted(m_name), names.join(QStringLiteral(", ")),
                                   QStringLiteral(", ?").repeated(names.size()))
                               .toUtf8();
    Statement insert;
    if (sqlite3_prepare_v2(m_side, sql.constData(), static_cast<int>(sql.size()), &insert.handle, nullptr) != SQLITE_OK) {
        m_error = errorOf(m_side);
        return;
    }
    PgBinaryCopyStream stream(*m_data, &m_cancelled);
    const PgBinaryCopyReader& reader = stream.row();
    if (!stream.readHeader()) {
        m_error = stream.error();
        return;
    }
    std::vector<std::array<char, 24>> times(static_cast<size_t>(m_sourceColumns.size()));
    qint64 rowid = 0;
    while (stream.next()) {
        if (m_cancelled) {
            m_error = QStringLiteral("cancelled");
            return;
        }
        // The loader's rule: a row without an id is skipped and takes no rowid.
        if (reader.fieldCount() != m_columns.size() || reader.isNull(0))
            continue;
        sqlite3_bind_int64(insert.handle, 1, ++rowid);
        for (int i = 0; i < m_sourceColumns.size(); ++i) {
            const int source = m_sourceColumns.at(i);
            bindCopyField(
                insert.handle, i + 2, reader, source, m_columns.at(source).kind, times[static_cast<size_t>(i)].data());
        }
        if (sqlite3_step(insert.handle) != SQLITE_DONE) {
            m_error = errorOf(m_side);
            return;
        }
        sqlite3_reset(insert.handle);
    }
    if (!stream.atEnd()) {
        m_error = stream.error();
        return;
    }
    m_built = exec("COMMIT");
}

bool SearchIndexSideBuild::copyTable(sqlite3* target, const QString& table)
{
    Statement read;
    const QByteArray select = QStringLiteral("SELECT * FROM %1").arg(quoted(table)).toUtf8();
    if (sqlite3_prepare_v2(m_side, select.constData(), -1, &read.handle, nullptr) != SQLITE_OK) {
        m_error = errorOf(m_side);
        return false;
    }
    const int count = sqlite3_column_count(read.handle);
    const QByteArray clear = QStringLiteral("DELETE FROM %1").arg(quoted(table)).toUtf8();
    const QByteArray sql =
        QStringLiteral("INSERT INTO %1 VALUES (?%2)").arg(quoted(table), QStringLiteral(", ?").repeated(count - 1)).toUtf8();
    Statement write;
    if (sqlite3_exec(target, clear.constData(), nullptr, nullptr, nullptr) != SQLITE_OK
        || sqlite3_prepare_v2(target, sql.constData(), -1, &write.handle, nullptr) != SQLITE_OK) {
        m_error = errorOf(target);
        return false;
    }
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(read.handle)) == SQLITE_ROW) {
        for (int i = 0; i < count; ++i)
            sqlite3_bind_value(write.handle, i + 1, sqlite3_column_value(read.handle, i));
        if (sqlite3_step(write.handle) != SQLITE_DONE) {
            m_error = errorOf(target);
            return false;
        }
        sqlite3_reset(write.handle);
    }
    if (step != SQLITE_DONE) {
        m_error = errorOf(m_side);
        return false;
    }
    return true;
}

bool SearchIndexSideBuild::copyInto(sqlite3* target)
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_built)
        return false;
    // FTS5 keeps the index's structure cached per connection and only re-reads it after other connections'
    // commits: the replica's index is dropped and created anew (so nothing of it is cached) before its shadow
    // tables are filled. Its settings other than the format version are carried over.
    QList<QPair<QByteArray, QByteArray>> settings;
    {
        Statement read;
        const QByteArray sql =
            QStringLiteral("SELECT k, v FROM %1 WHERE k <> 'version'").arg(quoted(m_name + QLatin1String("_config"))).toUtf8();
        if (sqlite3_prepare_v2(target, sql.constData(), -1, &read.handle, nullptr) != SQLITE_OK) {
            m_error = errorOf(target);
            return false;
        }
        while (sqlite3_step(read.handle) == SQLITE_ROW)
            settings.append({ QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(read.handle, 0))),
                QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(read.handle, 1))) });
    }
    const QByteArray drop = QStringLiteral("DROP TABLE %1").arg(quoted(m_name)).toUtf8();
    if (sqlite3_exec(target, drop.constData(), nullptr, nullptr, nullptr) != SQLITE_OK
        || sqlite3_exec(target, m_createSql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        m_error = errorOf(target);
        return false;
    }
    // Its shadow tables with rows of the index (FTS5: _data, _idx, _docsize, and _content where it exists).
    for (const char* suffix : { "_data", "_idx", "_docsize", "_content" }) {
        const QString table = m_name + QLatin1String(suffix);
        Statement exists;
        const QByteArray utf8 = table.toUtf8();
        if (sqlite3_prepare_v2(m_side, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1,
                &exists.handle, nullptr)
            != SQLITE_OK) {
            m_error = errorOf(m_side);
            return false;
        }
        sqlite3_bind_text(exists.handle, 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC);
        if (sqlite3_step(exists.handle) == SQLITE_ROW && !copyTable(target, table))
            return false;
    }
    // Through FTS5 itself, now that the table reads the copied structure.
    for (const auto& setting : std::as_const(settings)) {
        Statement write;
        const QByteArray sql = QStringLiteral("INSERT INTO %1 (%1, rank) VALUES (?, ?)").arg(quoted(m_name)).toUtf8();
        if (sqlite3_prepare_v2(target, sql.constData(), -1, &write.handle, nullptr) != SQLITE_OK) {
            m_error = errorOf(target);
            return false;
        }
        sqlite3_bind_text(write.handle, 1, setting.first.constData(), -1, SQLITE_STATIC);
        sqlite3_bind_text(write.handle, 2, setting.second.constData(), -1, SQLITE_STATIC);
        if (sqlite3_step(write.handle) != SQLITE_DONE) {
            m_error = errorOf(target);
            return false;
        }
    }
    return true;
}
