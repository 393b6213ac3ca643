#include "services/calling/CallRepository.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString kColumns = QStringLiteral(
    "id, org_id, lead_id, agent_run_id, script_id, provider, provider_call_id, status, outcome, sentiment, duration_s, "
    "summary, transcript, recording_url, cost, ended_reason, error_reason, notes, started_at, ended_at, created_at, "
    "updated_at, rev, deleted");
const QString kSelect = kColumns + QStringLiteral(", (SELECT l.name FROM leads l WHERE l.id = calls.lead_id)");
} // namespace

CallRepository::CallRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool CallRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

CallRecord CallRepository::read(const QSqlQuery& query)
{
    CallRecord call;
    call.id = query.value(0).toString();
    call.orgId = query.value(1).toString();
    call.leadId = query.value(2).toString();
    call.agentRunId = query.value(3).toString();
    call.scriptId = query.value(4).toString();
    call.provider = query.value(5).toString();
    call.providerCallId = query.value(6).toString();
    call.status = CallRecord::statusFromString(query.value(7).toString());
    call.outcome = CallRecord::outcomeFromString(query.value(8).toString());
    call.sentiment = query.value(9).toString();
    call.durationSeconds = query.value(10).toInt();
    call.summary = query.value(11).toString();
    call.transcript = query.value(12).toString();
    call.recordingUrl = query.value(13).toString();
    call.costUsd = query.value(14).toDouble();
    call.endedReason = query.value(15).toString();
    call.errorReason = query.value(16).toString();
    call.notes = query.value(17).toString();
    call.startedAt = Ids::fromStorage(query.value(18).toString());
    call.endedAt = Ids::fromStorage(query.value(19).toString());
    call.createdAt = Ids::fromStorage(query.value(20).toString());
    call.updatedAt = Ids::fromStorage(query.value(21).toString());
    call.rev = query.value(22).toLongLong();
    call.deleted = query.value(23).toBool();
    call.leadName = query.value(24).toString();
    return call;
}

bool CallRepository::insert(const CallRecord& call)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO calls (") + kColumns
        + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0)"));
    query.addBindValue(call.id);
    query.addBindValue(call.orgId);
    query.addBindValue(call.leadId);
    query.addBindValue(SqlValues::nullableText(call.agentRunId));
    query.addBindValue(SqlValues::nullableText(call.scriptId));
    query.addBindValue(call.provider);
    query.addBindValue(SqlValues::nullableText(call.providerCallId));
    query.addBindValue(CallRecord::statusToString(call.status));
    query.addBindValue(SqlValues::text(CallRecord::outcomeToString(call.outcome)));
    query.addBindValue(SqlValues::text(call.sentiment));
    query.addBindValue(call.durationSeconds);
    query.addBindValue(SqlValues::text(call.summary));
    query.addBindValue(SqlValues::text(call.transcript));
    query.addBindValue(SqlValues::text(call.recordingUrl));
    query.addBindValue(call.costUsd);
    query.addBindValue(SqlValues::text(call.endedReason));
    query.addBindValue(SqlValues::text(call.errorReason));
    query.addBindValue(SqlValues::text(call.notes));
    query.addBindValue(SqlValues::nullableTime(call.startedAt));
    query.addBindValue(SqlValues::nullableTime(call.endedAt));
    query.addBindValue(Ids::toStorage(call.createdAt));
    query.addBindValue(Ids::toStorage(call.updatedAt));
    return exec(query);
}

bool CallRepository::update(const CallRecord& call)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE calls SET agent_run_id = ?, script_id = ?, provider_call_id = ?, status = ?, outcome = ?, "
        "sentiment = ?, duration_s = ?, summary = ?, transcript = ?, recording_url = ?, cost = ?, ended_reason = ?, "
        "error_reason = ?, notes = ?, started_at = ?, ended_at = ?, updated_at = ?, deleted = ? WHERE id = ?"));
    query.addBindValue(SqlValues::nullableText(call.agentRunId));
    query.addBindValue(SqlValues::nullableText(call.scriptId));
    query.addBindValue(SqlValues::nullableText(call.providerCallId));
    query.addBindValue(CallRecord::statusToString(call.status));
    query.addBindValue(SqlValues::text(CallRecord::outcomeToString(call.outcome)));
    query.addBindValue(SqlValues::text(call.sentiment));
    query.addBindValue(call.durationSeconds);
    query.addBindValue(SqlValues::text(call.summary));
    query.addBindValue(SqlValues::text(call.transcript));
    query.addBindValue(SqlValues::text(call.recordingUrl));
    query.addBindValue(call.costUsd);
    query.addBindValue(SqlValues::text(call.endedReason));
    query.addBindValue(SqlValues::text(call.errorReason));
    query.addBindValue(SqlValues::text(call.notes));
    query.addBindValue(SqlValues::nullableTime(call.startedAt));
    query.addBindValue(SqlValues::nullableTime(call.endedAt));
    query.addBindValue(Ids::toStorage(call.updatedAt));
    query.addBindValue(call.deleted ? 1 : 0);
    query.addBindValue(call.id);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 0) {
        m_lastError = QStringLiteral("no call with id %1").arg(call.id);
        return false;
    }
    return true;
}

