#include "services/calling/CallService.h"

#include "models/Activity.h"
#include "models/Ids.h"
#include "services/calling/CallOutcomeMapper.h"
#include "services/events/EventBus.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/LeadRepository.h"
#include "services/storage/Transaction.h"

#include <QPointer>
#include <QTimer>

namespace {
// Failed polls in a row (network, 5xx after retries, unreadable answers) before the call is given up on.
constexpr int kMaxPollFailures = 5;

QString tr(const char* text)
{
    return QCoreApplication::translate("CallService", text);
}

QVariantMap variablesOf(const Lead& lead)
{
    const QString person = lead.contactPerson.trimmed().isEmpty() ? lead.name.trimmed() : lead.contactPerson.trimmed();
    return { { QStringLiteral("name"), lead.name }, { QStringLiteral("first_name"), person.section(u' ', 0, 0) },
        { QStringLiteral("contact_person"), lead.contactPerson }, { QStringLiteral("company"), lead.company },
        { QStringLiteral("title"), lead.title }, { QStringLiteral("industry"), lead.industry },
        { QStringLiteral("location"), lead.location }, { QStringLiteral("website"), lead.website } };
}

QString durationText(int seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

Activity timelineEntry(const CallRecord& call)
{
    Activity activity;
    activity.id = Ids::newId();
    activity.leadId = call.leadId;
    activity.kind = Activity::Kind::Call;
    activity.createdAt = activity.updatedAt = QDateTime::currentDateTimeUtc();
    if (call.status == CallRecord::Status::Failed) {
        activity.body = tr("Call failed: %1").arg(call.errorReason);
    } else {
        const QString outcome = call.outcome == CallRecord::Outcome::None ? tr("Call ended")
                                                                           : CallRecord::outcomeLabel(call.outcome);
        activity.body = call.agentRunId.isEmpty() ? tr("Call: %1 (%2)").arg(outcome, durationText(call.durationSeconds))
                                                  : tr("AI call: %1 (%2)").arg(outcome, durationText(call.durationSeconds));
        if (!call.summary.isEmpty())
            activity.body += QStringLiteral("\n") + call.summary;
    }
    activity.meta = { { QStringLiteral("call_id"), call.id }, { QStringLiteral("provider"), call.provider },
        { QStringLiteral("status"), CallRecord::statusToString(call.status) },
        { QStringLiteral("outcome"), CallRecord::outcomeToString(call.outcome) },
        { QStringLiteral("duration_s"), call.durationSeconds } };
    return activity;
}

struct StoreOutcome
{
    bool ok = true;
    QString error;
    QString activityId;
    static StoreOutcome failure(const QString& message) { return { false, message, {} }; }
};
} // namespace

struct CallService::Follow
{
    LiveCall live;
    CallRecord record;
    QTimer timer;
    QDateTime endSeenAt;
    int failures = 0;
    bool finishing = false;
};

CallService::CallService(DatabaseExecutor* executor, EventBus* bus, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_bus(bus)
{
}

CallService::~CallService() = default;

void CallService::setTelephony(Telephony* telephony)
{
    if (telephony)
        m_telephony.insert(telephony->providerName(), telephony);
}

void CallService::placeCall(const PlaceRequest& request, QObject* context, std::function<void(const PlaceOutcome&)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const PlaceOutcome& outcome) {
        if (done && guard)
            done(outcome);
    };
    Telephony* telephony = m_telephony.value(request.provider);
    if (!telephony || !telephony->isConfigured()) {
        PlaceOutcome outcome;
        outcome.error = TelephonyError::make(TelephonyError::NotConfigured);
        outcome.message = outcome.error.message;
        QTimer::singleShot(0, this, [answer, outcome] { answer(outcome); });
        return;
    }
    struct Prepared
    {
        PlaceOutcome outcome;
        CallRecord record;
        Lead lead;
    };
    const WorkspaceIdentity identity = m_identity;
    const CallPreflight preflight(m_settings);
    const QDateTime now = this->now();
    ++m_placing;
    m_executor->run<Prepared>(
        this,
        [request, identity, preflight, now](QSqlDatabase& db) {
            Prepared prepared;
            const std::optional<Lead> lead = LeadRepository(db).find(request.leadId);
            if (!lead) {
                prepared.outcome.refusal = CallPreflight::Refusal::LeadDeleted;
                prepared.outcome.message = tr("The lead no longer exists.");
                return prepared;
            }
            prepared.lead = *lead;
            const CallPreflight::Result check = preflight.check(*lead, now);
            if (!check.ok()) {
                prepared.outcome.refusal = check.refusal;
                prepared.outcome.message = check.message;
                return prepared;
            }
            CallRepository calls(db);
            if (calls.hasActiveCall(lead->id)) {
                prepared.outcome.refusal = CallPreflight::Refusal::AlreadyOnCall;
                prepared.outcome.message = tr("%1 is already on a call.").arg(lead->name);
                return prepared;
            }
            CallRecord& record = prepared.record;
            record.id = Ids::newId();
            record.orgId = identity.orgId;
            record.leadId = lead->id;
            record.agentRunId = request.agentRunId;
            record.scriptId = request.script.id;
            record.provider = request.provider;
            record.createdAt = record.updatedAt = QDateTime::currentDateTimeUtc();
            if (!calls.insert(record)) {
                prepared.outcome.message = calls.lastError();
                return prepared;
            }
            prepared.outcome.ok = true;
            prepared.outcome.callId = record.id;
            return prepared;
        },
        [this, request, telephony, answer](const Prepared& prepared) {
            if (!prepared.outcome.ok) {
                --m_placing;
                answer(prepared.outcome);
                return;
            }
            emit callChanged(prepared.record);
            OutboundCallRequest outbound;
            outbound.leadId = prepared.lead.id;
            outbound.customerNumber = prepared.lead.phone;
            outbound.customerName = prepared.lead.contactPerson.isEmpty() ? prepared.lead.name
                                                                           : prepared.lead.contactPerson;
            outbound.script = request.script;
            outbound.config = request.config;
            outbound.variables = variablesOf(prepared.lead);
            outbound.label = prepared.lead.name;
            const CallRecord record = prepared.record;
            const QString leadName = prepared.lead.name;
            telephony->startCall(outbound, this,
                [this, record, leadName, answer](const TelephonyResult<ProviderCall>& result) {
                    --m_placing;
                    if (!result.ok()) {
                        failBeforeProvider(record, result.error, this, answer);
                        return;
                    }
                    LiveCall live;
                    live.callId = record.id;
                    live.leadId = record.leadId;
                    live.leadName = leadName;
                    live.agentRunId = record.agentRunId;
                    live.providerName = record.provider;
                    live.placedAt = this->now();
                    live.provider = result.value;
                    CallRecord placed = record;
                    CallOutcomeMapper::apply(result.value, &placed);
                    follow(placed, live);
                    PlaceOutcome outcome;
                    outcome.ok = true;
                    outcome.callId = record.id;
                    answer(outcome);
                });
        });
}

void CallService::failBeforeProvider(const CallRecord& input, const TelephonyError& error, QObject*,
    std::function<void(const PlaceOutcome&)> done)
{
    auto follow = std::make_shared<Follow>();
    follow->record = input;
    follow->record.status = CallRecord::Status::Failed;
    follow->record.errorReason = error.detail.isEmpty() ? error.message : error.message + QStringLiteral(" (")
            + TelephonyError::kindName(error.kind) + QStringLiteral(": ") + error.detail + u')';
    follow->record.endedAt = QDateTime::currentDateTimeUtc();
    finish(follow);
    PlaceOutcome outcome;
    outcome.callId = input.id;
    outcome.error = error;
    outcome.message = error.message;
    done(outcome);
}

void CallService::follow(const CallRecord& record, const LiveCall& live)
{
    auto follow = std::make_shared<Follow>();
    follow->record = record;
    follow->live = live;
    follow->live.status = record.status;
    follow->timer.setSingleShot(true);
    const QString callId = record.id;
    connect(&follow->timer, &QTimer::timeout, this, [this, callId] { poll(callId); });
    m_follows.insert(callId, follow);
    store(follow);
    emit liveCallsChanged();
    follow->timer.start(m_settings.pollIntervalMs);
}

void CallService::poll(const QString& callId)
{
    const std::shared_ptr<Follow> follow = m_follows.value(callId);
    if (!follow)
        return;
    Telephony* telephony = m_telephony.value(follow->record.provider);
    if (!telephony) {
        follow->timer.start(m_settings.pollIntervalMs);
        return;
    }
    telephony->fetchCall(follow->record.providerCallId, this,
        [this, callId](const TelephonyResult<ProviderCall>& result) { onPolled(callId, result); });
}

void CallService::onPolled(const QString& callId, const TelephonyResult<ProviderCall>& result)
{
    const std::shared_ptr<Follow> follow = m_follows.value(callId);
    if (!follow || follow->finishing)
        return;
    if (!result.ok()) {
        const bool fatal = result.error.kind == TelephonyError::Unauthorized
            || result.error.kind == TelephonyError::NotFound || result.error.kind == TelephonyError::NotConfigured;
        if (fatal || ++follow->failures >= kMaxPollFailures) {
            follow->record.status = CallRecord::Status::Failed;
            follow->record.errorReason = tr("Lost track of the call: %1").arg(result.error.message);
            finish(follow);
        } else {
            follow->timer.start(m_settings.pollIntervalMs);
        }
        return;
    }
    follow->failures = 0;
    ProviderCall reported = result.value;
    // A later answer without monitor URLs keeps the ones we have.
    if (reported.listenUrl.isEmpty())
        reported.listenUrl = follow->live.provider.listenUrl;
    if (reported.controlUrl.isEmpty())
        reported.controlUrl = follow->live.provider.controlUrl;
    follow->live.provider = reported;
    const CallRecord::Status before = follow->record.status;
    CallRecord updated = follow->record;
    CallOutcomeMapper::apply(reported, &updated);

    if (reported.ended()) {
        Telephony* telephony = m_telephony.value(follow->record.provider);
        const bool waitForAnalysis = telephony && telephony->analysisArrivesLate() && !reported.analysisReady
            && !reported.failed && !reported.noAnswer;
        if (!follow->endSeenAt.isValid())
            follow->endSeenAt = now();
        if (waitForAnalysis && follow->endSeenAt.msecsTo(now()) < m_settings.analysisGraceMs) {
            follow->timer.start(m_settings.pollIntervalMs);
            return;
        }
        follow->record = updated;
        finish(follow);
        return;
    }
    follow->record = updated;
    if (updated.status != before) {
        follow->live.status = updated.status;
        store(follow);
        emit liveCallsChanged();
    }
    follow->timer.start(m_settings.pollIntervalMs);
}

void CallService::store(const std::shared_ptr<Follow>& follow)
{
    CallRecord record = follow->record;
    record.updatedAt = QDateTime::currentDateTimeUtc();
    m_executor->run<bool>(
        this, [record](QSqlDatabase& db) { return CallRepository(db).update(record); },
        [this, record](bool ok) {
            if (ok)
                emit callChanged(record);
        });
}

void CallService::finish(const std::shared_ptr<Follow>& follow)
{
    follow->finishing = true;
    follow->timer.stop();
    CallRecord record = follow->record;
    if (record.status != CallRecord::Status::Failed)
        record.status = CallRecord::Status::Completed;
    if (!record.endedAt.isValid())
        record.endedAt = QDateTime::currentDateTimeUtc();
    record.updatedAt = QDateTime::currentDateTimeUtc();
    const QString orgId = m_identity.orgId;
    m_executor->run<StoreOutcome>(
        this,
        [record, orgId](QSqlDatabase& db) {
            return inTransaction<StoreOutcome>(db, [&] {
                CallRepository calls(db);
                if (!calls.update(record))
                    return StoreOutcome::failure(calls.lastError());
                const Activity activity = timelineEntry(record);
                ActivityRepository activities(db);
                if (!activities.insert(activity, orgId))
                    return StoreOutcome::failure(activities.lastError());
                const bool connected = record.status == CallRecord::Status::Completed
                    && record.outcome != CallRecord::Outcome::NoAnswer;
                if (connected)
                    LeadRepository(db).touchContacted(record.leadId, record.endedAt);
                StoreOutcome outcome;
                outcome.activityId = activity.id;
                return outcome;
            });
        },
        [this, record](const StoreOutcome& outcome) {
            m_follows.remove(record.id);
            if (!outcome.ok)
                qWarning("CallService: could not store the end of call %s: %s", qPrintable(record.id),
                    qPrintable(outcome.error));
            emit callChanged(record);
            emit liveCallsChanged();
            if (outcome.ok) {
                HubEvent activity;
                activity.type = HubEvent::Type::ActivityAdded;
                activity.leadId = record.leadId;
                activity.payload = { { QStringLiteral("activity_id"), outcome.activityId },
                    { QStringLiteral("kind"), QStringLiteral("call") } };
                m_bus->publish(activity);
            }
            publish(record);
            emit callFinished(record);
        });
}

void CallService::publish(const CallRecord& record)
{
    HubEvent event;
    event.type = record.status == CallRecord::Status::Failed ? HubEvent::Type::CallFailed
                                                             : HubEvent::Type::CallCompleted;
    event.leadId = record.leadId;
    event.payload = { { QStringLiteral("call_id"), record.id }, { QStringLiteral("provider"), record.provider },
        { QStringLiteral("outcome"), CallRecord::outcomeToString(record.outcome) },
        { QStringLiteral("sentiment"), record.sentiment }, { QStringLiteral("duration_s"), record.durationSeconds },
        { QStringLiteral("agent_run_id"), record.agentRunId }, { QStringLiteral("error"), record.errorReason } };
    m_bus->publish(event);
}

void CallService::endCall(const QString& callId, QObject* context, Telephony::Done done)
{
    const std::shared_ptr<Follow> follow = m_follows.value(callId);
    Telephony* telephony = follow ? m_telephony.value(follow->record.provider) : nullptr;
    if (!follow || !telephony) {
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, this, [guard, done] {
            if (guard && done)
                done(TelephonyError::make(TelephonyError::NotFound));
        });
        return;
    }
    telephony->endCall(follow->live.provider, context, [this, callId, done](const TelephonyError& error) {
        // Poll at once so the end shows without waiting a whole interval.
        if (error.ok()) {
            if (const std::shared_ptr<Follow> follow = m_follows.value(callId); follow && !follow->finishing)
                follow->timer.start(0);
        }
        if (done)
            done(error);
    });
}

