#pragma once

#include "models/calling/AgentRun.h"
#include "models/calling/CallRecord.h"
#include "services/calling/AgentRunRepository.h"

#include <QHash>
#include <QObject>
#include <QElapsedTimer>
#include <QTimer>

#include <optional>

class CallService;
class DatabaseExecutor;

// Runs one autonomous calling agent (seed 000 §3.6): dials its queue one lead at a time, no faster than the agent's
// delay and the calls-per-second setting allow and never above the concurrency limit; skips leads the checks refuse
// (logged with the reason), retries no-answers up to max retries, and never starts a lead twice (a queue row is
// claimed in the database before its call is placed). All state is in the database, so a new runner on the same
// workspace picks up where an earlier one stopped (after an app restart).
class AgentRunner : public QObject
{
    Q_OBJECT

public:
    AgentRunner(const QString& runId, CallService* calls, DatabaseExecutor* executor, QObject* parent = nullptr);

    QString runId() const { return m_runId; }
    AgentRun::Status status() const { return m_run ? m_run->status : AgentRun::Status::Idle; }
    const std::optional<AgentRun>& run() const { return m_run; }
    AgentStats stats() const { return m_stats; }

    // Idle or paused → running (calls a previous run left open are followed first). Running: nothing happens.
    void start();
    // Stops starting calls; calls in progress finish and are recorded.
    void pause();
    void resume() { start(); }

signals:
    void statusChanged(AgentRun::Status status);
    void statsChanged(const AgentStats& stats);
    void logged(const AgentLogEntry& entry);
    void finished();

private:
    struct Settlement;

    void setStatus(AgentRun::Status status);
    void recover();
    void tick();
    void scheduleTick(int ms);
    int startGapMs() const;
    void startItem(const AgentQueueItem& item);
    void onCallFinished(const CallRecord& call);
    void settle(const AgentQueueItem& item, const CallRecord& call);
    void skip(const AgentQueueItem& item, const QString& state, const QString& reason);
    void refreshStats();
    void log(const QString& leadId, const QString& message);

    QString m_runId;
    CallService* m_calls;
    DatabaseExecutor* m_executor;
    std::optional<AgentRun> m_run;
    AgentStats m_stats;
    QTimer m_tick;
    QElapsedTimer m_sinceLastStart; // pacing is measured on a monotonic clock, not the wall clock
    bool m_busy = false; // a queue row is being claimed or its call placed
    bool m_recovered = false;
    QHash<QString, QString> m_itemByCall; // calls of this agent in flight → queue row id
};
