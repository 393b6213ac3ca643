#pragma once

#include "models/calling/AgentRun.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

class QSqlQuery;

// One lead in an agent's queue (agent_queue).
struct AgentQueueItem
{
    QString id;
    QString agentRunId;
    QString leadId;
    int position = 0;
    QString state = QStringLiteral("pending"); // pending, retry, calling, done, no-answer, failed, skipped
    int attempts = 0;
    QString callId;
    QString outcome;
    QDateTime nextAttemptAt;
    QString reason;
};

// SQL for agent_runs, agent_queue and agent_run_log. Runs on the database thread; the caller owns the transaction.
class AgentRunRepository
{
public:
    explicit AgentRunRepository(QSqlDatabase db);

    bool insertRun(const AgentRun& run, const QStringList& leadIds);
    std::optional<AgentRun> findRun(const QString& id);
    QList<AgentRun> runs();
    bool setStatus(const QString& id, AgentRun::Status status, const QDateTime& now);

    QList<AgentQueueItem> queue(const QString& runId);
    // The next items that may be dialled now (pending, or retry whose time has come), in queue order.
    QList<AgentQueueItem> dueItems(const QString& runId, const QDateTime& now, int limit);
    // Moves a pending/retry item to "calling" and counts the attempt; false when another runner took it first.
    bool claim(const QString& itemId, const QDateTime& now);
    std::optional<AgentQueueItem> itemForCall(const QString& callId);
    QList<AgentQueueItem> itemsInState(const QString& runId, const QString& state);
    bool setCallId(const QString& itemId, const QString& callId, const QDateTime& now);
    bool settle(const QString& itemId, const QString& state, const QString& outcome, const QString& reason,
        const QDateTime& nextAttemptAt, const QDateTime& now);
    // When the soonest retry of the run is due; invalid when none waits.
    QDateTime nextRetryAt(const QString& runId);

    AgentStats stats(const QString& runId);
    bool log(const QString& runId, const QString& leadId, const QString& message, const QDateTime& now);
    QList<AgentLogEntry> logEntries(const QString& runId, int limit = 500);

    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    static AgentRun readRun(const QSqlQuery& query);
    static AgentQueueItem readItem(const QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
};
