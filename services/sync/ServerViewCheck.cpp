#include "services/sync/ServerViewCheck.h"

#include "services/storage/DatabaseExecutor.h"
#include "services/sync/ReplicaViewReconciler.h"
#include "services/sync/SyncedTable.h"
#include "services/teamserver/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

ServerViewCheck::ServerViewCheck(PgConnection& pg, DatabaseExecutor* executor)
    : m_pg(pg)
    , m_executor(executor)
{ }

bool ServerViewCheck::serverIds(const QString& sql, const QString& bind, QSet<QString>* ids)
{
    QSqlQuery query(m_pg.db());
    query.setForwardOnly(true);
    query.prepare(sql);
    if (!bind.isNull())
        query.addBindValue(bind);
    if (!query.exec()) {
        const QSqlError error = query.lastError();
        m_sqlState = error.nativeErrorCode();
        m_error = error.databaseText().trimmed().isEmpty() ? error.text().trimmed() : error.databaseText().trimmed();
        return false;
    }
    while (query.next())
        ids->insert(query.value(0).toString());
    return true;
}

bool ServerViewCheck::dropLocally(const SyncedTable& table, const QSet<QString>& keep, const QSet<QString>& hidden,
    bool full, QStringList* dropped)
{
    bool ok = false;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        ReplicaViewReconciler reconciler(db);
        ok = full ? reconciler.dropOutOfView(table, keep, dropped) : reconciler.dropHidden(table, hidden, dropped);
        m_localError = ok ? QString() : reconciler.lastError();
    });
    return true;
}

bool ServerViewCheck::reconcile(const SyncedTable& table, QStringList* dropped)
{
    QSet<QString> counted;
    // Table names come from SyncedTable, never from outside.
    if (!serverIds(QStringLiteral("SELECT count(*)::text FROM hub.%1").arg(table.name()), QString(), &counted))
        return false;
    const qint64 visible = counted.isEmpty() ? 0 : counted.constBegin()->toLongLong();
    qint64 held = 0;
    m_executor->runBlocking([&](QSqlDatabase& db) { held = ReplicaViewReconciler(db).countServerRows(table); });
    if (held <= visible)
        return true;
    QSet<QString> ids;
    if (!serverIds(QStringLiteral("SELECT id FROM hub.%1").arg(table.name()), QString(), &ids))
        return false;
    return dropLocally(table, ids, {}, true, dropped);
}

bool ServerViewCheck::dropHidden(const SyncedTable& table, const QSet<QString>& notified, QStringList* dropped)
{
    if (notified.isEmpty())
        return true;
    QJsonArray list;
    for (const QString& id : notified)
        list.append(id);
    QSet<QString> shown;
    if (!serverIds(QStringLiteral("SELECT id FROM hub.%1 WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))")
                       .arg(table.name()),
            QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)), &shown))
        return false;
    const QSet<QString> hidden = notified - shown;
    return hidden.isEmpty() || dropLocally(table, {}, hidden, false, dropped);
}
