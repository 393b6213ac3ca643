#pragma once

#include "services/dealdesk/DealPipeline.h"

#include <QSqlDatabase>

class QSqlQuery;

// SQL for the Deal Desk overview. Lead figures are added up by SQLite (the pipeline must stay quick at 100,000
// leads); proposal totals come from their pricing lines through Proposal::computeTotals, the one place that rounds.
// Runs on the database thread.
class DealPipelineRepository
{
public:
    explicit DealPipelineRepository(QSqlDatabase db);

    // Everything the Deal Desk shows; snapshot.error is set when a query failed.
    DealPipelineSnapshot snapshot();

    // Open deals (not deleted, stage not closed) grouped by the buying intent of their latest analysis.
    QList<PipelineGroup> intentGroups();
    QList<ProposalSummary> proposalSummaries();
    static QList<PipelineGroup> statusGroups(const QList<ProposalSummary>& proposals);

    // The organisation's name, the sender on exported proposals.
    QString organizationName(const QString& orgId);

    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
};
