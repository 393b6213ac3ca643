#include "services/calling/CallingConfiguration.h"

#include "services/providers/ElevenLabsSpeech.h"
#include "services/secrets/SecretStore.h"

#include <QPointer>
#include <QSettings>

namespace {
QString storedFlag(const QString& provider)
{
    return provider + QStringLiteral("KeyStored");
}
} // namespace

CallingConfiguration::CallingConfiguration(SecretStore* secrets, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_speech(new ElevenLabsSpeech(network, SpeechSettings {}, this))
{
    m_speech->setObjectName(QStringLiteral("elevenLabsSpeech"));
}

QString CallingConfiguration::secretKey(const QString& provider) const
{
    return SecretStore::keyFor(m_identity.workspaceId, provider);
}

SpeechSynthesis* CallingConfiguration::speech() const
{
    return m_speech;
}

void CallingConfiguration::setWorkspace(const WorkspaceIdentity& identity)
{
    ++m_generation;
    m_identity = identity;
    m_settings = CallingSettings::load(identity.workspaceId);
    m_keys.clear();
    m_keyErrors.clear();
    for (const QString& provider : providers())
        loadKey(provider);
    applyToSpeech();
    emit changed();
}

void CallingConfiguration::setStoredFlag(const QString& provider, bool stored)
{
    QSettings().setValue(CallingSettings::settingsGroup(m_identity.workspaceId) + QLatin1Char('/') + storedFlag(provider),
        stored);
}

void CallingConfiguration::loadKey(const QString& provider)
{
    const bool stored = QSettings()
                            .value(CallingSettings::settingsGroup(m_identity.workspaceId) + QLatin1Char('/')
                                + storedFlag(provider))
                            .toBool();
    if (!stored && !m_secrets->hasSessionSecret(secretKey(provider))) {
        m_keyStates.insert(provider, KeyState::NotSet);
        return;
    }
    m_keyStates.insert(provider, KeyState::Loading);
    const quint64 generation = m_generation;
    m_secrets->read(secretKey(provider), this, [this, generation, provider](const SecretResult& result) {
        if (generation != m_generation)
            return;
        if (result.ok()) {
            setKey(provider, result.secret, result.sessionOnly ? KeyState::SessionOnly : KeyState::Stored);
        } else if (result.notSet()) {
            m_keyErrors.insert(provider,
                tr("The key saved earlier is no longer in the keychain (%1). Enter it again.")
                    .arg(SecretStore::keychainName()));
            setKey(provider, QString(), KeyState::NotSet);
        } else {
            m_keyErrors.insert(provider, tr("The key could not be read. %1").arg(result.message));
            setKey(provider, QString(), KeyState::Unavailable);
        }
        emit changed();
    });
}

void CallingConfiguration::setKey(const QString& provider, const QString& key, KeyState state)
{
    if (key.isEmpty())
        m_keys.remove(provider);
    else
        m_keys.insert(provider, key);
    m_keyStates.insert(provider, state);
    if (state == KeyState::Stored || state == KeyState::SessionOnly)
        m_keyErrors.remove(provider);
    if (provider == elevenLabsProvider())
        applyToSpeech();
}

QString CallingConfiguration::keyMessage(const QString& provider) const
{
    const QString error = m_keyErrors.value(provider);
    if (!error.isEmpty())
        return error;
    switch (keyState(provider)) {
    case KeyState::Loading:
        return tr("Reading the key from the keychain (%1)…").arg(SecretStore::keychainName());
    case KeyState::NotSet:
        return tr("Not set.");
    case KeyState::Stored:
        return tr("Stored in the keychain (%1).").arg(SecretStore::keychainName());
    case KeyState::SessionOnly:
        return tr("Kept for this session only: Business Hub forgets it when it closes.");
    case KeyState::Unavailable:
        return tr("The keychain (%1) is not available.").arg(SecretStore::keychainName());
    }
    return {};
}

bool CallingConfiguration::hasKey(const QString& provider) const
{
    return !m_keys.value(provider).isEmpty();
}

bool CallingConfiguration::nothingConfigured() const
{
    for (const QString& provider : providers()) {
        const KeyState state = keyState(provider);
        if (state == KeyState::Stored || state == KeyState::SessionOnly || state == KeyState::Loading)
            return false;
    }
    return true;
}

CallingCredentials CallingConfiguration::credentials() const
{
    return { m_keys.value(vapiProvider()), m_keys.value(twilioProvider()), m_keys.value(elevenLabsProvider()) };
}

void CallingConfiguration::applyToSpeech()
{
    SpeechSettings speech = m_speech->settings();
    speech.baseUrl = m_settings.elevenLabsBaseUrl;
    speech.modelId = m_settings.elevenLabsModel;
    speech.apiKey = m_keys.value(elevenLabsProvider());
    m_speech->setSettings(speech);
}

void CallingConfiguration::save(
    const CallingSaveRequest& request, QObject* context, std::function<void(const CallingSaveOutcome&)> done)
{
    CallingSaveOutcome invalid;
    invalid.fieldErrors = request.settings.validate();
    if (m_identity.workspaceId.isEmpty())
        invalid.message = tr("The workspace is still opening. Try again in a moment.");
    else if (!invalid.fieldErrors.isEmpty())
        invalid.message = invalid.fieldErrors.constFirst().message;
    for (auto it = request.newKeys.cbegin(); it != request.newKeys.cend(); ++it) {
        if (!providers().contains(it.key()))
            invalid.message = tr("Unknown calling provider “%1”.").arg(it.key());
    }
    if (!invalid.message.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done, invalid] {
                if (guard)
                    done(invalid);
            },
            Qt::QueuedConnection);
        return;
    }
    // Non-secret fields first, so a keychain problem later loses nothing the user typed.
    request.settings.save(m_identity.workspaceId);
    m_settings = request.settings;
    applyToSpeech();
    emit changed();
    QStringList pending;
    for (const QString& provider : providers()) {
        if (!request.newKeys.value(provider).isEmpty())
            pending.append(provider);
    }
    storeNextKey(pending, request, context, std::move(done));
}

