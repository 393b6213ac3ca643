#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

class SyncedTable;

// "Leaving a user's view" (DESIGN.md section 4): when the server stops letting a member see a row (lead reassigned,
// role changed), row-level security hides it from the pull too, so the replica would keep stale private data. When
// it connects (and when memberships change) the sync worker compares how many rows the server shows with how many
// server rows the replica holds and, when the replica holds more, hands the server's visible ids here; for a row the
// server notified about but the pull did not return, it asks the server about that row. The rows the member may no
// longer see are removed from the replica, together with
// the rows that reference them (a lead's timeline, proposals, intelligence). Rows with local changes still in the
// outbox stay (nothing unpushed is lost; the push reports the refusal). Runs on the workspace's database thread.
class ReplicaViewReconciler
{
public:
    explicit ReplicaViewReconciler(QSqlDatabase& db);

    // Rows of the table the server stamped (rev > 0).
    qint64 countServerRows(const SyncedTable& table);
    bool dropOutOfView(const SyncedTable& table, const QSet<QString>& visible, QStringList* dropped);
    // The rows of ids the server no longer shows (checked by the caller), where the replica holds them.
    bool dropHidden(const SyncedTable& table, const QSet<QString>& ids, QStringList* dropped);
    QString lastError() const { return m_error; }

private:
    bool exec(const QString& sql, const QVariant& bind = {});
    bool deleteReferencing(const QString& table, const QString& id, int depth);
    bool drop(const SyncedTable& table, const QStringList& stale);

    QSqlDatabase& m_db;
    QString m_error;
};
