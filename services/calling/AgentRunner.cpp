#include "services/calling/AgentRunner.h"

#include "services/calling/CallRepository.h"
#include "services/calling/CallService.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/Transaction.h"

#include <QCoreApplication>

namespace {
struct Step
{
    bool ok = true;
    QString error;
    static Step failure(const QString& message) { return { false, message }; }
};

// What becomes of a queue row once its call has ended.
struct Verdict
{
    QString state;
    QString outcome;
    QString reason;
    QDateTime nextAttemptAt;
};

Verdict verdictFor(const AgentQueueItem& item, const CallRecord& call, const AgentRun& run, const QDateTime& now)
{
    Verdict verdict;
    if (call.status == CallRecord::Status::Failed) {
        verdict.state = QStringLiteral("failed");
        verdict.reason = call.errorReason;
    } else if (call.outcome == CallRecord::Outcome::NoAnswer) {
        if (item.attempts <= run.maxRetries) {
            verdict.state = QStringLiteral("retry");
            verdict.nextAttemptAt = now.addMSecs(run.delayMs);
        } else {
            verdict.state = QStringLiteral("no-answer");
        }
        verdict.outcome = CallRecord::outcomeToString(call.outcome);
        verdict.reason = call.endedReason;
    } else {
        verdict.state = QStringLiteral("done");
        verdict.outcome = CallRecord::outcomeToString(call.outcome);
    }
    return verdict;
}
} // namespace

AgentRunner::AgentRunner(const QString& runId, CallService* calls, DatabaseExecutor* executor, QObject* parent)
    : QObject(parent)
    , m_runId(runId)
    , m_calls(calls)
    , m_executor(executor)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &AgentRunner::tick);
    connect(m_calls, &CallService::callFinished, this, &AgentRunner::onCallFinished);
}

void AgentRunner::start()
{
    const QString runId = m_runId;
    const QDateTime now = m_calls->now();
    m_executor->run<std::optional<AgentRun>>(
        this,
        [runId, now](QSqlDatabase& db) -> std::optional<AgentRun> {
            AgentRunRepository runs(db);
            std::optional<AgentRun> run = runs.findRun(runId);
            if (!run || run->status == AgentRun::Status::Completed)
                return run;
            if (run->status != AgentRun::Status::Running)
                runs.setStatus(runId, AgentRun::Status::Running, now);
            return runs.findRun(runId);
        },
        [this](const std::optional<AgentRun>& run) {
            if (!run)
                return;
            m_run = run;
            emit statusChanged(run->status);
            refreshStats();
            if (run->status != AgentRun::Status::Running)
                return;
            if (m_recovered)
                tick();
            else
                recover();
        });
}

void AgentRunner::pause()
{
    m_tick.stop();
    setStatus(AgentRun::Status::Paused);
}

void AgentRunner::setStatus(AgentRun::Status status)
{
    if (m_run)
        m_run->status = status;
    const QString runId = m_runId;
    const QDateTime now = m_calls->now();
    m_executor->post([runId, status, now](QSqlDatabase& db) { AgentRunRepository(db).setStatus(runId, status, now); });
    emit statusChanged(status);
}