std::optional<CallRecord> CallRepository::find(const QString& id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kSelect + QStringLiteral(" FROM calls WHERE id = ?"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return read(query);
}

QList<CallRecord> CallRepository::list(const CallQuery& filter)
{
    QStringList where { QStringLiteral("deleted = 0") };
    QVariantList values;
    if (!filter.leadId.isEmpty()) {
        where << QStringLiteral("lead_id = ?");
        values << filter.leadId;
    }
    if (!filter.leadName.trimmed().isEmpty()) {
        where << QStringLiteral("lead_id IN (SELECT id FROM leads WHERE name LIKE ? ESCAPE '\\')");
        QString pattern = filter.leadName.trimmed();
        pattern.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
        values << QString(QStringLiteral("%") + pattern + QStringLiteral("%"));
    }
    if (!filter.agentRunId.isEmpty()) {
        where << QStringLiteral("agent_run_id = ?");
        values << filter.agentRunId;
    }
    if (filter.status) {
        where << QStringLiteral("status = ?");
        values << CallRecord::statusToString(*filter.status);
    }
    if (filter.outcome) {
        where << QStringLiteral("outcome = ?");
        values << CallRecord::outcomeToString(*filter.outcome);
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("created_at >= ?");
        values << Ids::toStorage(filter.from.startOfDay(Qt::UTC));
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("created_at < ?");
        values << Ids::toStorage(filter.to.addDays(1).startOfDay(Qt::UTC));
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kSelect + QStringLiteral(" FROM calls WHERE ")
        + where.join(QStringLiteral(" AND ")) + QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"));
    for (const QVariant& value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(std::max(1, filter.limit));
    query.addBindValue(std::max(0, filter.offset));
    QList<CallRecord> result;
    if (!exec(query))
        return result;
    while (query.next())
        result.append(read(query));
    return result;
}

QList<CallRecord> CallRepository::active()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kSelect
        + QStringLiteral(" FROM calls WHERE status IN ('queued', 'ringing', 'in-progress') AND deleted = 0 "
                         "ORDER BY created_at"));
    QList<CallRecord> result;
    if (!exec(query))
        return result;
    while (query.next())
        result.append(read(query));
    return result;
}

bool CallRepository::hasActiveCall(const QString& leadId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM calls WHERE lead_id = ? AND deleted = 0 "
                                 "AND status IN ('queued', 'ringing', 'in-progress') LIMIT 1"));
    query.addBindValue(leadId);
    return exec(query) && query.next();
}

std::optional<CallRecord> CallRepository::latestForAgentLead(const QString& agentRunId, const QString& leadId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kSelect
        + QStringLiteral(" FROM calls WHERE agent_run_id = ? AND lead_id = ? ORDER BY created_at DESC, id DESC LIMIT 1"));
    query.addBindValue(agentRunId);
    query.addBindValue(leadId);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return read(query);
}

int CallRepository::countForAgentLead(const QString& agentRunId, const QString& leadId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*) FROM calls WHERE agent_run_id = ? AND lead_id = ?"));
    query.addBindValue(agentRunId);
    query.addBindValue(leadId);
    return exec(query) && query.next() ? query.value(0).toInt() : 0;
}

CallStats CallRepository::stats(const QDate& today, int days)
{
    CallStats stats;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT count(*), "
        "coalesce(sum(created_at >= ?), 0), "
        "coalesce(sum(outcome = 'booked'), 0), coalesce(sum(outcome = 'follow-up'), 0), "
        "coalesce(sum(outcome = 'not-interested'), 0), coalesce(sum(outcome = 'no-answer'), 0), "
        "coalesce(sum(status = 'failed'), 0), "
        "coalesce(avg(CASE WHEN duration_s > 0 THEN duration_s END), 0), "
        "coalesce(sum(status = 'completed' AND outcome <> 'no-answer'), 0) "
        "FROM calls WHERE deleted = 0"));
    query.addBindValue(Ids::toStorage(today.startOfDay(Qt::UTC)));
    if (!exec(query) || !query.next())
        return stats;
    stats.total = query.value(0).toInt();
    stats.today = query.value(1).toInt();
    stats.booked = query.value(2).toInt();
    stats.followUp = query.value(3).toInt();
    stats.notInterested = query.value(4).toInt();
    stats.noAnswer = query.value(5).toInt();
    stats.failed = query.value(6).toInt();
    stats.averageDurationSeconds = query.value(7).toDouble();
    const int connected = query.value(8).toInt();
    stats.conversionRate = connected > 0 ? double(stats.booked) / connected : 0.0;

    const QDate first = today.addDays(-(std::max(1, days) - 1));
    QSqlQuery perDay(m_db);
    perDay.prepare(QStringLiteral("SELECT substr(created_at, 1, 10), count(*), coalesce(sum(outcome = 'booked'), 0) "
                                  "FROM calls WHERE deleted = 0 AND created_at >= ? GROUP BY 1"));
    perDay.addBindValue(Ids::toStorage(first.startOfDay(Qt::UTC)));
    QHash<QDate, QPair<int, int>> counts;
    if (exec(perDay)) {
        while (perDay.next())
            counts.insert(QDate::fromString(perDay.value(0).toString(), Qt::ISODate),
                { perDay.value(1).toInt(), perDay.value(2).toInt() });
    }
    for (QDate day = first; day <= today; day = day.addDays(1)) {
        stats.perDay.append({ day, counts.value(day).first });
        stats.bookedPerDay.append({ day, counts.value(day).second });
    }
    return stats;
}
