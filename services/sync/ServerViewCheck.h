#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

class DatabaseExecutor;
class PgConnection;
class SyncedTable;

// The server half of "leaving a user's view" (DESIGN.md section 4), run by the sync worker on its connection: which
// of the rows the replica holds the member may still see. The replica half is ReplicaViewReconciler.
class ServerViewCheck
{
public:
    ServerViewCheck(PgConnection& pg, DatabaseExecutor* executor);

    // Full check (on connecting, after membership changes): when the replica holds more server rows than the server
    // shows, every row it does not show is dropped. Cheap when nothing left: two counts.
    bool reconcile(const SyncedTable& table, QStringList* dropped);
    // Rows the server notified about that the pull did not return: dropped where the server no longer shows them.
    bool dropHidden(const SyncedTable& table, const QSet<QString>& notified, QStringList* dropped);

    // A failed statement on the server (false returned): its SQLSTATE (empty: connection lost) and text.
    QString sqlState() const { return m_sqlState; }
    QString errorText() const { return m_error; }
    // The replica could not drop the rows (true returned, nothing dropped).
    QString localError() const { return m_localError; }

private:
    bool serverIds(const QString& sql, const QString& bind, QSet<QString>* ids);
    bool dropLocally(const SyncedTable& table, const QSet<QString>& keep, const QSet<QString>& hidden, bool full,
        QStringList* dropped);

    PgConnection& m_pg;
    DatabaseExecutor* m_executor;
    QString m_sqlState;
    QString m_error;
    QString m_localError;
};
