#pragma once

#include "services/brain/BrainInsights.h"

#include <QSqlDatabase>
#include <QVariantList>

// SQL behind the Neural Brain: every list is a LIMITed query over indexed columns and every count one aggregate,
// so the view stays quick at 100,000 leads. "Open" means a status whose pipeline stage is not closed (won, lost).
// Runs on the database thread.
class BrainInsightsRepository
{
public:
    explicit BrainInsightsRepository(QSqlDatabase db);

    // Lists, counts, deal values and suggestions in one go.
    BrainInsights load(const BrainInsightsQuery& query);

    QList<BrainLeadRow> leaderboard(const BrainInsightsQuery& query);
    QList<BrainLeadRow> hotLeads(const BrainInsightsQuery& query, int* total);
    // Hot leads whose last contact (else last update) is hotFollowUpDays or more ago.
    QList<BrainLeadRow> hotNotContacted(const BrainInsightsQuery& query, int* total);
    QList<BrainLeadRow> stalled(const BrainInsightsQuery& query, int* total);
    // High or critical buying intent and no proposal (not deleted) yet.
    QList<BrainLeadRow> highIntentWithoutProposal(const BrainInsightsQuery& query, int* total);
    // Open leads without an analysis, most recently updated first.
    QList<BrainLeadRow> neverAnalysed(const BrainInsightsQuery& query, int* total);
    int analysedCount(const BrainInsightsQuery& query);
    int activeServiceCount(const QString& orgId);

    QString lastError() const { return m_lastError; }

private:
    QList<BrainLeadRow> rows(const QString& sql, const QVariantList& values, const QDateTime& now);
    int count(const QString& sql, const QVariantList& values);

    QSqlDatabase m_db;
    QString m_lastError;
};
