#pragma once

#include "services/calling/CallingSettings.h"
#include "services/providers/SpeechSynthesis.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QHash>
#include <QObject>

#include <functional>

class ElevenLabsSpeech;
class QNetworkAccessManager;
class SecretStore;

// What Settings → Calling saves: the settings, and what happens to each provider key.
struct CallingSaveRequest
{
    CallingSettings settings;
    QHash<QString, QString> newKeys; // provider → key to store ("vapi", "twilio", "elevenlabs")
    bool sessionOnly = false; // keep the new keys in memory only: the keychain is unavailable
};

struct CallingSaveOutcome
{
    bool ok = false;
    QString message; // translated, when !ok
    FieldErrors fieldErrors;
    bool keyUnavailable = false; // the keychain could not take a key: offer "for this session only"
};

// Provider secrets as the calling services use them. Services only: the ui never asks for these.
struct CallingCredentials
{
    QString vapiKey;
    QString twilioAuthToken;
    QString elevenLabsKey;
};

// The calling set-up of the open workspace: CallingSettings in QSettings, the Vapi key, Twilio auth token and
// ElevenLabs key in the keychain. Loads them when the workspace opens and keeps the ElevenLabs adapter (voice
// previews, voice list) configured. keyMessage() says where each key is, or why it is missing.
class CallingConfiguration : public QObject
{
    Q_OBJECT

public:
    enum class KeyState { Loading, NotSet, Stored, SessionOnly, Unavailable };

    CallingConfiguration(SecretStore* secrets, QNetworkAccessManager* network, QObject* parent = nullptr);

    static QString vapiProvider() { return QStringLiteral("vapi"); }
    static QString twilioProvider() { return QStringLiteral("twilio"); }
    static QString elevenLabsProvider() { return QStringLiteral("elevenlabs"); }
    static QStringList providers() { return { vapiProvider(), twilioProvider(), elevenLabsProvider() }; }
    QString secretKey(const QString& provider) const;

    void setWorkspace(const WorkspaceIdentity& identity);
    const CallingSettings& settings() const { return m_settings; }
    KeyState keyState(const QString& provider) const { return m_keyStates.value(provider, KeyState::NotSet); }
    QString keyMessage(const QString& provider) const;
    bool hasKey(const QString& provider) const;
    // No provider key at all: the Calling view explains what to set up.
    bool nothingConfigured() const;
    CallingCredentials credentials() const;

    void save(const CallingSaveRequest& request, QObject* context, std::function<void(const CallingSaveOutcome&)> done);
    void removeKey(const QString& provider, QObject* context, std::function<void(const CallingSaveOutcome&)> done);

    // Text to speech with the stored ElevenLabs key and settings.
    SpeechSynthesis* speech() const;

signals:
    void changed();

private:
    void loadKey(const QString& provider);
    void setKey(const QString& provider, const QString& key, KeyState state);
    void storeNextKey(QStringList providers, const CallingSaveRequest& request, QObject* context,
        std::function<void(const CallingSaveOutcome&)> done);
    void applyToSpeech();
    void setStoredFlag(const QString& provider, bool stored);

    SecretStore* m_secrets;
    ElevenLabsSpeech* m_speech;
    WorkspaceIdentity m_identity;
    CallingSettings m_settings;
    QHash<QString, QString> m_keys; // in memory only
    QHash<QString, KeyState> m_keyStates;
    QHash<QString, QString> m_keyErrors;
    quint64 m_generation = 0;
};