void AgentRunner::recover()
{
    // Rows left "calling" by an earlier runner: their calls are followed to the end or settled now.
    struct Open
    {
        AgentQueueItem item;
        std::optional<CallRecord> call;
    };
    const QString runId = m_runId;
    m_executor->run<QList<Open>>(
        this,
        [runId](QSqlDatabase& db) {
            QList<Open> open;
            AgentRunRepository runs(db);
            CallRepository calls(db);
            for (const AgentQueueItem& item : runs.itemsInState(runId, QStringLiteral("calling"))) {
                // The call row is written before the provider is asked, so a claimed row without one was never
                // dialled; with one, the call id may just not have been noted on the queue row yet.
                std::optional<CallRecord> call = item.callId.isEmpty() ? calls.latestForAgentLead(runId, item.leadId)
                                                                      : calls.find(item.callId);
                if (call && item.callId.isEmpty() && calls.countForAgentLead(runId, item.leadId) < item.attempts)
                    call.reset(); // an earlier attempt's call: this attempt wrote none
                open.append({ item, call });
            }
            return open;
        },
        [this](const QList<Open>& open) {
            m_recovered = true;
            bool needsResume = false;
            for (const Open& entry : open) {
                if (!entry.call) {
                    // Stopped between claiming the row and writing its call: nothing was dialled, so it goes back.
                    skip(entry.item, entry.item.attempts > 1 ? QStringLiteral("retry") : QStringLiteral("pending"), {});
                } else if (entry.call->isActive()) {
                    m_itemByCall.insert(entry.call->id, entry.item.id);
                    if (entry.item.callId.isEmpty()) {
                        const QString itemId = entry.item.id;
                        const QString callId = entry.call->id;
                        const QDateTime now = m_calls->now();
                        m_executor->post([itemId, callId, now](QSqlDatabase& db) {
                            AgentRunRepository(db).setCallId(itemId, callId, now);
                        });
                    }
                    needsResume = needsResume || !m_calls->liveCall(entry.call->id);
                } else {
                    settle(entry.item, *entry.call);
                }
            }
            if (needsResume)
                m_calls->resumeActiveCalls();
            tick();
        });
}

int AgentRunner::startGapMs() const
{
    return std::max(m_run ? m_run->delayMs : 0, m_calls->settings().minStartIntervalMs());
}

void AgentRunner::scheduleTick(int ms)
{
    if (!m_run || m_run->status != AgentRun::Status::Running)
        return;
    if (!m_tick.isActive() || m_tick.remainingTime() > ms)
        m_tick.start(std::max(0, ms));
}

void AgentRunner::tick()
{
    if (!m_run || m_run->status != AgentRun::Status::Running || m_busy || !m_recovered)
        return;
    if (m_calls->activeCount() >= m_calls->settings().maxConcurrentCalls)
        return; // the next callFinished ticks again
    const QDateTime now = m_calls->now();
    if (m_sinceLastStart.isValid()) {
        const qint64 waited = m_sinceLastStart.elapsed();
        if (waited < startGapMs()) {
            scheduleTick(int(startGapMs() - waited));
            return;
        }
    }
    struct Next
    {
        std::optional<AgentQueueItem> item;
        int remaining = 0;
        QDateTime nextRetryAt;
    };
    m_busy = true;
    const QString runId = m_runId;
    m_executor->run<Next>(
        this,
        [runId, now](QSqlDatabase& db) {
            Next next;
            AgentRunRepository runs(db);
            const QList<AgentQueueItem> due = runs.dueItems(runId, now, 1);
            if (!due.isEmpty() && runs.claim(due.first().id, now)) {
                next.item = due.first();
                next.item->attempts += 1;
                next.item->state = QStringLiteral("calling");
            }
            next.remaining = runs.stats(runId).remaining;
            next.nextRetryAt = runs.nextRetryAt(runId);
            return next;
        },
        [this](const Next& next) {
            if (next.item) {
                startItem(*next.item);
                return;
            }
            m_busy = false;
            if (next.remaining == 0) {
                setStatus(AgentRun::Status::Completed);
                refreshStats();
                emit finished();
            } else if (next.nextRetryAt.isValid()) {
                scheduleTick(int(std::max<qint64>(0, m_calls->now().msecsTo(next.nextRetryAt))));
            }
        });
}

