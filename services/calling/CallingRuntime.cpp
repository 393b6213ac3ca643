#include "services/calling/CallingRuntime.h"

#include "services/calling/AgentRunStore.h"
#include "services/calling/CallService.h"
#include "services/providers/TwilioTelephony.h"
#include "services/providers/VapiTelephony.h"
#include "services/secrets/SecretStore.h"

CallingRuntime::CallingRuntime(DatabaseExecutor* executor, EventBus* bus, SecretStore* secrets,
    QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_vapi(new VapiTelephony(network, VapiSettings {}, this))
    , m_twilio(new TwilioTelephony(network, TwilioSettings {}, this))
    , m_calls(new CallService(executor, bus, this))
    , m_agents(new AgentRunStore(m_calls, executor, this))
{
    m_calls->setTelephony(m_vapi);
    m_calls->setTelephony(m_twilio);
}

CallingRuntime::~CallingRuntime() = default;

void CallingRuntime::setWorkspace(const WorkspaceIdentity& identity)
{
    m_identity = identity;
    m_calls->setIdentity(identity);
    m_agents->setIdentity(identity);
    m_settings = CallingSettings::load(identity.workspaceId);
    m_calls->setSettings(m_settings);
    m_vapiKey.clear();
    m_twilioToken.clear();
    applyToAdapters();
    reloadKeys();
}

void CallingRuntime::applySettings(const CallingSettings& settings)
{
    m_settings = settings;
    m_calls->setSettings(settings);
    applyToAdapters();
    emit changed();
}

void CallingRuntime::reloadKeys()
{
    const quint64 generation = ++m_generation;
    auto pending = std::make_shared<int>(2);
    auto finished = [this, generation, pending] {
        if (--*pending > 0 || generation != m_generation)
            return;
        applyToAdapters();
        emit changed();
        // Only now can open calls be followed and agents dial again.
        m_agents->resumeRunning();
    };
    m_secrets->read(SecretStore::keyFor(m_identity.workspaceId, CallingSettings::vapiProvider()), this,
        [this, generation, finished](const SecretResult& result) {
            if (generation == m_generation)
                m_vapiKey = result.ok() ? result.secret : QString();
            finished();
        });
    m_secrets->read(SecretStore::keyFor(m_identity.workspaceId, CallingSettings::twilioProvider()), this,
        [this, generation, finished](const SecretResult& result) {
            if (generation == m_generation)
                m_twilioToken = result.ok() ? result.secret : QString();
            finished();
        });
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
    twilio.userPhone = m_settings.userPhone;
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
    if (m_settings.userPhone.isEmpty())
        missing << tr("your own phone number (for click-to-call)");
    if (missing.isEmpty())
        return {};
    return tr("To make calls, add in Settings → Calling: %1.").arg(missing.join(QStringLiteral(", ")));
}
