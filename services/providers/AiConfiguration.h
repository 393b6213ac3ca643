#pragma once

#include "services/providers/AiOptions.h"
#include "services/providers/AiUsageLedger.h"
#include "services/providers/LlmClient.h"
#include "services/secrets/SecretResult.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>

#include <functional>

class AiGateway;
class DatabaseExecutor;
class QNetworkAccessManager;
class SecretStore;

// This month's AI spend as Settings → AI shows it.
struct AiMonthUsage
{
    AiMonthTotals totals;
    QList<AiFeatureUsage> features;
    std::optional<qint64> orgBudgetMicros;
    std::optional<qint64> myBudgetMicros;
    QString error; // the database error when the ledger could not be read
};

// What Settings → AI saves: the options, and what happens to the API key.
struct AiSaveRequest
{
    enum class KeyChange { Keep, Replace, Remove };

    AiOptions options;
    KeyChange keyChange = KeyChange::Keep;
    QString newKey; // Replace
    bool sessionOnly = false; // keep the new key in memory only when the keychain is unavailable
};

struct AiSaveOutcome
{
    bool ok = false;
    QString message; // translated, when !ok
    FieldErrors fieldErrors; // validation problems (nothing was saved)
    bool keyUnavailable = false; // the keychain could not take the key: offer "for this session only"
};

// The AI settings of the open workspace: base URL, model and timeout in QSettings (one group per workspace), monthly
// budgets in the ai_budgets table, the API key in the keychain (provider "llm"). Loads them when the workspace
// opens and applies them to the AiGateway; a key that cannot be read leaves AI usable for servers that need none,
// and keyMessage() says why the key is missing.
class AiConfiguration : public QObject
{
    Q_OBJECT

public:
    enum class KeyState { Loading, NotSet, Stored, SessionOnly, Unavailable };

    AiConfiguration(AiGateway* gateway, SecretStore* secrets, DatabaseExecutor* executor,
        QNetworkAccessManager* network, QObject* parent = nullptr);

    static QString provider() { return QStringLiteral("llm"); }
    QString secretKey() const;

    // Loads settings, budgets and key for the workspace and applies them to the gateway.
    void setWorkspace(const WorkspaceIdentity& identity);
    const WorkspaceIdentity& identity() const { return m_identity; }
    const AiOptions& options() const { return m_options; }
    KeyState keyState() const { return m_keyState; }
    // Translated: where the key is, or why there is none.
    QString keyMessage() const { return m_keyMessage; }

    void save(const AiSaveRequest& request, QObject* context, std::function<void(const AiSaveOutcome&)> done);
    void removeKey(QObject* context, std::function<void(const AiSaveOutcome&)> done);
    // Asks the server for its models with options not saved yet; apiKey empty: the key in use now. Nothing is
    // recorded and no budget applies.
    void testConnection(const AiOptions& options, const QString& apiKey, QObject* context, LlmClient::Done done);
    void monthUsage(QObject* context, std::function<void(const AiMonthUsage&)> done);

    QString formatMoney(qint64 micros) const;
    QString currencySymbol() const { return m_currencySymbol; }

signals:
    // Options or key state changed (loaded, saved, key removed).
    void changed();

private:
    QString settingsGroup() const;
    void loadSettings();
    void loadBudgets();
    void loadKey();
    void setKeyState(KeyState state, const QString& message);
    void applyToGateway();
    void saveKey(const AiSaveRequest& request, QObject* context, std::function<void(const AiSaveOutcome&)> done);
    void saveBudgets(const AiOptions& options, QObject* context, std::function<void(const AiSaveOutcome&)> done);
    void setKeyStoredFlag(bool stored);
    LlmSettings settingsFor(const AiOptions& options, const QString& apiKey) const;

    AiGateway* m_gateway;
    SecretStore* m_secrets;
    DatabaseExecutor* m_executor;
    QNetworkAccessManager* m_network;
    WorkspaceIdentity m_identity;
    AiOptions m_options;
    QString m_apiKey; // in memory only, handed to the gateway
    KeyState m_keyState = KeyState::NotSet;
    QString m_keyMessage;
    QString m_currencySymbol = QStringLiteral("€");
    // Answers of an earlier workspace's loads are dropped.
    quint64 m_generation = 0;
};
