#include "services/sync/SyncEngine.h"

#include "services/leads/LeadStore.h"
#include "services/leads/TimelineStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/sync/RejectedChangeStore.h"
#include "services/sync/ReplicaStore.h"
#include "services/sync/SyncWorker.h"

#include <QPointer>

#include <algorithm>

SyncEngine::SyncEngine(DatabaseExecutor* executor, LeadStore* leads, const SyncOptions& options, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_leads(leads)
    , m_options(options)
{
    qRegisterMetaType<Sync::State>("Sync::State");
    qRegisterMetaType<Sync::ErrorKind>("Sync::ErrorKind");
    qRegisterMetaType<SyncConflict>("SyncConflict");
    qRegisterMetaType<SyncCopyStats>("SyncCopyStats");
    qRegisterMetaType<QList<SyncConflict>>("QList<SyncConflict>");
    qRegisterMetaType<SyncRejectedChange>("SyncRejectedChange");
    qRegisterMetaType<QList<SyncRejectedChange>>("QList<SyncRejectedChange>");
    // An engine is attached only to a server workspace's replica: its lead writes are queued from here on.
    executor->runBlocking([](QSqlDatabase& db) { ReplicaStore(db).setReplicating(true); });

    m_thread.setObjectName(QStringLiteral("hub-sync"));
    m_worker = new SyncWorker(executor, m_options);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &SyncWorker::stateChanged, this, [this](Sync::State state) {
        m_state = state;
        if (state != Sync::State::Offline)
            m_nextAttemptAt = QDateTime();
        emit stateChanged(state);
    });
    connect(m_worker, &SyncWorker::errorOccurred, this, &SyncEngine::error);
    connect(m_worker, &SyncWorker::rowsPulled, this, &SyncEngine::onRowsPulled);
    connect(m_worker, &SyncWorker::tableReloaded, this, [this](const QString& table) {
        if (table != QLatin1String("leads"))
            emit serverRowsChanged(table, {}, {});
        else if (m_leads)
            emit m_leads->leadsReset();
    });
    connect(m_worker, &SyncWorker::tableCopied, this, &SyncEngine::tableCopied);
    connect(m_worker, &SyncWorker::rowsPushed, this, [this](const QString& table, const QStringList& ids) {
        // Conflicts put the server's value into the row; the rev changed in any case.
        if (table == QLatin1String("leads") && m_leads)
            m_leads->refreshLeads(ids);
    });
    connect(m_worker, &SyncWorker::pendingCountChanged, this, [this](int count) {
        if (count == m_pendingCount)
            return;
        m_pendingCount = count;
        emit pendingCountChanged(count);
    });
    connect(m_worker, &SyncWorker::lastSyncAtChanged, this, [this](const QDateTime& at) {
        m_lastSyncAt = at;
        emit lastSyncAtChanged(at);
    });
    connect(m_worker, &SyncWorker::conflictsChanged, this,
        [this](const QList<SyncConflict>& open, const QList<SyncConflict>& added) {
            m_conflicts = open;
            if (!added.isEmpty())
                emit conflictsDetected(added);
            emit conflictsChanged();
        });
    connect(m_worker, &SyncWorker::rejectedChanged, this, [this](const QList<SyncRejectedChange>& open) {
        const bool same = open.size() == m_rejected.size()
            && std::equal(open.begin(), open.end(), m_rejected.begin(),
                [](const SyncRejectedChange& a, const SyncRejectedChange& b) { return a.id == b.id; });
        m_rejected = open;
        if (!same)
            emit rejectedChangesChanged();
    });
    connect(m_worker, &SyncWorker::connected, this, [this](const QString& orgId, const QString& userId) {
        m_serverOrgId = orgId;
        m_serverUserId = userId;
    });
    connect(m_worker, &SyncWorker::cycleFinished, this, &SyncEngine::synced);
    connect(m_worker, &SyncWorker::reconnectScheduled, this, [this](int delayMs) {
        m_nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
        emit reconnectScheduled(m_nextAttemptAt);
    });
    if (m_leads) {
        // Every local lead write may have filled the outbox.
        connect(m_leads, &LeadListSource::leadsUpserted, this, [this] { syncNow(); });
        connect(m_leads, &LeadListSource::leadsRemoved, this, [this] { syncNow(); });
    }
    m_thread.start();
}

