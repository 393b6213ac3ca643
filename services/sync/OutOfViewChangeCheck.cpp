#include "services/sync/OutOfViewChangeCheck.h"

#include "services/storage/DatabaseExecutor.h"
#include "services/sync/ReplicaStore.h"
#include "services/sync/SyncedTable.h"
#include "services/teamserver/PgConnection.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

OutOfViewChangeCheck::OutOfViewChangeCheck(PgConnection& pg, DatabaseExecutor* executor)
    : m_pg(pg)
    , m_executor(executor)
{ }

QString OutOfViewChangeCheck::message()
{
    return QCoreApplication::translate(
        "SyncEngine", "This lead was reassigned to someone else; your change was not applied.");
}

QString OutOfViewChangeCheck::leadOf(const OutboxEntry& entry)
{
    if (entry.table == QLatin1String("leads"))
        return entry.rowId;
    const SyncedTable* table = SyncedTable::byName(entry.table);
    if (!table || table->parentColumn() != QLatin1String("lead_id"))
        return {};
    const QString pushed = entry.fields.value(QStringLiteral("lead_id")).toString();
    if (!pushed.isEmpty())
        return pushed;
    QString held;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        // The name comes from SyncedTable, never from outside.
        query.prepare(QStringLiteral("SELECT lead_id FROM %1 WHERE id = ?").arg(table->name()));
        query.addBindValue(entry.rowId);
        if (query.exec() && query.next())
            held = query.value(0).toString();
    });
    return held;
}

bool OutOfViewChangeCheck::leadLeftView(const OutboxEntry& entry)
{
    m_leadId = leadOf(entry);
    if (m_leadId.isEmpty())
        return false;
    // A lead made here that never reached the server (its own push failed) has not left anybody's view.
    bool neverOnServer = false;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT rev FROM leads WHERE id = ?"));
        query.addBindValue(m_leadId);
        neverOnServer = query.exec() && query.next() && query.value(0).toLongLong() == 0;
    });
    if (neverOnServer)
        return false;
    QSqlQuery query(m_pg.db());
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM hub.leads WHERE id = ?)"));
    query.addBindValue(m_leadId);
    if (!query.exec() || !query.next()) {
        m_failed = true;
        const QSqlError error = query.lastError();
        m_sqlState = error.nativeErrorCode();
        m_error = error.databaseText().trimmed().isEmpty() ? error.text().trimmed() : error.databaseText().trimmed();
        return false;
    }
    return !query.value(0).toBool();
}
