#pragma once

#include "models/calling/CallRecord.h"
#include "models/calling/CallScript.h"
#include "services/calling/CallPreflight.h"
#include "services/calling/CallRepository.h"
#include "services/calling/CallingSettings.h"
#include "services/providers/Telephony.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class DatabaseExecutor;
class EventBus;

// A call that is being followed right now. provider holds the monitor URLs (bearer secrets): memory only.
struct LiveCall
{
    QString callId;
    QString leadId;
    QString leadName;
    QString agentRunId;
    QString providerName;
    CallRecord::Status status = CallRecord::Status::Queued;
    QDateTime placedAt;
    ProviderCall provider;
};

// Places calls and follows them to the end (issue #6): the checks first (CallPreflight), a row in calls for every
// placed call, every status change stored, polling until the provider reports the end (and a little longer for
// Vapi's late analysis), outcome and sentiment mapped, an entry on the lead's timeline, and call.completed /
// call.failed on the EventBus. Lives on the UI thread; all SQL runs on the database thread.
class CallService : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    struct PlaceRequest
    {
        QString leadId;
        CallScript script;
        AssistantConfig config; // whitelisted per-call settings
        QString provider = CallingSettings::vapiProvider();
        QString agentRunId;
    };

    struct PlaceOutcome
    {
        bool ok = false;
        QString callId; // set once a row was written (also for calls the provider refused)
        QString message; // translated, when !ok
        CallPreflight::Refusal refusal = CallPreflight::Refusal::None;
        TelephonyError error;
        bool refused() const { return refusal != CallPreflight::Refusal::None; }
    };

    CallService(DatabaseExecutor* executor, EventBus* bus, QObject* parent = nullptr);
    ~CallService() override;

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }
    void setSettings(const CallingSettings& settings) { m_settings = settings; }
    const CallingSettings& settings() const { return m_settings; }
    // Registers an adapter under its providerName(); the service does not own it.
    void setTelephony(Telephony* telephony);
    Telephony* telephony(const QString& provider) const { return m_telephony.value(provider); }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    void placeCall(const PlaceRequest& request, QObject* context, std::function<void(const PlaceOutcome&)> done);
    void endCall(const QString& callId, QObject* context, Telephony::Done done);
    // Follows again the calls a previous run of the app left queued, ringing or in progress. done(count resumed).
    void resumeActiveCalls(QObject* context = nullptr, std::function<void(int)> done = {});

    QList<LiveCall> liveCalls() const;
    std::optional<LiveCall> liveCall(const QString& callId) const;
    int activeCount() const { return int(m_follows.size()) + m_placing; }

    void list(const CallQuery& query, QObject* context, std::function<void(const QList<CallRecord>&)> done);
    void fetch(const QString& callId, QObject* context, std::function<void(const std::optional<CallRecord>&)> done);
    void stats(int days, QObject* context, std::function<void(const CallStats&)> done);
    // The user's own verdict and notes on a call.
    void annotate(const QString& callId, CallRecord::Outcome outcome, const QString& notes, QObject* context,
        std::function<void(bool ok, const QString& error)> done);

signals:
    void callChanged(const CallRecord& call);
    // The call reached completed or failed and its timeline entry is written.
    void callFinished(const CallRecord& call);
    void liveCallsChanged();

private:
    struct Follow;

    void follow(const CallRecord& record, const LiveCall& live);
    void poll(const QString& callId);
    void onPolled(const QString& callId, const TelephonyResult<ProviderCall>& result);
    void store(const std::shared_ptr<Follow>& follow);
    void finish(const std::shared_ptr<Follow>& follow);
    void failBeforeProvider(const CallRecord& record, const TelephonyError& error, QObject* context,
        std::function<void(const PlaceOutcome&)> done);
    void publish(const CallRecord& record);

    DatabaseExecutor* m_executor;
    EventBus* m_bus;
    WorkspaceIdentity m_identity;
    CallingSettings m_settings;
    QHash<QString, Telephony*> m_telephony;
    QHash<QString, std::shared_ptr<Follow>> m_follows;
    int m_placing = 0;
    Clock m_clock;
};
