#include "services/sync/ReplicaBulkLoader.h"

#include "services/sync/CopyFieldBinding.h"
#include "services/sync/ReplicaStore.h"
#include "services/sync/SearchIndexSideBuild.h"
#include "services/sync/SyncedTable.h"
#include "services/sync/ThreadCpuTime.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <array>
#include <map>
#include <memory>
#include <vector>

namespace {
sqlite3* handleOf(QSqlDatabase& db)
{
    const QVariant handle = db.driver()->handle();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3* const*>(handle.constData())
        : nullptr;
}

// Wall-clock and CPU time of one phase of a load.
struct PhaseClock
{
    QElapsedTimer wall;
    qint64 cpuStart = 0;
    void start()
    {
        wall.start();
        cpuStart = threadCpuMs();
    }
    // The phase's wall and CPU milliseconds; the next phase starts now.
    void lap(qint64* wallMs, qint64* cpuMs)
    {
        *wallMs = wall.restart();
        const qint64 cpu = threadCpuMs();
        *cpuMs = cpu - cpuStart;
        cpuStart = cpu;
    }
};

// Finalizes the prepared statements of one load.
struct Statements
{
    std::map<QString, sqlite3_stmt*> byKey;
    ~Statements()
    {
        for (auto& entry : byKey)
            sqlite3_finalize(entry.second);
    }
};
} // namespace

ReplicaBulkLoader::ReplicaBulkLoader(QSqlDatabase& db)
    : m_db(db)
{ }

bool ReplicaBulkLoader::run(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

bool ReplicaBulkLoader::describeSearchIndex(
    QSqlDatabase& db, const QString& index, QString* createSql, QStringList* columns)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.addBindValue(index);
    if (!query.exec() || !query.next())
        return false;
    *createSql = query.value(0).toString();
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(index)))
        return false;
    while (query.next())
        columns->append(query.value(1).toString());
    return true;
}

std::unique_ptr<SearchIndexSideBuild> ReplicaBulkLoader::startSearchIndexBuild(
    const QString& index, const QList<CopyColumn>& columns, const std::shared_ptr<const CopyChunks>& data)
{
    QString createSql;
    QStringList indexColumns;
    if (!describeSearchIndex(m_db, index, &createSql, &indexColumns))
        return nullptr;
    auto build = std::make_unique<SearchIndexSideBuild>(index, createSql, indexColumns, columns, data);
    build->start();
    return build;
}

