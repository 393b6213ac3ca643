#include "services/sync/ReplicaStore.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"
#include "services/sync/SyncedTable.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <memory>

namespace {
QString now()
{
    return Ids::toStorage(QDateTime::currentDateTimeUtc());
}

QJsonObject parseObject(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
} // namespace

bool ReplicaStore::exec(const QString& sql, const QVariantList& binds)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        m_error = query.lastError().text();
        return false;
    }
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

bool ReplicaStore::setApplying(bool on)
{
    return exec(QStringLiteral("UPDATE sync_control SET applying = ? WHERE id = 1"), { on ? 1 : 0 });
}

bool ReplicaStore::ensureOrg(const QString& orgId, const QString& name)
{
    const QString stamp = now();
    return exec(QStringLiteral("INSERT OR IGNORE INTO organizations (id, org_id, name, currency, created_at, "
                               "updated_at) VALUES (?, ?, ?, 'EUR', ?, ?)"),
        { orgId, orgId, SqlValues::text(name), stamp, stamp });
}

bool ReplicaStore::ensureUser(const QString& userId, const QString& orgId)
{
    const QString stamp = now();
    return exec(QStringLiteral("INSERT OR IGNORE INTO users (id, org_id, name, created_at, updated_at) "
                               "VALUES (?, ?, '', ?, ?)"),
        { userId, orgId, stamp, stamp });
}

bool ReplicaStore::setReplicating(bool on)
{
    return exec(QStringLiteral("UPDATE sync_control SET replicating = ? WHERE id = 1"), { on ? 1 : 0 });
}

bool ReplicaStore::recordServer(const QString& serverOrgId, const QString& serverUserId, const QString& orgName)
{
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    const bool ok = ensureOrg(serverOrgId, orgName) && ensureUser(serverUserId, serverOrgId)
        && exec(QStringLiteral("INSERT INTO sync_server (id, server_org_id, server_user_id, connected_at) "
                               "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET server_org_id = excluded.server_org_id, "
                               "server_user_id = excluded.server_user_id, connected_at = excluded.connected_at"),
            { serverOrgId, serverUserId, now() });
    if (!ok || !m_db.commit()) {
        if (ok)
            m_error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

QSet<QString> ReplicaStore::localOnlyUserIds(const QString& serverOrgId)
{
    QSet<QString> ids;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id FROM users WHERE org_id <> ?"));
    query.addBindValue(serverOrgId);
    if (query.exec())
        while (query.next())
            ids.insert(query.value(0).toString());
    return ids;
}

QList<OutboxEntry> ReplicaStore::pendingOutbox(qint64 afterSeq, int limit)
{
    QList<OutboxEntry> entries;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT seq, mutation_id, table_name, row_id, op, fields, base_rev FROM sync_outbox "
                                 "WHERE seq > ? ORDER BY seq LIMIT ?"));
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return entries;
    }
    while (query.next()) {
        OutboxEntry entry;
        entry.seq = query.value(0).toLongLong();
        entry.mutationId = query.value(1).toString();
        entry.table = query.value(2).toString();
        entry.rowId = query.value(3).toString();
        entry.op = query.value(4).toString();
        entry.fields = parseObject(query.value(5).toString());
        entry.baseRev = query.value(6);
        entries.append(entry);
    }
    return entries;
}

int ReplicaStore::pendingCount()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sync_outbox")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool ReplicaStore::markPushFailed(qint64 seq, const QString& error)
{
    return exec(QStringLiteral("UPDATE sync_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?"),
        { error, seq });
}