void CallService::resumeActiveCalls(QObject* context, std::function<void(int)> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    m_executor->run<QList<CallRecord>>(
        this, [](QSqlDatabase& db) { return CallRepository(db).active(); },
        [this, guard, hasContext, done](const QList<CallRecord>& calls) {
            int resumed = 0;
            for (const CallRecord& record : calls) {
                if (m_follows.contains(record.id))
                    continue;
                if (record.providerCallId.isEmpty() || !m_telephony.contains(record.provider)) {
                    // The app stopped before the provider answered: whether the phone rang is unknown, so the call
                    // is closed as failed rather than dialled again.
                    auto follow = std::make_shared<Follow>();
                    follow->record = record;
                    follow->record.status = CallRecord::Status::Failed;
                    follow->record.errorReason = tr("Interrupted: the app closed while the call was being placed.");
                    m_follows.insert(record.id, follow);
                    finish(follow);
                    continue;
                }
                LiveCall live;
                live.callId = record.id;
                live.leadId = record.leadId;
                live.agentRunId = record.agentRunId;
                live.providerName = record.provider;
                live.placedAt = record.createdAt;
                live.provider.providerCallId = record.providerCallId;
                follow(record, live);
                ++resumed;
            }
            if (done && (!hasContext || guard))
                done(resumed);
        });
}

