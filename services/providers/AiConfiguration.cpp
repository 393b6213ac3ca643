#include "services/providers/AiConfiguration.h"

#include "services/providers/AiGateway.h"
#include "services/secrets/SecretStore.h"
#include "services/storage/DatabaseExecutor.h"

#include <QPointer>
#include <QSettings>

#include <algorithm>

namespace {
const auto kBaseUrl = QLatin1String("baseUrl");
const auto kModel = QLatin1String("model");
const auto kTimeout = QLatin1String("timeoutSeconds");
const auto kKeyStored = QLatin1String("apiKeyStored"); // whether to look in the keychain at all

struct Budgets
{
    std::optional<qint64> org;
    std::optional<qint64> mine;
    QString error;
};
} // namespace

AiConfiguration::AiConfiguration(AiGateway* gateway, SecretStore* secrets, DatabaseExecutor* executor,
    QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_gateway(gateway)
    , m_secrets(secrets)
    , m_executor(executor)
    , m_network(network)
{
}

QString AiConfiguration::secretKey() const
{
    return SecretStore::keyFor(m_identity.workspaceId, provider());
}

QString AiConfiguration::settingsGroup() const
{
    return QStringLiteral("ai/") + m_identity.workspaceId;
}

void AiConfiguration::setWorkspace(const WorkspaceIdentity& identity)
{
    ++m_generation;
    m_identity = identity;
    m_options = AiOptions {};
    m_apiKey.clear();
    loadSettings();
    applyToGateway(); // usable at once for servers without a key; the key follows when the keychain answers
    loadBudgets();
    loadKey();
    emit changed();
}

void AiConfiguration::loadSettings()
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    m_options.baseUrl = AiOptions::parseBaseUrl(settings.value(kBaseUrl).toString());
    m_options.model = settings.value(kModel).toString();
    m_options.timeoutSeconds = std::clamp(settings.value(kTimeout, 60).toInt(), AiOptions::kMinTimeoutSeconds,
        AiOptions::kMaxTimeoutSeconds);
}

void AiConfiguration::loadBudgets()
{
    const quint64 generation = m_generation;
    const WorkspaceIdentity identity = m_identity;
    m_executor->run<Budgets>(
        this,
        [identity](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            Budgets budgets;
            budgets.org = ledger.budget(identity.orgId, QString());
            budgets.mine = ledger.budget(identity.orgId, identity.userId);
            budgets.error = ledger.lastError();
            return budgets;
        },
        [this, generation](const Budgets& budgets) {
            if (generation != m_generation)
                return;
            m_options.orgBudgetMicros = budgets.org;
            m_options.myBudgetMicros = budgets.mine;
            emit changed();
        });
}

void AiConfiguration::loadKey()
{
    const bool stored = QSettings().value(settingsGroup() + QLatin1Char('/') + kKeyStored).toBool();
    if (!stored && !m_secrets->hasSessionSecret(secretKey())) {
        setKeyState(KeyState::NotSet, {});
        return;
    }
    setKeyState(KeyState::Loading, {});
    const quint64 generation = m_generation;
    m_secrets->read(secretKey(), this, [this, generation](const SecretResult& result) {
        if (generation != m_generation)
            return;
        if (result.ok()) {
            m_apiKey = result.secret;
            applyToGateway();
            setKeyState(result.sessionOnly ? KeyState::SessionOnly : KeyState::Stored, {});
        } else if (result.notSet()) {
            setKeyState(KeyState::NotSet,
                tr("The API key saved earlier is no longer in the keychain (%1). Enter it again.")
                    .arg(SecretStore::keychainName()));
        } else {
            setKeyState(KeyState::Unavailable,
                tr("The API key could not be read. %1 AI still works with servers that need no key.")
                    .arg(result.message));
        }
        emit changed();
    });
}

