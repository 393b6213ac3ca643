#pragma once

#include "services/sync/SyncOptions.h"
#include "services/sync/SyncTypes.h"
#include "services/teamserver/PgConnInfo.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QThread>

#include <functional>

class DatabaseExecutor;
class LeadStore;
class SyncWorker;
class TimelineStore;

// Team mode on the desktop (DESIGN.md section 4): keeps the workspace's SQLite replica and the team server in step.
// Local writes reach the outbox through SQLite triggers (0010_sync.sql); the engine pushes them in order with their
// mutation ids (a retry is applied once), pulls the server's changes by snapshot cursor, pulls again whenever the
// server NOTIFYs hub_changes, reconnects with exponential backoff, and records fields both sides changed as
// conflicts the user resolves. The PostgreSQL connection lives on a thread of its own; pulled rows are written
// through the workspace's DatabaseExecutor and announced through the LeadStore, so open views update.
//
// Destroy the engine before the executor and the store it was given.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(DatabaseExecutor* executor, LeadStore* leads, const SyncOptions& options = {}, QObject* parent = nullptr);
    ~SyncEngine() override;

    // Connects (libpq conninfo with the password set), syncs everything once, then stays live until stop().
    void start(const PgConnInfo& info);
    void stop();
    // Push and pull now (also done on every local lead change and every server notification).
    void syncNow();
    // Open lead timelines reload when activities of their lead arrive, and notes written there are pushed at once.
    void setTimelineStore(TimelineStore* timeline);

    Sync::State state() const { return m_state; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    int pendingCount() const { return m_pendingCount; }
    QList<SyncConflict> conflicts() const { return m_conflicts; }
    // Changes the server will never take (their lead was reassigned away), set aside until dismissed.
    QList<SyncRejectedChange> rejectedChanges() const { return m_rejected; }
    QString serverOrgId() const { return m_serverOrgId; }
    // When the engine tries to connect again while offline (invalid when it does not retry on its own).
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    QString serverUserId() const { return m_serverUserId; }

    // PickLocal writes the local value again (and pushes it; it wins); PickServer keeps what the row shows.
    // done(error): empty on success.
    void resolve(qint64 conflictId, Sync::Resolution resolution, QObject* context = nullptr,
        std::function<void(const QString&)> done = {});
    // The user has read it: it leaves rejectedChanges(). done(error): empty on success.
    void dismissRejected(qint64 id, QObject* context = nullptr, std::function<void(const QString&)> done = {});

signals:
    void stateChanged(Sync::State state);
    void lastSyncAtChanged(const QDateTime& at);
    void pendingCountChanged(int count);
    void error(Sync::ErrorKind kind, const QString& message);
    // New conflicts of the last push (the full open list is conflicts()).
    void conflictsDetected(const QList<SyncConflict>& added);
    void conflictsChanged();
    void rejectedChangesChanged();
    // One push-and-pull round is complete.
    void synced();
    // A table's first full sync (COPY) is written.
    void tableCopied(const SyncCopyStats& stats);
    // Offline after a failure worth retrying: the next attempt is at that time.
    void reconnectScheduled(const QDateTime& at);
    // Rows of a synced table other than leads, activities and stages came from the server (or left the replica):
    // ids of the rows (empty: the whole table was reloaded) and, for rows that belong to another, its ids
    // (a proposal's lead, a link's script). The workspace hands them on to the stores that own those tables.
    void serverRowsChanged(const QString& table, const QStringList& ids, const QStringList& parents);

private:
    void onRowsPulled(
        const QString& table, const QStringList& upserted, const QStringList& removed, const QStringList& parents);
    void refreshPendingCount();

    DatabaseExecutor* m_executor;
    LeadStore* m_leads;
    TimelineStore* m_timeline = nullptr;
    SyncOptions m_options;
    QThread m_thread;
    SyncWorker* m_worker = nullptr;
    Sync::State m_state = Sync::State::Offline;
    QDateTime m_lastSyncAt;
    QDateTime m_nextAttemptAt;
    int m_pendingCount = 0;
    QList<SyncConflict> m_conflicts;
    QList<SyncRejectedChange> m_rejected;
    QString m_serverOrgId;
    QString m_serverUserId;
};
