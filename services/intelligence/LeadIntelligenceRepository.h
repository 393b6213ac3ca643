#pragma once

#include "models/intelligence/LeadIntelligence.h"

#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

// SQL for lead_intelligence (one live row per lead, the latest analysis) and the copy of its heat on leads.deal_heat.
// Runs on the database thread; the caller owns the transaction.
class LeadIntelligenceRepository
{
public:
    explicit LeadIntelligenceRepository(QSqlDatabase db);

    // The lead's analysis; nullopt when it has none (or it was tombstoned).
    std::optional<LeadIntelligence> findForLead(const QString& leadId);
    // Analyses of these leads, in no particular order; leads without one are missing from the list.
    QList<LeadIntelligence> findForLeads(const QStringList& leadIds);
    // Highest heat first (then the newest analysis), only scored analyses of leads that are not deleted.
    QList<LeadIntelligence> topByHeat(int limit, int minHeat = 0);

    // Inserts the lead's analysis, or overwrites the analysed fields of its existing row: id, org_id, created_at and
    // estimated_value_minor of that row stay, rev goes up, a tombstone is revived. On success intelligence holds the
    // stored id, org_id, created_at and estimated value. orgId must be set for a first analysis.
    bool save(LeadIntelligence& intelligence);
    // Copies the heat onto leads.deal_heat for the Kanban badge; nullopt clears it. leads.updated_at is left alone:
    // the heat is a derived copy, and touching it would reorder every list sorted by "last changed".
    bool setLeadDealHeat(const QString& leadId, std::optional<int> heat);
    // For the services price list: the estimated deal value of an existing analysis (nullopt clears it).
    bool setEstimatedValue(const QString& leadId, std::optional<qint64> minor, const QDateTime& now);

    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    static LeadIntelligence read(const QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
};
