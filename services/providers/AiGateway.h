#pragma once

#include "services/providers/AiPriceTable.h"
#include "services/providers/AiUsageLedger.h"
#include "services/providers/LlmClient.h"

#include <QObject>

class DatabaseExecutor;
class QNetworkAccessManager;

// The one door to the LLM for features (UI thread): refuses without a network call when AI is not configured or the
// month's budget is used up, and records model, prompt version, tokens and estimated cost of every call that reached
// the provider. Answers arrive like LlmClient's: once, and only while the context lives.
class AiGateway : public QObject
{
    Q_OBJECT

public:
    AiGateway(DatabaseExecutor* executor, QNetworkAccessManager* network, QObject* parent = nullptr);

    void setSettings(const LlmSettings& settings) { m_client.setSettings(settings); }
    const LlmSettings& settings() const { return m_client.settings(); }
    void setIdentity(const QString& orgId, const QString& userId);
    void setPriceTable(const AiPriceTable& prices) { m_prices = prices; }
    const AiPriceTable& priceTable() const { return m_prices; }
    void setCurrencySymbol(const QString& symbol) { m_currencySymbol = symbol; }

    void complete(const LlmRequest& request, QObject* context, LlmClient::Done done);
    void stream(const LlmRequest& request, QObject* context, LlmClient::Delta onDelta, LlmClient::Done done);
    // For Settings → AI: no budget check and nothing recorded.
    void testConnection(QObject* context, LlmClient::Done done);

    LlmClient& client() { return m_client; }

signals:
    void usageRecorded(const AiUsageEntry& entry);
    void recordFailed(const QString& message);

private:
    // Runs start once AI is configured and within budget; answers done with the refusal otherwise.
    void guarded(QObject* context, LlmClient::Done done, std::function<void(QObject*, LlmClient::Done)> start);
    void recordUsage(const LlmRequest& request, const LlmResult& result);

    DatabaseExecutor* m_executor;
    LlmClient m_client;
    AiPriceTable m_prices = AiPriceTable::defaults();
    QString m_orgId;
    QString m_userId;
    QString m_currencySymbol = QStringLiteral("€");
};
