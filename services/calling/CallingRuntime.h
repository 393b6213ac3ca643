#pragma once

#include "services/calling/CallingSettings.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>

class AgentRunStore;
class CallService;
class DatabaseExecutor;
class EventBus;
class QNetworkAccessManager;
class SecretStore;
class TwilioTelephony;
class VapiTelephony;

// The calling services of one workspace, wired together: Settings → Calling from QSettings, the Vapi private key and
// the Twilio auth token from the keychain (providers "vapi" and "twilio"), the two adapters, CallService and the
// agents. When a workspace opens, calls a previous run left open are followed again and running agents resume.
class CallingRuntime : public QObject
{
    Q_OBJECT

public:
    CallingRuntime(DatabaseExecutor* executor, EventBus* bus, SecretStore* secrets, QNetworkAccessManager* network,
        QObject* parent = nullptr);
    ~CallingRuntime() override;

    void setWorkspace(const WorkspaceIdentity& identity);
    // After Settings → Calling saved new settings or keys.
    void applySettings(const CallingSettings& settings);
    void reloadKeys();

    const CallingSettings& settings() const { return m_settings; }
    CallService* calls() const { return m_calls; }
    AgentRunStore* agents() const { return m_agents; }
    VapiTelephony* vapi() const { return m_vapi; }
    TwilioTelephony* twilio() const { return m_twilio; }
    // Translated: what is missing before AI calls or click-to-call work; empty when both are ready.
    QString setupMessage() const;

signals:
    void changed();

private:
    void applyToAdapters();

    SecretStore* m_secrets;
    VapiTelephony* m_vapi;
    TwilioTelephony* m_twilio;
    CallService* m_calls;
    AgentRunStore* m_agents;
    WorkspaceIdentity m_identity;
    CallingSettings m_settings;
    QString m_vapiKey; // memory only
    QString m_twilioToken; // memory only
    quint64 m_generation = 0;
};
