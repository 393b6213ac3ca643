#include "services/sync/RejectedChangeStore.h"

#include "models/Ids.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

bool RejectedChangeStore::reject(
    const QString& table, const QString& rowId, const QString& reason, const QString& message, int* moved)
{
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    QSqlQuery copy(m_db);
    copy.prepare(QStringLiteral("INSERT INTO sync_rejected (mutation_id, table_name, row_id, op, fields, base_rev, "
                                "reason, message, rejected_at) SELECT mutation_id, table_name, row_id, op, fields, "
                                "base_rev, ?, ?, ? FROM sync_outbox WHERE table_name = ? AND row_id = ? ORDER BY seq"));
    for (const QString& value : { reason, message, Ids::toStorage(QDateTime::currentDateTimeUtc()), table, rowId })
        copy.addBindValue(value);
    bool ok = copy.exec();
    QSqlQuery remove(m_db);
    if (ok) {
        remove.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE table_name = ? AND row_id = ?"));
        remove.addBindValue(table);
        remove.addBindValue(rowId);
        ok = remove.exec();
    }
    if (!ok || !m_db.commit()) {
        m_error = ok ? m_db.lastError().text()
                     : (copy.lastError().isValid() ? copy.lastError().text() : remove.lastError().text());
        m_db.rollback();
        return false;
    }
    if (moved)
        *moved = remove.numRowsAffected();
    return true;
}

QList<SyncRejectedChange> RejectedChangeStore::open()
{
    QList<SyncRejectedChange> changes;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT id, table_name, row_id, op, fields, message, rejected_at FROM "
                                   "sync_rejected WHERE dismissed = 0 ORDER BY id"))) {
        m_error = query.lastError().text();
        return changes;
    }
    while (query.next()) {
        SyncRejectedChange change;
        change.id = query.value(0).toLongLong();
        change.table = query.value(1).toString();
        change.rowId = query.value(2).toString();
        change.op = query.value(3).toString();
        change.fields = query.value(4).toString();
        change.message = query.value(5).toString();
        change.rejectedAt = Ids::fromStorage(query.value(6).toString());
        changes.append(change);
    }
    return changes;
}

bool RejectedChangeStore::dismiss(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE sync_rejected SET dismissed = 1 WHERE id = ? AND dismissed = 0"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() == 1)
        return true;
    m_error = QStringLiteral("change %1 is not open").arg(id);
    return false;
}
