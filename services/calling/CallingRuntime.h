#pragma once

#include "services/calling/CallingSettings.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>

class AgentRunStore;
class CallService;
class CallingConfiguration;
class DatabaseExecutor;
class EventBus;
class QNetworkAccessManager;
class TextMessageService;
class CallRecordingLoader;
class TwilioTelephony;
class VapiTelephony;

// The calling services of one workspace, wired together: Settings → Calling and the Vapi private key and Twilio auth
// token as CallingConfiguration holds them (keychain or session only), the two adapters, CallService and the agents.
// Once the keys are loaded after a workspace opens, calls a previous run left open are followed again and running
// agents resume.
class CallingRuntime : public QObject
{
    Q_OBJECT

public:
    CallingRuntime(DatabaseExecutor* executor, EventBus* bus, CallingConfiguration* configuration,
        QNetworkAccessManager* network, QObject* parent = nullptr);
    ~CallingRuntime() override;

    // Call after the configuration was given the same workspace.
    void setWorkspace(const WorkspaceIdentity& identity);

    const CallingSettings& settings() const { return m_settings; }
    CallService* calls() const { return m_calls; }
    AgentRunStore* agents() const { return m_agents; }
    VapiTelephony* vapi() const { return m_vapi; }
    TwilioTelephony* twilio() const { return m_twilio; }
    TextMessageService* texts() const { return m_texts; }
    CallRecordingLoader* recordings() const { return m_recordings; }
    // Translated: what is missing before AI calls or click-to-call work; empty when both are ready.
    QString setupMessage() const;

signals:
    void changed();

private:
    // Settings or keys changed (a save in Settings → Calling, keys loaded from the keychain).
    void adoptConfiguration();
    void applyToAdapters();

    CallingConfiguration* m_configuration;
    VapiTelephony* m_vapi;
    TwilioTelephony* m_twilio;
    CallService* m_calls;
    AgentRunStore* m_agents;
    TextMessageService* m_texts;
    CallRecordingLoader* m_recordings;
    WorkspaceIdentity m_identity;
    CallingSettings m_settings;
    QString m_vapiKey; // memory only
    QString m_twilioToken; // memory only
    bool m_resumed = false;
};