void AiConfiguration::setKeyState(KeyState state, const QString& message)
{
    m_keyState = state;
    if (!message.isEmpty()) {
        m_keyMessage = message;
        return;
    }
    switch (state) {
    case KeyState::Loading:
        m_keyMessage = tr("Reading the API key from the keychain (%1)…").arg(SecretStore::keychainName());
        break;
    case KeyState::NotSet:
        m_keyMessage = tr("No API key is stored. Servers on your own machine, such as Ollama or llama.cpp, usually "
                          "need none.");
        break;
    case KeyState::Stored:
        m_keyMessage = tr("The API key is stored in the keychain (%1).").arg(SecretStore::keychainName());
        break;
    case KeyState::SessionOnly:
        m_keyMessage = tr("The API key is kept for this session only: Business Hub forgets it when it closes.");
        break;
    case KeyState::Unavailable:
        m_keyMessage = tr("The keychain (%1) is not available.").arg(SecretStore::keychainName());
        break;
    }
}

LlmSettings AiConfiguration::settingsFor(const AiOptions& options, const QString& apiKey) const
{
    LlmSettings settings = m_gateway->settings();
    settings.baseUrl = options.baseUrl;
    settings.model = options.model.trimmed();
    settings.apiKey = apiKey;
    settings.timeoutMs = options.timeoutSeconds * 1000;
    return settings;
}

void AiConfiguration::applyToGateway()
{
    m_gateway->setSettings(settingsFor(m_options, m_apiKey));
}

void AiConfiguration::setKeyStoredFlag(bool stored)
{
    QSettings().setValue(settingsGroup() + QLatin1Char('/') + kKeyStored, stored);
}

void AiConfiguration::save(
    const AiSaveRequest& request, QObject* context, std::function<void(const AiSaveOutcome&)> done)
{
    AiSaveOutcome invalid;
    invalid.fieldErrors = request.options.validate();
    if (m_identity.workspaceId.isEmpty())
        invalid.message = tr("The workspace is still opening. Try again in a moment.");
    else if (!invalid.fieldErrors.isEmpty())
        invalid.message = invalid.fieldErrors.constFirst().message;
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
    {
        QSettings settings;
        settings.beginGroup(settingsGroup());
        settings.setValue(kBaseUrl, request.options.baseUrl.toString());
        settings.setValue(kModel, request.options.model.trimmed());
        settings.setValue(kTimeout, request.options.timeoutSeconds);
    }
    const std::optional<qint64> oldOrgBudget = m_options.orgBudgetMicros;
    const std::optional<qint64> oldMyBudget = m_options.myBudgetMicros;
    m_options = request.options;
    m_options.model = m_options.model.trimmed();
    m_options.orgBudgetMicros = oldOrgBudget; // until the database has them
    m_options.myBudgetMicros = oldMyBudget;
    applyToGateway();
    saveBudgets(request.options, context, [this, request, context, done](const AiSaveOutcome& budgets) {
        if (!budgets.ok) {
            done(budgets);
            return;
        }
        saveKey(request, context, done);
    });
}

void AiConfiguration::saveBudgets(
    const AiOptions& options, QObject* context, std::function<void(const AiSaveOutcome&)> done)
{
    const WorkspaceIdentity identity = m_identity;
    const quint64 generation = m_generation;
    m_executor->run<QString>(
        context,
        [identity, options](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            const bool ok = ledger.setBudget(identity.orgId, QString(), options.orgBudgetMicros.value_or(-1))
                && ledger.setBudget(identity.orgId, identity.userId, options.myBudgetMicros.value_or(-1));
            return ok ? QString() : ledger.lastError();
        },
        [this, options, generation, done](const QString& error) {
            AiSaveOutcome outcome;
            outcome.ok = error.isEmpty();
            if (!outcome.ok) {
                outcome.message = tr("The budgets could not be saved: %1").arg(error);
            } else if (generation == m_generation) {
                m_options.orgBudgetMicros = options.orgBudgetMicros;
                m_options.myBudgetMicros = options.myBudgetMicros;
                emit changed();
            }
            done(outcome);
        });
}

