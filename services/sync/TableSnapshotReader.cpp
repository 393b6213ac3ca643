#include "services/sync/TableSnapshotReader.h"

#include "services/sync/SyncedTable.h"
#include "services/sync/ThreadCpuTime.h"
#include "services/teamserver/PgConnection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

TableSnapshotReader::TableSnapshotReader(PgConnection& pg)
    : m_pg(pg)
{ }

bool TableSnapshotReader::exec(const QString& sql, QString* firstValue)
{
    QSqlQuery query(m_pg.db());
    if (!query.exec(sql) || (firstValue && !query.next())) {
        const QSqlError error = query.lastError();
        m_sqlState = error.nativeErrorCode();
        m_error = error.databaseText().trimmed().isEmpty() ? error.text().trimmed() : error.databaseText().trimmed();
        return false;
    }
    if (firstValue)
        *firstValue = query.value(0).toString();
    return true;
}

bool TableSnapshotReader::serverColumns(const SyncedTable& table, QList<CopyColumn>* columns)
{
    QSqlQuery query(m_pg.db());
    query.prepare(QStringLiteral("SELECT a.attname::text, t.typname::text FROM pg_catalog.pg_attribute a "
                                 "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                                 "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"));
    query.addBindValue(QString(QStringLiteral("hub.") + table.name()));
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        m_sqlState = error.nativeErrorCode();
        m_error = error.databaseText().trimmed().isEmpty() ? error.text().trimmed() : error.databaseText().trimmed();
        return false;
    }
    QHash<QString, QString> types;
    while (query.next())
        types.insert(query.value(0).toString(), query.value(1).toString());
    // The replica's columns the server has, in the replica's order (id first).
    for (const QString& column : table.columns())
        if (types.contains(column))
            columns->append(CopyColumn::forServerType(column, types.value(column)));
    if (columns->isEmpty() || columns->constFirst().name != QLatin1String("id")) {
        m_error = QStringLiteral("the server has no table %1").arg(table.name());
        return false;
    }
    return true;
}

bool TableSnapshotReader::read(const QList<Request>& requests, QString* until, QList<Snapshot>* out)
{
    m_error.clear();
    m_sqlState.clear();
    out->clear();
    for (const Request& request : requests) {
        Snapshot snapshot;
        if (!serverColumns(*request.table, &snapshot.columns))
            return false;
        out->append(snapshot);
    }
    if (!exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
        return false;
    // The snapshot is taken by the transaction's first statement and serves every COPY after it.
    bool ok = exec(QStringLiteral("SELECT hub.sync_snapshot()"), until);
    for (int i = 0; ok && i < requests.size(); ++i) {
        Snapshot& snapshot = (*out)[i];
        QElapsedTimer clock;
        clock.start();
        const qint64 cpuStart = threadCpuMs();
        QStringList select;
        for (const CopyColumn& column : std::as_const(snapshot.columns))
            select.append(column.selectExpression());
        // Only identifiers from the table's own column list and the server's catalog are spliced in; no values.
        // In id order: the replica's primary key index then grows at its end instead of at random places.
        const QString sql = QStringLiteral("COPY (SELECT %1 FROM hub.%2%3 ORDER BY id) TO STDOUT (FORMAT binary)")
                                .arg(select.join(QStringLiteral(", ")), requests.at(i).table->name(),
                                    requests.at(i).withTombstones ? QString() : QStringLiteral(" WHERE NOT deleted"));
        snapshot.data = std::make_shared<CopyChunks>();
        CopyChunks& data = *snapshot.data;
        if (requests.at(i).started)
            requests.at(i).started(snapshot.columns, snapshot.data);
        ok = m_pg.copyOut(sql, [&data](const char* bytes, int size) { data.append(bytes, size); }, &m_sqlState);
        if (!ok)
            m_error = m_pg.errorText();
        data.finish(ok, m_error);
        snapshot.readMs = clock.elapsed();
        snapshot.readCpuMs = threadCpuMs() - cpuStart;
        snapshot.bytes = data.bytes();
    }
    const QString end = ok ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK");
    if (!exec(end) && ok)
        return false;
    return ok;
}