bool ReplicaBulkLoader::load(const SyncedTable& table, const QList<CopyColumn>& columns,
    const std::shared_ptr<const CopyChunks>& data, const QString& until, const QString& syncedAt, int idLimit,
    Result* result, std::unique_ptr<SearchIndexSideBuild> sideBuild)
{
    sqlite3* handle = handleOf(m_db);
    if (!handle) {
        m_error = QStringLiteral("no SQLite handle");
        return false;
    }
    ReplicaStore replica(m_db);
    QHash<QString, QSet<QString>> pending;
    if (!replica.pendingColumns(table.name(), &pending)) {
        m_error = replica.lastError();
        return false;
    }
    // The rows may still be arriving (SyncWorker loads while the COPY goes on): a server that stops sending does not
    // hold the database thread for longer than this.
    PgBinaryCopyStream stream(*data, nullptr, std::chrono::seconds(30));
    const PgBinaryCopyReader& reader = stream.row();
    if (!stream.readHeader()) {
        m_error = stream.error();
        return false;
    }
    QStringList names;
    for (const CopyColumn& column : columns)
        names.append(column.name);
    const int orgIndex = static_cast<int>(names.indexOf(QStringLiteral("org_id")));
    const int deletedIndex = static_cast<int>(names.indexOf(QStringLiteral("deleted")));
    const int parentIndex = table.parentColumn().isEmpty() ? -1 : static_cast<int>(names.indexOf(table.parentColumn()));
    QList<int> userIndexes;
    for (const QString& column : table.userColumns())
        if (names.contains(column))
            userIndexes.append(static_cast<int>(names.indexOf(column)));

    PhaseClock clock;
    clock.start();
    const bool bulk = replica.isEmpty(table.name());
    result->bulk = bulk;
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    // Rows may name parents (orgs, users) the replica lacks: they are made sure of before the row (below).
    bool ok = run(QStringLiteral("PRAGMA defer_foreign_keys = ON")) && replica.setApplying(true);
    if (!ok && m_error.isEmpty())
        m_error = replica.lastError();
    QStringList triggerSql;
    for (const QString& trigger : table.bulkTriggers()) {
        if (!ok || !bulk)
            break;
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
        query.addBindValue(trigger);
        if (!query.exec()) {
            m_error = query.lastError().text();
            ok = false;
        } else if (query.next()) {
            triggerSql.append(query.value(0).toString());
            query.finish();
            ok = run(QStringLiteral("DROP TRIGGER \"%1\"").arg(trigger));
        }
    }

    // Into an empty table, its secondary indexes are built once at the end (a sort each) instead of row by row.
    QStringList indexSql;
    if (ok && bulk) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"));
        query.addBindValue(table.name());
        ok = query.exec();
        QStringList names;
        while (ok && query.next()) {
            names.append(query.value(0).toString());
            indexSql.append(query.value(1).toString());
        }
        if (!ok)
            m_error = query.lastError().text();
        query.finish();
        for (const QString& index : std::as_const(names))
            ok = ok && run(QStringLiteral("DROP INDEX \"%1\"").arg(index));
    }
    // Enough page cache for the table and its primary key while they are written.
    int cacheSize = 0;
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA cache_size")) && query.next())
            cacheSize = query.value(0).toInt();
    }
    ok = ok && run(QStringLiteral("PRAGMA cache_size = -131072"));

    // The search index is built aside from the same stream; the rows then get the rowids it gives them.
    if (!bulk || table.searchIndex().isEmpty())
        sideBuild.reset();
    else if (ok && !sideBuild)
        sideBuild = startSearchIndexBuild(table.searchIndex(), columns, data);
    const int firstParameter = sideBuild ? 2 : 1;
    qint64 rowid = 0;

    Statements statements;
    const auto statementFor = [&](const QSet<QString>& keep) -> sqlite3_stmt* {
        if (bulk && !statements.byKey.empty())
            return statements.byKey.begin()->second;
        QStringList updates;
        for (const QString& column : std::as_const(names))
            if (!bulk && column != QLatin1String("id") && !keep.contains(column))
                updates.append(QStringLiteral("\"%1\" = excluded.\"%1\"").arg(column));
        const QString key = updates.join(QLatin1Char(','));
        const auto found = statements.byKey.find(key);
        if (found != statements.byKey.end())
            return found->second;
        QString sql = QStringLiteral("INSERT INTO %1 (%2\"%3\") VALUES (%4)")
                          .arg(table.name(), sideBuild ? QStringLiteral("rowid, ") : QString(),
                              names.join(QStringLiteral("\", \"")),
                              QStringList(names.size() + firstParameter - 1, QStringLiteral("?")).join(QLatin1Char(',')));
        if (!bulk)
            sql += updates.isEmpty() ? QStringLiteral(" ON CONFLICT (id) DO NOTHING")
                                     : QStringLiteral(" ON CONFLICT (id) DO UPDATE SET ") + updates.join(QStringLiteral(", "));
        const QByteArray utf8 = sql.toUtf8();
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(handle, utf8.constData(), static_cast<int>(utf8.size()), &statement, nullptr)
            != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(handle));
            sqlite3_finalize(statement);
            return nullptr;
        }
        statements.byKey.emplace(key, statement);
        return statement;
    };

    QSet<QByteArray> orgs;
    QSet<QByteArray> users;
    QString orgOfUsers;
    QSet<QString> parents;
    std::vector<std::array<char, 24>> times(static_cast<size_t>(columns.size()));
    while (ok && stream.next()) {
        if (reader.fieldCount() != columns.size()) {
            m_error = QStringLiteral("a COPY row has %1 fields, expected %2").arg(reader.fieldCount()).arg(columns.size());
            ok = false;
            break;
        }
        if (reader.isNull(0))
            continue;
        const QString id = pending.isEmpty() && result->rows >= idLimit
            ? QString()
            : QString::fromUtf8(reader.data(0), reader.size(0));
        sqlite3_stmt* statement = statementFor(pending.isEmpty() ? QSet<QString>() : pending.value(id));
        if (!statement) {
            ok = false;
            break;
        }
        // Parents (orgs, users) before their first row: with none missing, SQLite's deferred foreign key counter
        // stays at zero and it does not look for children of every row inserted after.
        if (orgIndex >= 0 && !reader.isNull(orgIndex)) {
            const QByteArray org = QByteArray::fromRawData(reader.data(orgIndex), reader.size(orgIndex));
            if (!orgs.contains(org)) {
                orgs.insert(QByteArray(org.constData(), org.size()));
                if (orgOfUsers.isEmpty())
                    orgOfUsers = QString::fromUtf8(org);
                ok = replica.ensureOrg(QString::fromUtf8(org), QString());
            }
        }
        for (int index : std::as_const(userIndexes)) {
            if (!ok || reader.isNull(index))
                continue;
            const QByteArray user = QByteArray::fromRawData(reader.data(index), reader.size(index));
            if (!users.contains(user)) {
                users.insert(QByteArray(user.constData(), user.size()));
                ok = replica.ensureUser(QString::fromUtf8(user), orgOfUsers);
            }
        }
        if (!ok) {
            m_error = replica.lastError();
            break;
        }
        if (sideBuild)
            sqlite3_bind_int64(statement, 1, ++rowid);
        for (int i = 0; i < columns.size(); ++i)
            bindCopyField(
                statement, i + firstParameter, reader, i, columns.at(i).kind, times[static_cast<size_t>(i)].data());
        if (sqlite3_step(statement) != SQLITE_DONE) {
            m_error = QString::fromUtf8(sqlite3_errmsg(handle));
            ok = false;
        }
        sqlite3_reset(statement);
        if (result->rows < idLimit) {
            const bool deleted = deletedIndex >= 0 && !reader.isNull(deletedIndex)
                && reader.integer(deletedIndex, columns.at(deletedIndex).kind) != 0;
            (deleted ? result->removed : result->upserted).append(id);
            if (parentIndex >= 0 && !reader.isNull(parentIndex))
                parents.insert(QString::fromUtf8(reader.data(parentIndex), reader.size(parentIndex)));
        }
        ++result->rows;
    }
    if (ok && !stream.atEnd()) {
        m_error = stream.error();
        ok = false;
    }
    if (result->rows > idLimit) {
        result->upserted.clear();
        result->removed.clear();
        parents.clear();
    }
    result->parents = QStringList(parents.begin(), parents.end());
    statements.byKey.clear();
    clock.lap(&result->insertMs, &result->insertCpuMs);

    for (const QString& sql : std::as_const(indexSql))
        ok = ok && run(sql);
    for (const QString& sql : table.bulkRebuild())
        ok = ok && (!bulk || run(sql));
    // Last, so that the side build had all the time above.
    if (ok && bulk && !table.searchIndex().isEmpty()) {
        result->searchIndexAside = sideBuild && sideBuild->copyInto(handle);
        if (!result->searchIndexAside)
            ok = run(QStringLiteral("INSERT INTO \"%1\" (\"%1\") VALUES ('rebuild')").arg(table.searchIndex()));
    }
    for (const QString& sql : std::as_const(triggerSql))
        ok = ok && run(sql);
    ok = ok && replica.setApplying(false) && replica.finishPull(table.name(), until, syncedAt);
    if (!ok && m_error.isEmpty())
        m_error = replica.lastError();
    clock.lap(&result->rebuildMs, &result->rebuildCpuMs);
    if (!ok || !m_db.commit()) {
        if (ok)
            m_error = m_db.lastError().text();
        m_db.rollback();
        if (cacheSize != 0)
            run(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize));
        return false;
    }
    clock.lap(&result->commitMs, &result->commitCpuMs);
    if (cacheSize != 0)
        run(QStringLiteral("PRAGMA cache_size = %1").arg(cacheSize));
    return true;
}
