#include "services/calling/CallingRuntime.h"

#include "services/calling/AgentRunStore.h"
#include "services/calling/CallService.h"
#include "services/calling/CallRecordingLoader.h"
#include "services/calling/CallingConfiguration.h"
#include "services/calling/TextMessageService.h"
#include "services/providers/TwilioTelephony.h"
#include "services/providers/VapiTelephony.h"

CallingRuntime::CallingRuntime(DatabaseExecutor* executor, EventBus* bus, CallingConfiguration* configuration,
    QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_configuration(configuration)
    , m_vapi(new VapiTelephony(network, VapiSettings {}, this))
    , m_twilio(new TwilioTelephony(network, TwilioSettings {}, this))
    , m_calls(new CallService(executor, bus, this))
    , m_agents(new AgentRunStore(m_calls, executor, this))
    , m_texts(new TextMessageService(executor, bus, m_twilio, this))
    , m_recordings(new CallRecordingLoader(network, this))
{
    m_calls->setTelephony(m_vapi);
    m_calls->setTelephony(m_twilio);
    connect(m_configuration, &CallingConfiguration::changed, this, &CallingRuntime::adoptConfiguration);
}

CallingRuntime::~CallingRuntime() = default;

void CallingRuntime::setWorkspace(const WorkspaceIdentity& identity)
{
    m_identity = identity;
    m_calls->setIdentity(identity);
    m_agents->setIdentity(identity);
    m_texts->setIdentity(identity);
    m_resumed = false;
    adoptConfiguration();
}

void CallingRuntime::adoptConfiguration()
{
    if (m_identity.workspaceId.isEmpty())
        return;
    m_settings = m_configuration->settings();
    m_calls->setSettings(m_settings);
    m_texts->setSettings(m_settings);
    const CallingCredentials credentials = m_configuration->credentials();
    m_vapiKey = credentials.vapiKey;
    m_twilioToken = credentials.twilioAuthToken;
    applyToAdapters();
    emit changed();
    const auto loading = [this](const QString& provider) {
        return m_configuration->keyState(provider) == CallingConfiguration::KeyState::Loading;
    };
    // Only with the keys in hand can open calls be followed and agents dial again.
    if (!m_resumed && !loading(CallingConfiguration::vapiProvider()) && !loading(CallingConfiguration::twilioProvider())) {
        m_resumed = true;
        m_agents->resumeRunning();
    }
}

void CallingRuntime::applyToAdapters()
{
    VapiSettings vapi;
    vapi.baseUrl = m_settings.vapiBaseUrl;
    vapi.apiKey = m_vapiKey;
    vapi.phoneNumberId = m_settings.vapiPhoneNumberId;
    m_vapi->setSettings(vapi);
    TwilioSettings twilio;
    twilio.baseUrl = m_settings.twilioBaseUrl;
    twilio.accountSid = m_settings.twilioAccountSid;
    twilio.authToken = m_twilioToken;
    twilio.fromNumber = m_settings.twilioFromNumber;
    twilio.userPhone = m_settings.ownPhone;
    m_twilio->setSettings(twilio);
}

QString CallingRuntime::setupMessage() const
{
    QStringList missing;
    if (m_vapiKey.isEmpty())
        missing << tr("the Vapi private key");
    if (m_settings.vapiPhoneNumberId.isEmpty())
        missing << tr("the Vapi phone number calls go out from");
    if (m_twilioToken.isEmpty() || m_settings.twilioAccountSid.isEmpty())
        missing << tr("the Twilio account SID and auth token (for click-to-call)");
    if (m_settings.ownPhone.isEmpty())
        missing << tr("your own phone number (for click-to-call)");
    if (missing.isEmpty())
        return {};
    return tr("To make calls, add in Settings → Calling: %1.").arg(missing.join(QStringLiteral(", ")));
}
