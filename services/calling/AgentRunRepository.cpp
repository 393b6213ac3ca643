#include "services/calling/AgentRunRepository.h"

#include "models/Ids.h"
#include "services/calling/CallScriptJson.h"
#include "services/storage/SqlValues.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString kRunColumns = QStringLiteral(
    "id, org_id, name, script_id, script_json, provider, status, delay_ms, max_retries, started_at, completed_at, created_at, "
    "updated_at");
const QString kItemColumns = QStringLiteral(
    "id, agent_run_id, lead_id, position, state, attempts, call_id, outcome, next_attempt_at, reason");
} // namespace

AgentRunRepository::AgentRunRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool AgentRunRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

AgentRun AgentRunRepository::readRun(const QSqlQuery& query)
{
    AgentRun run;
    run.id = query.value(0).toString();
    run.orgId = query.value(1).toString();
    run.name = query.value(2).toString();
    run.scriptId = query.value(3).toString();
    run.script = CallScriptJson::fromJson(QJsonDocument::fromJson(query.value(4).toByteArray()).object());
    run.provider = query.value(5).toString();
    run.status = AgentRun::statusFromString(query.value(6).toString());
    run.delayMs = query.value(7).toInt();
    run.maxRetries = query.value(8).toInt();
    run.startedAt = Ids::fromStorage(query.value(9).toString());
    run.completedAt = Ids::fromStorage(query.value(10).toString());
    run.createdAt = Ids::fromStorage(query.value(11).toString());
    run.updatedAt = Ids::fromStorage(query.value(12).toString());
    return run;
}

AgentQueueItem AgentRunRepository::readItem(const QSqlQuery& query)
{
    AgentQueueItem item;
    item.id = query.value(0).toString();
    item.agentRunId = query.value(1).toString();
    item.leadId = query.value(2).toString();
    item.position = query.value(3).toInt();
    item.state = query.value(4).toString();
    item.attempts = query.value(5).toInt();
    item.callId = query.value(6).toString();
    item.outcome = query.value(7).toString();
    item.nextAttemptAt = Ids::fromStorage(query.value(8).toString());
    item.reason = query.value(9).toString();
    return item;
}

bool AgentRunRepository::insertRun(const AgentRun& run, const QStringList& leadIds)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO agent_runs (") + kRunColumns
        + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    query.addBindValue(run.id);
    query.addBindValue(run.orgId);
    query.addBindValue(run.name);
    query.addBindValue(SqlValues::nullableText(run.scriptId));
    query.addBindValue(QString::fromUtf8(QJsonDocument(CallScriptJson::toJson(run.script)).toJson(QJsonDocument::Compact)));
    query.addBindValue(run.provider);
    query.addBindValue(AgentRun::statusToString(run.status));
    query.addBindValue(run.delayMs);
    query.addBindValue(run.maxRetries);
    query.addBindValue(SqlValues::nullableTime(run.startedAt));
    query.addBindValue(SqlValues::nullableTime(run.completedAt));
    query.addBindValue(Ids::toStorage(run.createdAt));
    query.addBindValue(Ids::toStorage(run.updatedAt));
    if (!exec(query))
        return false;
    QSqlQuery item(m_db);
    item.prepare(QStringLiteral("INSERT OR IGNORE INTO agent_queue (id, org_id, agent_run_id, lead_id, position, state, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)"));
    int position = 0;
    const QString now = Ids::toStorage(run.createdAt);
    for (const QString& leadId : leadIds) {
        item.addBindValue(Ids::newId());
        item.addBindValue(run.orgId);
        item.addBindValue(run.id);
        item.addBindValue(leadId);
        item.addBindValue(position++);
        item.addBindValue(now);
        item.addBindValue(now);
        if (!exec(item))
            return false;
    }
    return true;
}

std::optional<AgentRun> AgentRunRepository::findRun(const QString& id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kRunColumns + QStringLiteral(" FROM agent_runs WHERE id = ? AND deleted = 0"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readRun(query);
}

QList<AgentRun> AgentRunRepository::runs()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kRunColumns
        + QStringLiteral(" FROM agent_runs WHERE deleted = 0 ORDER BY created_at DESC, id DESC"));
    QList<AgentRun> result;
    if (!exec(query))
        return result;
    while (query.next())
        result.append(readRun(query));
    return result;
}

bool AgentRunRepository::setStatus(const QString& id, AgentRun::Status status, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE agent_runs SET status = ?, updated_at = ?, "
        "started_at = CASE WHEN ? = 'running' AND started_at IS NULL THEN ? ELSE started_at END, "
        "completed_at = CASE WHEN ? IN ('completed', 'failed') THEN ? ELSE completed_at END WHERE id = ?"));
    const QString text = AgentRun::statusToString(status);
    const QString stamp = Ids::toStorage(now);
    query.addBindValue(text);
    query.addBindValue(stamp);
    query.addBindValue(text);
    query.addBindValue(stamp);
    query.addBindValue(text);
    query.addBindValue(stamp);
    query.addBindValue(id);
    return exec(query) && query.numRowsAffected() == 1;
}