bool ReplicaStore::applyPushResult(
    const OutboxEntry& entry, const QVariant& rowRev, const QJsonObject& conflicts, QList<SyncConflict>* created)
{
    const SyncedTable* table = SyncedTable::byName(entry.table);
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    bool ok = setApplying(true) && exec(QStringLiteral("DELETE FROM sync_outbox WHERE seq = ?"), { entry.seq });
    if (ok && table && !rowRev.isNull())
        ok = exec(QStringLiteral("UPDATE %1 SET rev = max(rev, ?) WHERE id = ?").arg(table->name()),
            { rowRev.toLongLong(), entry.rowId });
    const QString stamp = now();
    for (auto it = conflicts.begin(); ok && table && it != conflicts.end(); ++it) {
        if (!table->hasColumn(it.key()))
            continue;
        const QJsonObject detail = it.value().toObject();
        SyncConflict conflict;
        conflict.table = table->name();
        conflict.rowId = entry.rowId;
        conflict.column = it.key();
        conflict.localValue = table->toLocal(it.key(), detail.value(QStringLiteral("client")));
        conflict.serverValue = table->toLocal(it.key(), detail.value(QStringLiteral("server")));
        conflict.serverRev = detail.value(QStringLiteral("server_rev")).toInteger();
        conflict.createdAt = Ids::fromStorage(stamp);
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO sync_conflicts (table_name, row_id, column_name, local_value, "
                                      "server_value, server_rev, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& value : QVariantList { conflict.table, conflict.rowId, conflict.column,
                 conflict.localValue, conflict.serverValue, conflict.serverRev, stamp })
            insert.addBindValue(value);
        ok = insert.exec();
        if (!ok) {
            m_error = insert.lastError().text();
            break;
        }
        conflict.id = insert.lastInsertId().toLongLong();
        ok = exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table->name(), it.key()),
            { conflict.serverValue, entry.rowId });
        if (ok && created)
            created->append(conflict);
    }
    ok = ok && setApplying(false);
    if (!ok || !m_db.commit()) {
        if (ok)
            m_error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

QString ReplicaStore::cursor(const QString& table)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT cursor FROM sync_state WHERE table_name = ?"));
    query.addBindValue(table);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

QString ReplicaStore::lastSyncAt()
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT max(last_sync_at) FROM sync_state")) && query.next())
        return query.value(0).toString();
    return {};
}

bool ReplicaStore::finishPull(const QString& table, const QString& until, const QString& syncedAt)
{
    return exec(QStringLiteral("INSERT INTO sync_state (table_name, cursor, last_sync_at) VALUES (?, ?, ?) "
                               "ON CONFLICT (table_name) DO UPDATE SET cursor = excluded.cursor, "
                               "last_sync_at = excluded.last_sync_at"),
        { table, until, syncedAt });
}

bool ReplicaStore::applyPulledRows(
    const SyncedTable& table, const QList<QJsonObject>& rows, QStringList* upserted, QStringList* removed)
{
    // Fields of each row still waiting to be pushed.
    QHash<QString, QSet<QString>> pending;
    if (!pendingColumns(table.name(), &pending))
        return false;
    QSet<QString> knownUsers;
    QSet<QString> knownOrgs;
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("SELECT id FROM users")))
            while (query.next())
                knownUsers.insert(query.value(0).toString());
        if (query.exec(QStringLiteral("SELECT id FROM organizations")))
            while (query.next())
                knownOrgs.insert(query.value(0).toString());
    }

    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    bool ok = setApplying(true);
    std::map<QString, std::unique_ptr<QSqlQuery>> statements;
    for (const QJsonObject& row : rows) {
        if (!ok)
            break;
        const QString id = row.value(QStringLiteral("id")).toString();
        const QString orgId = row.value(QStringLiteral("org_id")).toString();
        if (id.isEmpty() || orgId.isEmpty())
            continue;
        if (!knownOrgs.contains(orgId)) {
            ok = ensureOrg(orgId, QString());
            knownOrgs.insert(orgId);
        }
        for (const QString& userColumn : table.userColumns()) {
            const QString userId = row.value(userColumn).toString();
            if (ok && !userId.isEmpty() && !knownUsers.contains(userId)) {
                ok = ensureUser(userId, orgId);
                knownUsers.insert(userId);
            }
        }
        const QSet<QString> keep = pending.value(id);
        QStringList columns;
        QStringList updates;
        for (const QString& column : table.columns()) {
            if (!row.contains(column))
                continue;
            columns.append(column);
            if (column != QLatin1String("id") && !keep.contains(column))
                updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
        }
        const QString key = columns.join(QLatin1Char(',')) + QLatin1Char('|') + updates.join(QLatin1Char(','));
        auto found = statements.find(key);
        if (found == statements.end()) {
            auto query = std::make_unique<QSqlQuery>(m_db);
            QStringList marks;
            marks.fill(QStringLiteral("?"), columns.size());
            const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO %4")
                                    .arg(table.name(), columns.join(QStringLiteral(", ")),
                                        marks.join(QStringLiteral(", ")),
                                        updates.isEmpty() ? QStringLiteral("NOTHING")
                                                          : QString(QStringLiteral("UPDATE SET ") + updates.join(QStringLiteral(", "))));
            if (!query->prepare(sql)) {
                m_error = query->lastError().text();
                ok = false;
                break;
            }
            found = statements.emplace(key, std::move(query)).first;
        }
        QSqlQuery& query = *found->second;
        for (const QString& column : columns)
            query.addBindValue(table.toLocal(column, row.value(column)));
        if (!query.exec()) {
            m_error = query.lastError().text();
            ok = false;
            break;
        }
        if (row.value(QStringLiteral("deleted")).toBool())
            removed->append(id);
        else
            upserted->append(id);
    }
    statements.clear();
    ok = ok && setApplying(false);
    if (!ok || !m_db.commit()) {
        if (ok)
            m_error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

bool ReplicaStore::pendingColumns(const QString& table, QHash<QString, QSet<QString>>* pending)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT row_id, op, fields FROM sync_outbox WHERE table_name = ?"));
    query.addBindValue(table);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        QSet<QString>& columns = (*pending)[query.value(0).toString()];
        if (query.value(1).toString() == QLatin1String("delete"))
            columns.insert(QStringLiteral("deleted"));
        const QJsonObject fields = parseObject(query.value(2).toString());
        for (auto it = fields.begin(); it != fields.end(); ++it)
            columns.insert(it.key());
    }
    return true;
}

