#include "services/sync/ReplicaViewReconciler.h"

#include "services/sync/ReplicaStore.h"
#include "services/sync/SyncedTable.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
constexpr int kMaxDepth = 3;
}

ReplicaViewReconciler::ReplicaViewReconciler(QSqlDatabase& db)
    : m_db(db)
{ }

bool ReplicaViewReconciler::exec(const QString& sql, const QVariant& bind)
{
    QSqlQuery query(m_db);
    query.prepare(sql);
    if (bind.isValid())
        query.addBindValue(bind);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

qint64 ReplicaViewReconciler::countServerRows(const SyncedTable& table)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE rev > 0").arg(table.name())) || !query.next()) {
        m_error = query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

// Removes the rows of other tables that point at row id of table through a foreign key (found in the schema, so
// tables added later are covered), their own dependants first.
bool ReplicaViewReconciler::deleteReferencing(const QString& table, const QString& id, int depth)
{
    if (depth > kMaxDepth) {
        m_error = QStringLiteral("rows of %1 are referenced too deeply to remove").arg(table);
        return false;
    }
    QSqlQuery references(m_db);
    references.prepare(QStringLiteral("SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                                      "WHERE m.type = 'table' AND f.\"table\" = ?"));
    references.addBindValue(table);
    if (!references.exec()) {
        m_error = references.lastError().text();
        return false;
    }
    QList<QPair<QString, QString>> found;
    while (references.next())
        found.append({ references.value(0).toString(), references.value(1).toString() });
    references.finish();
    for (const auto& [child, column] : std::as_const(found)) {
        QSqlQuery rows(m_db);
        rows.prepare(QStringLiteral("SELECT id FROM \"%1\" WHERE \"%2\" = ?").arg(child, column));
        rows.addBindValue(id);
        if (rows.exec()) {
            QStringList childIds;
            while (rows.next())
                childIds.append(rows.value(0).toString());
            rows.finish();
            for (const QString& childId : std::as_const(childIds))
                if (!deleteReferencing(child, childId, depth + 1))
                    return false;
        }
        if (!exec(QStringLiteral("DELETE FROM \"%1\" WHERE \"%2\" = ?").arg(child, column), id))
            return false;
    }
    return true;
}

bool ReplicaViewReconciler::dropOutOfView(const SyncedTable& table, const QSet<QString>& visible, QStringList* dropped)
{
    ReplicaStore replica(m_db);
    QHash<QString, QSet<QString>> pending;
    if (!replica.pendingColumns(table.name(), &pending)) {
        m_error = replica.lastError();
        return false;
    }
    QStringList stale;
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT id FROM %1 WHERE rev > 0").arg(table.name()))) {
            m_error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            const QString id = query.value(0).toString();
            if (!visible.contains(id) && !pending.contains(id))
                stale.append(id);
        }
    }
    if (!drop(table, stale))
        return false;
    *dropped = stale;
    return true;
}

bool ReplicaViewReconciler::dropHidden(const SyncedTable& table, const QSet<QString>& ids, QStringList* dropped)
{
    ReplicaStore replica(m_db);
    QHash<QString, QSet<QString>> pending;
    if (!replica.pendingColumns(table.name(), &pending)) {
        m_error = replica.lastError();
        return false;
    }
    QStringList stale;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND rev > 0").arg(table.name()));
    for (const QString& id : ids) {
        if (pending.contains(id))
            continue;
        query.addBindValue(id);
        if (!query.exec()) {
            m_error = query.lastError().text();
            return false;
        }
        if (query.next())
            stale.append(id);
        query.finish();
    }
    if (!drop(table, stale))
        return false;
    *dropped = stale;
    return true;
}

bool ReplicaViewReconciler::drop(const SyncedTable& table, const QStringList& stale)
{
    if (stale.isEmpty())
        return true;
    ReplicaStore replica(m_db);
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        return false;
    }
    bool ok = replica.setApplying(true);
    if (!ok)
        m_error = replica.lastError();
    for (const QString& id : stale) {
        ok = ok && deleteReferencing(table.name(), id, 1)
            && exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table.name()), id);
        if (!ok)
            break;
    }
    ok = ok && replica.setApplying(false);
    if (!ok || !m_db.commit()) {
        if (ok)
            m_error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}
