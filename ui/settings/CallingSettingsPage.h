#pragma once

#include "models/FieldError.h"
#include "services/calling/CallingSettings.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class CallingConfiguration;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;
class VapiNumberPicker;
class WorkspaceSession;
struct CallingSaveOutcome;

// Settings → Calling: provider keys (Vapi, Twilio, ElevenLabs: only ever written from here, stored in the keychain),
// base URLs, the Vapi outbound number (picked from the account's numbers), the Twilio account and numbers, calling hours, pacing limits and the default voice.
class CallingSettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit CallingSettingsPage(WorkspaceSession* session, QWidget* parent = nullptr);

    bool isDirty() const;
    // Validates and saves; done(true) once everything is stored, done(false) with the problem shown on the page.
    void save(std::function<void(bool)> done);
    // The settings as typed (phone numbers normalised to E.164 when they can be); errors for what cannot be read.
    CallingSettings typedSettings(FieldErrors* errors = nullptr) const;
    void reloadVoices();

signals:
    void saved(bool ok);
    void voicesLoaded(int count);

private:
    QWidget* buildKeysBox();
    QWidget* buildConnectionBox();
    QWidget* buildCallingBox();
    QLineEdit* keyEdit(const QString& provider, const QString& objectName);
    void loadFields();
    void showKeyStates();
    void showErrors(const FieldErrors& errors);
    void removeKey(const QString& provider);
    void onSaved(const CallingSaveOutcome& outcome, const std::function<void(bool)>& done);

    CallingConfiguration* m_configuration;
    QHash<QString, QLineEdit*> m_keys;
    QHash<QString, QLabel*> m_keyStatus;
    QHash<QString, QPushButton*> m_removeKey;
    QCheckBox* m_sessionOnly = nullptr;
    QLineEdit* m_vapiBaseUrl = nullptr;
    VapiNumberPicker* m_vapiNumber = nullptr;
    QLineEdit* m_twilioBaseUrl = nullptr;
    QLineEdit* m_twilioSid = nullptr;
    QLineEdit* m_twilioFrom = nullptr;
    QLineEdit* m_ownPhone = nullptr;
    QLineEdit* m_elevenLabsBaseUrl = nullptr;
    QComboBox* m_defaultVoice = nullptr;
    QPushButton* m_refreshVoices = nullptr;
    QLabel* m_voiceStatus = nullptr;
    QTimeEdit* m_hoursStart = nullptr;
    QTimeEdit* m_hoursEnd = nullptr;
    QSpinBox* m_maxConcurrent = nullptr;
    QSpinBox* m_callsPerSecond = nullptr;
    QLabel* m_errors = nullptr;
    QPointer<QObject> m_voiceContext;
    bool m_edited = false;
};
