#include "services/calling/TextMessageService.h"

#include "models/Activity.h"
#include "models/Ids.h"
#include "services/events/EventBus.h"
#include "services/providers/TwilioTelephony.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/LeadRepository.h"

#include <QPointer>
#include <QTimer>

namespace {
struct Checked
{
    TextMessageService::Outcome outcome;
    QString phone;
};
} // namespace

TextMessageService::TextMessageService(DatabaseExecutor* executor, EventBus* bus, TwilioTelephony* twilio,
    QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_bus(bus)
    , m_twilio(twilio)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

bool TextMessageService::isConfigured() const
{
    return m_twilio->isConfigured();
}

void TextMessageService::send(const QString& leadId, const QString& input, QObject* context,
    std::function<void(const Outcome&)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const Outcome& outcome) {
        if (done && guard)
            done(outcome);
    };
    const QString text = input.trimmed();
    Outcome early;
    if (text.isEmpty())
        early.message = tr("Write a message first.");
    else if (text.size() > kMaxLength)
        early.message = tr("The message is %1 characters long; Twilio takes at most %2.").arg(text.size()).arg(kMaxLength);
    else if (!isConfigured())
        early.message = tr("Add your Twilio account SID, auth token and from number in Settings → Calling to send "
                           "text messages.");
    if (!early.message.isEmpty()) {
        QTimer::singleShot(0, this, [answer, early] { answer(early); });
        return;
    }
    const CallPreflight preflight(m_settings);
    const QDateTime now = m_clock();
    m_executor->run<Checked>(
        this,
        [leadId, preflight, now](QSqlDatabase& db) {
            Checked checked;
            const std::optional<Lead> lead = LeadRepository(db).find(leadId);
            if (!lead) {
                checked.outcome.refusal = CallPreflight::Refusal::LeadDeleted;
                checked.outcome.message = tr("The lead no longer exists.");
                return checked;
            }
            const CallPreflight::Result result = preflight.check(*lead, now, CallPreflight::Channel::Text);
            checked.outcome.refusal = result.refusal;
            checked.outcome.message = result.message;
            checked.outcome.ok = result.ok();
            checked.phone = lead->phone;
            return checked;
        },
        [this, leadId, text, answer](const Checked& checked) {
            if (!checked.outcome.ok) {
                answer(checked.outcome);
                return;
            }
            m_twilio->sendSms(checked.phone, text, this,
                [this, leadId, text, answer](const TelephonyResult<SmsMessage>& sent) {
                    if (!sent.ok()) {
                        Outcome outcome;
                        outcome.message = tr("The message was not sent: %1").arg(sent.error.message);
                        answer(outcome);
                        return;
                    }
                    record(leadId, text, sent.value.sid, sent.value.status, answer);
                });
        });
}

void TextMessageService::record(const QString& leadId, const QString& text, const QString& sid, const QString& status,
    std::function<void(const Outcome&)> answer)
{
    Activity activity;
    activity.id = Ids::newId();
    activity.leadId = leadId;
    activity.kind = Activity::Kind::Sms;
    activity.body = tr("Text message sent: %1").arg(text);
    activity.meta = { { QStringLiteral("message_sid"), sid }, { QStringLiteral("status"), status },
        { QStringLiteral("provider"), QStringLiteral("twilio") } };
    activity.createdAt = activity.updatedAt = QDateTime::currentDateTimeUtc();
    const QString orgId = m_identity.orgId;
    m_executor->run<QString>(
        this,
        [activity, orgId](QSqlDatabase& db) {
            ActivityRepository activities(db);
            return activities.insert(activity, orgId) ? QString() : activities.lastError();
        },
        [this, activity, sid, answer](const QString& error) {
            Outcome outcome;
            outcome.ok = true;
            outcome.messageSid = sid;
            if (!error.isEmpty()) {
                // Twilio has the message already: say so rather than invite a second send.
                outcome.message = tr("The message was sent, but it could not be added to the timeline: %1").arg(error);
            } else {
                HubEvent event;
                event.type = HubEvent::Type::ActivityAdded;
                event.leadId = activity.leadId;
                event.payload = { { QStringLiteral("activity_id"), activity.id }, { QStringLiteral("kind"), QStringLiteral("sms") } };
                m_bus->publish(event);
            }
            answer(outcome);
        });
}
