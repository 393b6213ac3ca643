#pragma once

#include "services/sync/SyncOptions.h"
#include "services/sync/SyncTypes.h"
#include "services/teamserver/PgConnInfo.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>

class DatabaseExecutor;
class PgConnection;
class SyncedTable;
struct OutboxEntry;

// The PostgreSQL side of SyncEngine, living on the engine's own thread: one QPSQL connection, the push of the
// outbox, the pulls by snapshot cursor, LISTEN hub_changes and reconnecting with exponential backoff. SQLite is
// reached through the workspace's DatabaseExecutor (blocking, from this thread).
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(DatabaseExecutor* executor, const SyncOptions& options);
    ~SyncWorker() override;

public slots:
    void start(const PgConnInfo& info);
    void stop();
    // Push, then pull (coalesced with notifications).
    void requestSync();

signals:
    void stateChanged(Sync::State state);
    void errorOccurred(Sync::ErrorKind kind, const QString& message);
    // parents: for rows that belong to another (activities), the ids of the rows they belong to.
    void rowsPulled(
        const QString& table, const QStringList& upserted, const QStringList& removed, const QStringList& parents);
    // A first sync wrote this many rows at once: open lists re-read everything.
    void tableReloaded(const QString& table);
    void tableCopied(const SyncCopyStats& stats);
    void rowsPushed(const QString& table, const QStringList& ids);
    void pendingCountChanged(int count);
    void lastSyncAtChanged(const QDateTime& at);
    void conflictsChanged(const QList<SyncConflict>& open, const QList<SyncConflict>& added);
    // The open changes the server will never take (their lead left the member's view), after every cycle.
    void rejectedChanged(const QList<SyncRejectedChange>& open);
    void connected(const QString& serverOrgId, const QString& serverUserId);
    void cycleFinished();
    // The next connection attempt is in delayMs (after a failure that is worth retrying).
    void reconnectScheduled(int delayMs);

private:
    void connectNow();
    void runCycle();
    bool pushOutbox(QList<SyncConflict>* added);
    bool pullAll();
    bool pull(const SyncedTable& table, const QString& until);
    bool copyTables(const QList<const SyncedTable*>& tables, QString* until);
    // "Leaving a user's view": a full check (notified null) or one of the notified rows the pull did not return.
    bool checkView(const SyncedTable& table, const QSet<QString>* notified);
    // A statement on the server failed: reconnect later when the connection broke, otherwise report it.
    void queryFailed(const QString& sqlState, const QString& text);
    bool pushOne(const OutboxEntry& entry, QList<SyncConflict>* added, bool* blocked);
    // The entry's lead left the member's view: its row's changes move out of the outbox, the user is told.
    bool rejectOutOfView(const OutboxEntry& entry, const QString& leadId);
    void connectionLost(const QString& message);
    void fail(Sync::ErrorKind kind, const QString& message, bool retry);
    void scheduleReconnect();
    void setState(Sync::State state);
    void heartbeat();
    void onNotification(const QString& name, const QVariant& payload);

    DatabaseExecutor* m_executor;
    SyncOptions m_options;
    PgConnInfo m_info;
    std::unique_ptr<PgConnection> m_pg;
    QTimer* m_debounce = nullptr;
    QTimer* m_reconnect = nullptr;
    QTimer* m_heartbeat = nullptr;
    int m_backoffMs = 0;
    bool m_running = false;
    Sync::State m_state = Sync::State::Offline;
    QString m_serverOrgId;
    QString m_serverUserId;
    QSet<QString> m_localUsers;
    // The server may have hidden rows from this member since the last full check (connected, memberships changed).
    bool m_reconcilePending = true;
    // Per synced table, the rows the server notified changes of since the last cycle, and the rows this cycle pulled:
    // a notified row the pull did not return may have left the member's view.
    QHash<QString, QSet<QString>> m_notified;
    QHash<QString, QSet<QString>> m_pulled;
};