void AgentRunner::startItem(const AgentQueueItem& item)
{
    m_sinceLastStart.start();
    CallService::PlaceRequest request;
    request.leadId = item.leadId;
    request.script = m_run->script;
    request.provider = m_run->provider;
    request.agentRunId = m_runId;
    m_calls->placeCall(request, this, [this, item](const CallService::PlaceOutcome& outcome) {
        m_busy = false;
        if (!outcome.callId.isEmpty()) {
            // Placed, or written and refused by the provider: callFinished settles the row either way.
            m_itemByCall.insert(outcome.callId, item.id);
            const QString itemId = item.id;
            const QString callId = outcome.callId;
            const QDateTime now = m_calls->now();
            m_executor->post(
                [itemId, callId, now](QSqlDatabase& db) { AgentRunRepository(db).setCallId(itemId, callId, now); });
            if (!outcome.ok)
                log(item.leadId, outcome.message);
        } else if (outcome.refused()) {
            skip(item, QStringLiteral("skipped"), outcome.message);
        } else if (outcome.error.kind == TelephonyError::NotConfigured) {
            // Nothing can be dialled: the lead goes back to the queue and the agent waits for the settings.
            skip(item, QStringLiteral("pending"), {});
            log({}, outcome.message);
            pause();
            return;
        } else {
            skip(item, QStringLiteral("failed"), outcome.message);
        }
        scheduleTick(startGapMs());
    });
    refreshStats();
}

void AgentRunner::onCallFinished(const CallRecord& call)
{
    if (call.agentRunId != m_runId || !m_run) {
        scheduleTick(0); // a slot under the concurrency limit may have opened
        return;
    }
    const QString runId = m_runId;
    m_itemByCall.remove(call.id);
    m_executor->run<std::optional<AgentQueueItem>>(
        this, [callId = call.id](QSqlDatabase& db) { return AgentRunRepository(db).itemForCall(callId); },
        [this, call](const std::optional<AgentQueueItem>& item) {
            if (item && item->state == QLatin1String("calling"))
                settle(*item, call);
            else
                tick();
        });
}

void AgentRunner::settle(const AgentQueueItem& item, const CallRecord& call)
{
    const Verdict verdict = verdictFor(item, call, *m_run, m_calls->now());
    const QDateTime now = m_calls->now();
    const QString runId = m_runId;
    m_executor->run<Step>(
        this,
        [item, verdict, now](QSqlDatabase& db) {
            AgentRunRepository runs(db);
            return runs.settle(item.id, verdict.state, verdict.outcome, verdict.reason, verdict.nextAttemptAt, now)
                ? Step {}
                : Step::failure(runs.lastError());
        },
        [this, item, verdict](const Step& step) {
            if (!step.ok)
                log(item.leadId, step.error);
            else if (verdict.state == QLatin1String("failed"))
                log(item.leadId, tr("Call failed: %1").arg(verdict.reason));
            refreshStats();
            if (verdict.state == QLatin1String("retry"))
                scheduleTick(int(std::max<qint64>(startGapMs(), m_calls->now().msecsTo(verdict.nextAttemptAt))));
            tick();
        });
}

void AgentRunner::skip(const AgentQueueItem& item, const QString& state, const QString& reason)
{
    const QDateTime now = m_calls->now();
    const QString itemId = item.id;
    m_executor->post([itemId, state, reason, now](QSqlDatabase& db) {
        AgentRunRepository(db).settle(itemId, state, {}, reason, {}, now);
    });
    if (!reason.isEmpty())
        log(item.leadId, state == QLatin1String("skipped") ? tr("Skipped: %1").arg(reason) : reason);
    refreshStats();
}

void AgentRunner::log(const QString& leadId, const QString& message)
{
    const AgentLogEntry entry { m_calls->now(), leadId, message };
    const QString runId = m_runId;
    m_executor->post([runId, entry](QSqlDatabase& db) {
        AgentRunRepository(db).log(runId, entry.leadId, entry.message, entry.at);
    });
    emit logged(entry);
}

void AgentRunner::refreshStats()
{
    const QString runId = m_runId;
    m_executor->run<AgentStats>(
        this, [runId](QSqlDatabase& db) { return AgentRunRepository(db).stats(runId); },
        [this](const AgentStats& stats) {
            m_stats = stats;
            emit statsChanged(stats);
        });
}