void AiConfiguration::saveKey(
    const AiSaveRequest& request, QObject* context, std::function<void(const AiSaveOutcome&)> done)
{
    const bool replace = request.keyChange == AiSaveRequest::KeyChange::Replace && !request.newKey.isEmpty();
    if (request.keyChange == AiSaveRequest::KeyChange::Keep) {
        AiSaveOutcome outcome;
        outcome.ok = true;
        done(outcome);
        return;
    }
    if (!replace) {
        removeKey(context, std::move(done));
        return;
    }
    const QString key = secretKey();
    if (request.sessionOnly) {
        m_secrets->setSessionSecret(key, request.newKey);
        m_apiKey = request.newKey;
        applyToGateway();
        setKeyState(KeyState::SessionOnly, {});
        emit changed();
        AiSaveOutcome outcome;
        outcome.ok = true;
        done(outcome);
        return;
    }
    const quint64 generation = m_generation;
    const QString secret = request.newKey;
    m_secrets->write(key, secret, context, [this, generation, secret, done](const SecretResult& result) {
        AiSaveOutcome outcome;
        outcome.ok = result.ok();
        if (generation == m_generation) {
            if (result.ok()) {
                m_apiKey = secret;
                setKeyStoredFlag(true);
                applyToGateway();
                setKeyState(KeyState::Stored, {});
            } else {
                setKeyState(result.unavailable() ? KeyState::Unavailable : m_keyState, result.message);
            }
            emit changed();
        }
        if (!result.ok()) {
            outcome.message = result.message;
            outcome.keyUnavailable = result.unavailable();
        }
        done(outcome);
    });
}

void AiConfiguration::removeKey(QObject* context, std::function<void(const AiSaveOutcome&)> done)
{
    const quint64 generation = m_generation;
    m_secrets->remove(secretKey(), context, [this, generation, done](const SecretResult& result) {
        if (generation == m_generation) {
            // The key is out of use either way; a keychain that could not delete it is reported below.
            m_apiKey.clear();
            applyToGateway();
            if (result.ok())
                setKeyStoredFlag(false);
            setKeyState(
                result.ok() ? KeyState::NotSet : KeyState::Unavailable, result.ok() ? QString() : result.message);
            emit changed();
        }
        AiSaveOutcome outcome;
        outcome.ok = result.ok();
        outcome.message = result.message;
        outcome.keyUnavailable = result.unavailable();
        done(outcome);
    });
}

void AiConfiguration::testConnection(
    const AiOptions& options, const QString& apiKey, QObject* context, LlmClient::Done done)
{
    // A client of its own, so the values under test never reach features before they are saved.
    auto* probe = new LlmClient(m_network, settingsFor(options, apiKey.isEmpty() ? m_apiKey : apiKey), this);
    probe->setObjectName(QStringLiteral("aiConnectionProbe"));
    if (context)
        connect(context, &QObject::destroyed, probe, &QObject::deleteLater);
    probe->testConnection(context, [probe, done](const LlmResult& result) {
        probe->deleteLater();
        done(result);
    });
}

void AiConfiguration::monthUsage(QObject* context, std::function<void(const AiMonthUsage&)> done)
{
    const WorkspaceIdentity identity = m_identity;
    m_executor->run<AiMonthUsage>(
        context,
        [identity](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            AiMonthUsage usage;
            usage.totals = ledger.monthToDate(identity.orgId, identity.userId, now);
            usage.features = ledger.monthByFeature(identity.orgId, now);
            usage.orgBudgetMicros = ledger.budget(identity.orgId, QString());
            usage.myBudgetMicros = ledger.budget(identity.orgId, identity.userId);
            usage.error = ledger.lastError();
            return usage;
        },
        std::move(done));
}

QString AiConfiguration::formatMoney(qint64 micros) const
{
    return AiUsageLedger(QSqlDatabase(), m_currencySymbol).formatMoney(micros);
}
