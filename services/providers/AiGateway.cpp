#include "services/providers/AiGateway.h"

#include "services/storage/DatabaseExecutor.h"

#include <QPointer>

AiGateway::AiGateway(DatabaseExecutor* executor, QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_client(network, LlmSettings {})
{
}

void AiGateway::setIdentity(const QString& orgId, const QString& userId)
{
    m_orgId = orgId;
    m_userId = userId;
}

void AiGateway::complete(const LlmRequest& request, QObject* context, LlmClient::Done done)
{
    guarded(context, done, [this, request](QObject* context, LlmClient::Done done) {
        m_client.complete(request, context, [this, request, done](const LlmResult& result) {
            recordUsage(request, result);
            done(result);
        });
    });
}

void AiGateway::stream(const LlmRequest& request, QObject* context, LlmClient::Delta onDelta, LlmClient::Done done)
{
    guarded(context, done, [this, request, onDelta](QObject* context, LlmClient::Done done) {
        m_client.stream(request, context, onDelta, [this, request, done](const LlmResult& result) {
            recordUsage(request, result);
            done(result);
        });
    });
}

void AiGateway::testConnection(QObject* context, LlmClient::Done done)
{
    m_client.testConnection(context, std::move(done));
}

void AiGateway::guarded(QObject* context, LlmClient::Done done, std::function<void(QObject*, LlmClient::Done)> start)
{
    QPointer<QObject> guard(context);
    if (!m_client.settings().isConfigured()) {
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                if (guard)
                    done(LlmResult::failure(LlmError::make(LlmError::NotConfigured)));
            },
            Qt::QueuedConnection);
        return;
    }
    const QString orgId = m_orgId;
    const QString userId = m_userId;
    const QString symbol = m_currencySymbol;
    m_executor->run<AiBudgetCheck>(
        this,
        [orgId, userId, symbol](QSqlDatabase& db) {
            return AiUsageLedger(db, symbol).checkBudget(orgId, userId, QDateTime::currentDateTimeUtc());
        },
        [guard, done, start](const AiBudgetCheck& check) {
            if (!guard)
                return;
            if (!check.ok) {
                done(LlmResult::failure(LlmError::make(LlmError::BudgetExceeded, check.message)));
                return;
            }
            start(guard.data(), done);
        });
}

void AiGateway::recordUsage(const LlmRequest& request, const LlmResult& result)
{
    if (!result.reachedProvider)
        return;
    AiUsageEntry entry;
    entry.orgId = m_orgId;
    entry.userId = m_userId;
    entry.feature = request.feature;
    entry.model = result.model;
    entry.promptVersion = request.promptVersion;
    entry.inputTokens = result.inputTokens;
    entry.outputTokens = result.outputTokens;
    entry.costMicros = m_prices.estimateMicros(result.model, result.inputTokens, result.outputTokens);
    entry.leadId = request.leadId;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    m_executor->run<QString>(
        this,
        [entry](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            return ledger.record(entry) ? QString() : ledger.lastError();
        },
        [this, entry](const QString& error) {
            if (error.isEmpty())
                emit usageRecorded(entry);
            else
                emit recordFailed(error);
        });
}