QList<LiveCall> CallService::liveCalls() const
{
    QList<LiveCall> result;
    for (const std::shared_ptr<Follow>& follow : m_follows) {
        if (!follow->finishing && !follow->live.callId.isEmpty())
            result.append(follow->live);
    }
    std::sort(result.begin(), result.end(),
        [](const LiveCall& a, const LiveCall& b) { return a.placedAt < b.placedAt; });
    return result;
}

std::optional<LiveCall> CallService::liveCall(const QString& callId) const
{
    const std::shared_ptr<Follow> follow = m_follows.value(callId);
    if (!follow || follow->finishing || follow->live.callId.isEmpty())
        return std::nullopt;
    return follow->live;
}

void CallService::list(const CallQuery& query, QObject* context, std::function<void(const QList<CallRecord>&)> done)
{
    m_executor->run<QList<CallRecord>>(
        context, [query](QSqlDatabase& db) { return CallRepository(db).list(query); }, std::move(done));
}

void CallService::fetch(const QString& callId, QObject* context,
    std::function<void(const std::optional<CallRecord>&)> done)
{
    m_executor->run<std::optional<CallRecord>>(
        context, [callId](QSqlDatabase& db) { return CallRepository(db).find(callId); }, std::move(done));
}

void CallService::stats(int days, QObject* context, std::function<void(const CallStats&)> done)
{
    const QDate today = now().date();
    m_executor->run<CallStats>(
        context, [today, days](QSqlDatabase& db) { return CallRepository(db).stats(today, days); }, std::move(done));
}

void CallService::annotate(const QString& callId, CallRecord::Outcome outcome, const QString& notes, QObject* context,
    std::function<void(bool, const QString&)> done)
{
    struct Result
    {
        bool ok = false;
        QString error;
        CallRecord record;
    };
    QPointer<QObject> guard(context);
    m_executor->run<Result>(
        this,
        [callId, outcome, notes](QSqlDatabase& db) {
            Result result;
            CallRepository calls(db);
            std::optional<CallRecord> record = calls.find(callId);
            if (!record) {
                result.error = tr("The call no longer exists.");
                return result;
            }
            record->outcome = outcome;
            record->notes = notes;
            record->updatedAt = QDateTime::currentDateTimeUtc();
            result.ok = calls.update(*record);
            result.error = calls.lastError();
            result.record = *record;
            return result;
        },
        [this, guard, done](const Result& result) {
            if (result.ok)
                emit callChanged(result.record);
            if (done && guard)
                done(result.ok, result.error);
        });
}