QList<AgentQueueItem> AgentRunRepository::queue(const QString& runId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kItemColumns
        + QStringLiteral(" FROM agent_queue WHERE agent_run_id = ? AND deleted = 0 ORDER BY position"));
    query.addBindValue(runId);
    QList<AgentQueueItem> result;
    if (!exec(query))
        return result;
    while (query.next())
        result.append(readItem(query));
    return result;
}

QList<AgentQueueItem> AgentRunRepository::dueItems(const QString& runId, const QDateTime& now, int limit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kItemColumns
        + QStringLiteral(" FROM agent_queue WHERE agent_run_id = ? AND deleted = 0 AND (state = 'pending' "
                         "OR (state = 'retry' AND next_attempt_at <= ?)) ORDER BY state = 'retry', position LIMIT ?"));
    query.addBindValue(runId);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(std::max(1, limit));
    QList<AgentQueueItem> result;
    if (!exec(query))
        return result;
    while (query.next())
        result.append(readItem(query));
    return result;
}

bool AgentRunRepository::claim(const QString& itemId, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE agent_queue SET state = 'calling', attempts = attempts + 1, call_id = NULL, "
                                 "updated_at = ? WHERE id = ? AND state IN ('pending', 'retry')"));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(itemId);
    return exec(query) && query.numRowsAffected() == 1;
}

std::optional<AgentQueueItem> AgentRunRepository::itemForCall(const QString& callId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kItemColumns + QStringLiteral(" FROM agent_queue WHERE call_id = ?"));
    query.addBindValue(callId);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readItem(query);
}

QList<AgentQueueItem> AgentRunRepository::itemsInState(const QString& runId, const QString& state)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kItemColumns
        + QStringLiteral(" FROM agent_queue WHERE agent_run_id = ? AND state = ? AND deleted = 0 ORDER BY position"));
    query.addBindValue(runId);
    query.addBindValue(state);
    QList<AgentQueueItem> result;
    if (!exec(query))
        return result;
    while (query.next())
        result.append(readItem(query));
    return result;
}

bool AgentRunRepository::setCallId(const QString& itemId, const QString& callId, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE agent_queue SET call_id = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(callId);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(itemId);
    return exec(query);
}

bool AgentRunRepository::settle(const QString& itemId, const QString& state, const QString& outcome,
    const QString& reason, const QDateTime& nextAttemptAt, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE agent_queue SET state = ?, outcome = ?, reason = ?, next_attempt_at = ?, "
                                 "updated_at = ? WHERE id = ?"));
    query.addBindValue(state);
    query.addBindValue(SqlValues::text(outcome));
    query.addBindValue(SqlValues::text(reason));
    query.addBindValue(SqlValues::nullableTime(nextAttemptAt));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(itemId);
    return exec(query);
}

QDateTime AgentRunRepository::nextRetryAt(const QString& runId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT min(next_attempt_at) FROM agent_queue WHERE agent_run_id = ? "
                                 "AND state = 'retry' AND deleted = 0"));
    query.addBindValue(runId);
    if (!exec(query) || !query.next())
        return {};
    return Ids::fromStorage(query.value(0).toString());
}

AgentStats AgentRunRepository::stats(const QString& runId)
{
    AgentStats stats;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT count(*), coalesce(sum(state = 'done'), 0), coalesce(sum(state = 'failed'), 0), "
        "coalesce(sum(state = 'done' AND outcome = 'booked'), 0), coalesce(sum(state = 'no-answer'), 0), "
        "coalesce(sum(state IN ('pending', 'retry', 'calling')), 0), coalesce(sum(state = 'skipped'), 0) "
        "FROM agent_queue WHERE agent_run_id = ? AND deleted = 0"));
    query.addBindValue(runId);
    if (!exec(query) || !query.next())
        return stats;
    stats.total = query.value(0).toInt();
    stats.completed = query.value(1).toInt();
    stats.failed = query.value(2).toInt();
    stats.booked = query.value(3).toInt();
    stats.noAnswer = query.value(4).toInt();
    stats.remaining = query.value(5).toInt();
    stats.skipped = query.value(6).toInt();
    return stats;
}

bool AgentRunRepository::log(const QString& runId, const QString& leadId, const QString& message, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO agent_run_log (agent_run_id, lead_id, message, created_at) "
                                 "VALUES (?, ?, ?, ?)"));
    query.addBindValue(runId);
    query.addBindValue(SqlValues::nullableText(leadId));
    query.addBindValue(message);
    query.addBindValue(Ids::toStorage(now));
    return exec(query);
}

QList<AgentLogEntry> AgentRunRepository::logEntries(const QString& runId, int limit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT created_at, lead_id, message FROM agent_run_log WHERE agent_run_id = ? "
                                 "ORDER BY id DESC LIMIT ?"));
    query.addBindValue(runId);
    query.addBindValue(limit);
    QList<AgentLogEntry> result;
    if (!exec(query))
        return result;
    while (query.next())
        result.append({ Ids::fromStorage(query.value(0).toString()), query.value(1).toString(),
            query.value(2).toString() });
    return result;
}
