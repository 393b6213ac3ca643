#pragma once

#include "services/sync/SyncOptions.h"
#include "services/sync/SyncTypes.h"
#include "services/teamserver/PgConnInfo.h"

#include <QDateTime>
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
    void rowsPulled(const QString& table, const QStringList& upserted, const QStringList& removed);
    void rowsPushed(const QString& table, const QStringList& ids);
    void pendingCountChanged(int count);
    void lastSyncAtChanged(const QDateTime& at);
    void conflictsChanged(const QList<SyncConflict>& open, const QList<SyncConflict>& added);
    void connected(const QString& serverOrgId, const QString& serverUserId);
    void cycleFinished();
    // The next connection attempt is in delayMs (after a failure that is worth retrying).
    void reconnectScheduled(int delayMs);

private:
    void connectNow();
    void runCycle();
    bool pushOutbox(QList<SyncConflict>* added);
    bool pull(const SyncedTable& table);
    bool pushOne(const OutboxEntry& entry, QList<SyncConflict>* added, bool* blocked);
    void connectionLost(const QString& message);
    void fail(Sync::ErrorKind kind, const QString& message, bool retry);
    void scheduleReconnect();
    void setState(Sync::State state);
    void heartbeat();
    void onNotification(const QString& name);

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
};