bool ReplicaStore::isEmpty(const QString& table)
{
    QSqlQuery query(m_db);
    // The name comes from SyncedTable, never from outside.
    return query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(table)) && query.next()
        && query.value(0).toInt() == 0;
}

QList<SyncConflict> ReplicaStore::openConflicts()
{
    QList<SyncConflict> conflicts;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT id, table_name, row_id, column_name, local_value, server_value, "
                                   "server_rev, created_at FROM sync_conflicts WHERE resolved = 0 ORDER BY id"))) {
        m_error = query.lastError().text();
        return conflicts;
    }
    while (query.next()) {
        SyncConflict conflict;
        conflict.id = query.value(0).toLongLong();
        conflict.table = query.value(1).toString();
        conflict.rowId = query.value(2).toString();
        conflict.column = query.value(3).toString();
        conflict.localValue = query.value(4);
        conflict.serverValue = query.value(5);
        conflict.serverRev = query.value(6).toLongLong();
        conflict.createdAt = Ids::fromStorage(query.value(7).toString());
        conflicts.append(conflict);
    }
    return conflicts;
}

bool ReplicaStore::resolve(qint64 conflictId, Sync::Resolution resolution, QString* rowId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT table_name, row_id, column_name, local_value FROM sync_conflicts WHERE id = ? AND resolved = 0"));
    query.addBindValue(conflictId);
    if (!query.exec() || !query.next()) {
        m_error = query.lastError().isValid() && !query.lastError().text().trimmed().isEmpty()
            ? query.lastError().text()
            : QStringLiteral("conflict %1 is not open").arg(conflictId);
        return false;
    }
    const SyncedTable* table = SyncedTable::byName(query.value(0).toString());
    const QString column = query.value(2).toString();
    *rowId = query.value(1).toString();
    if (!table || !table->hasColumn(column) || column == QLatin1String("id") || column == QLatin1String("rev")) {
        m_error = QStringLiteral("conflict %1 names an unknown column").arg(conflictId);
        return false;
    }
    const QVariant localValue = query.value(3);
    query.finish();
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    // The local value is written as a normal local change: the outbox trigger queues it with the row's current
    // rev (which already includes the server's change) as base, so the server takes it.
    bool ok = resolution == Sync::Resolution::PickServer
        || exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table->name(), column), { localValue, *rowId });
    ok = ok
        && exec(QStringLiteral("UPDATE sync_conflicts SET resolved = 1, resolution = ? WHERE id = ?"),
            { resolution == Sync::Resolution::PickLocal ? QStringLiteral("local") : QStringLiteral("server"),
                conflictId });
    if (!ok || !m_db.commit()) {
        if (ok)
            m_error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}
