#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct AiUsageEntry
{
    QString orgId;
    QString userId;
    QString feature;
    QString model;
    QString promptVersion;
    int inputTokens = 0;
    int outputTokens = 0;
    qint64 costMicros = 0;
    QString leadId;
    QDateTime createdAt; // now when invalid
};

struct AiMonthTotals
{
    qint64 orgMicros = 0;
    qint64 userMicros = 0;
    qint64 orgInputTokens = 0;
    qint64 orgOutputTokens = 0;
    int orgCalls = 0;
    int userCalls = 0;
};

// One row of "this month's usage" in Settings → AI.
struct AiFeatureUsage
{
    QString feature;
    int calls = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 costMicros = 0;
};

struct AiBudgetCheck
{
    bool ok = true;
    QString message; // translated refusal when !ok
    qint64 limitMicros = 0; // the limit that was hit
    qint64 spentMicros = 0;
};

// The ai_usage and ai_budgets tables (migration 0006). Runs on the database thread with its connection.
// Months are calendar months in UTC.
class AiUsageLedger
{
public:
    explicit AiUsageLedger(QSqlDatabase db, QString currencySymbol = QStringLiteral("€"));

    bool record(const AiUsageEntry& entry);
    AiMonthTotals monthToDate(const QString& orgId, const QString& userId, const QDateTime& now);
    // The org's usage of the month containing now, one row per feature, most expensive first.
    QList<AiFeatureUsage> monthByFeature(const QString& orgId, const QDateTime& now);
    // userId empty: the org-wide limit. A negative limit removes the budget.
    bool setBudget(const QString& orgId, const QString& userId, qint64 monthLimitMicros);
    std::optional<qint64> budget(const QString& orgId, const QString& userId);
    AiBudgetCheck checkBudget(const QString& orgId, const QString& userId, const QDateTime& now);

    QString formatMoney(qint64 micros) const;
    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    QString m_currencySymbol;
    QString m_lastError;
};