void CallingConfiguration::storeNextKey(QStringList pending, const CallingSaveRequest& request, QObject* context,
    std::function<void(const CallingSaveOutcome&)> done)
{
    if (pending.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                CallingSaveOutcome outcome;
                outcome.ok = true;
                if (guard)
                    done(outcome);
            },
            Qt::QueuedConnection);
        return;
    }
    const QString provider = pending.takeFirst();
    const QString secret = request.newKeys.value(provider);
    if (request.sessionOnly) {
        m_secrets->setSessionSecret(secretKey(provider), secret);
        setKey(provider, secret, KeyState::SessionOnly);
        emit changed();
        storeNextKey(pending, request, context, std::move(done));
        return;
    }
    const quint64 generation = m_generation;
    m_secrets->write(secretKey(provider), secret, context,
        [this, generation, provider, secret, pending, request, context, done](const SecretResult& result) {
            if (generation == m_generation) {
                if (result.ok()) {
                    setStoredFlag(provider, true);
                    setKey(provider, secret, KeyState::Stored);
                } else if (result.unavailable()) {
                    m_keyErrors.insert(provider, result.message);
                    m_keyStates.insert(provider, KeyState::Unavailable);
                }
                emit changed();
            }
            if (!result.ok()) {
                CallingSaveOutcome outcome;
                outcome.message = result.message;
                outcome.keyUnavailable = result.unavailable();
                done(outcome);
                return;
            }
            storeNextKey(pending, request, context, done);
        });
}

void CallingConfiguration::removeKey(
    const QString& provider, QObject* context, std::function<void(const CallingSaveOutcome&)> done)
{
    const quint64 generation = m_generation;
    m_secrets->remove(secretKey(provider), context, [this, generation, provider, done](const SecretResult& result) {
        if (generation == m_generation) {
            if (result.ok())
                setStoredFlag(provider, false);
            m_keyErrors.remove(provider);
            if (!result.ok())
                m_keyErrors.insert(provider, result.message);
            setKey(provider, QString(), result.ok() ? KeyState::NotSet : KeyState::Unavailable);
            emit changed();
        }
        CallingSaveOutcome outcome;
        outcome.ok = result.ok();
        outcome.message = result.message;
        outcome.keyUnavailable = result.unavailable();
        done(outcome);
    });
}
