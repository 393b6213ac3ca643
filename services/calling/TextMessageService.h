#pragma once

#include "services/calling/CallPreflight.h"
#include "services/calling/CallingSettings.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>

#include <functional>

class DatabaseExecutor;
class EventBus;
class TwilioTelephony;

// Text messages to a lead through Twilio's Messages API (issue #6): the same number and hours checks as a call, with
// the lead's sms_opt_out in place of do_not_call; a sent message becomes an SMS entry on the lead's timeline.
class TextMessageService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxLength = 1600; // Twilio's limit for one message body

    struct Outcome
    {
        bool ok = false;
        QString message; // translated, when !ok
        CallPreflight::Refusal refusal = CallPreflight::Refusal::None;
        QString messageSid;
    };
    using Clock = std::function<QDateTime()>;

    TextMessageService(DatabaseExecutor* executor, EventBus* bus, TwilioTelephony* twilio, QObject* parent = nullptr);

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }
    void setSettings(const CallingSettings& settings) { m_settings = settings; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    bool isConfigured() const;

    void send(const QString& leadId, const QString& text, QObject* context, std::function<void(const Outcome&)> done);

private:
    void record(const QString& leadId, const QString& text, const QString& sid, const QString& status,
        std::function<void(const Outcome&)> answer);

    DatabaseExecutor* m_executor;
    EventBus* m_bus;
    TwilioTelephony* m_twilio;
    WorkspaceIdentity m_identity;
    CallingSettings m_settings;
    Clock m_clock;
};