SyncEngine::~SyncEngine()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::start(const PgConnInfo& info)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, info] { worker->start(info); }, Qt::QueuedConnection);
}

void SyncEngine::stop()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stop, Qt::BlockingQueuedConnection);
    m_nextAttemptAt = QDateTime();
}

void SyncEngine::setTimelineStore(TimelineStore* timeline)
{
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (m_timeline)
        connect(m_timeline, &TimelineStore::timelineChanged, this, [this] { syncNow(); });
}

void SyncEngine::syncNow()
{
    refreshPendingCount();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::requestSync, Qt::QueuedConnection);
}

void SyncEngine::refreshPendingCount()
{
    m_executor->run<int>(
        this, [](QSqlDatabase& db) { return ReplicaStore(db).pendingCount(); },
        [this](int count) {
            if (count < 0 || count == m_pendingCount)
                return;
            m_pendingCount = count;
            emit pendingCountChanged(count);
        });
}

void SyncEngine::onRowsPulled(
    const QString& table, const QStringList& upserted, const QStringList& removed, const QStringList& parents)
{
    if (table == QLatin1String("activities") && m_timeline) {
        for (const QString& leadId : parents)
            emit m_timeline->timelineChanged(leadId);
        return;
    }
    if (table == QLatin1String("pipeline_stages") && m_leads) {
        // Columns and their names come from the stages: views re-read them, and the lists.
        emit m_leads->stagesChanged();
        emit m_leads->leadsReset();
        return;
    }
    if (table != QLatin1String("leads")) {
        emit serverRowsChanged(table, upserted + removed, parents);
        return;
    }
    if (!m_leads)
        return;
    if (upserted.size() + removed.size() > m_options.resetThreshold) {
        emit m_leads->leadsReset();
        return;
    }
    if (!removed.isEmpty())
        emit m_leads->leadsRemoved(removed);
    m_leads->refreshLeads(upserted);
}

void SyncEngine::resolve(
    qint64 conflictId, Sync::Resolution resolution, QObject* context, std::function<void(const QString&)> done)
{
    struct Outcome
    {
        QString error;
        QString rowId;
        QList<SyncConflict> open;
    };
    QPointer<QObject> guard(context);
    m_executor->run<Outcome>(
        this,
        [conflictId, resolution](QSqlDatabase& db) {
            ReplicaStore replica(db);
            Outcome outcome;
            if (!replica.resolve(conflictId, resolution, &outcome.rowId))
                outcome.error = replica.lastError();
            outcome.open = replica.openConflicts();
            return outcome;
        },
        [this, guard, context, done = std::move(done)](const Outcome& outcome) {
            m_conflicts = outcome.open;
            emit conflictsChanged();
            if (outcome.error.isEmpty() && m_leads)
                m_leads->refreshLeads({ outcome.rowId }); // also triggers syncNow()
            else
                syncNow();
            if (done && (!context || guard))
                done(outcome.error);
        });
}

void SyncEngine::dismissRejected(qint64 id, QObject* context, std::function<void(const QString&)> done)
{
    struct Outcome
    {
        QString error;
        QList<SyncRejectedChange> open;
    };
    QPointer<QObject> guard(context);
    m_executor->run<Outcome>(
        this,
        [id](QSqlDatabase& db) {
            RejectedChangeStore store(db);
            Outcome outcome;
            if (!store.dismiss(id))
                outcome.error = store.lastError();
            outcome.open = store.open();
            return outcome;
        },
        [this, guard, context, done = std::move(done)](const Outcome& outcome) {
            m_rejected = outcome.open;
            emit rejectedChangesChanged();
            if (done && (!context || guard))
                done(outcome.error);
        });
}
