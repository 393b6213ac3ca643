#include "services/brain/BrainInsightsRepository.h"

#include "models/Ids.h"
#include "services/brain/BrainSuggestions.h"
#include "services/pricing/LeadValueEstimation.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Column order shared by every list and readRow().
const QString kColumns = QStringLiteral(
    "l.id, l.name, l.company, l.status, li.deal_heat, li.buying_intent, li.next_best_action, li.summary, "
    "li.analyzed_at, l.last_contacted_at, l.updated_at, l.currency, li.estimated_value_minor, "
    "(SELECT s.name FROM pipeline_stages s WHERE s.key = l.status AND s.org_id = l.org_id AND s.deleted = 0)");

// Binds: the org id of the stages. A workspace file holds one org's leads (as the Leads view reads them), so leads
// are not filtered by org: that keeps the counts on covering indexes.
const QString kOpenLead
    = QStringLiteral("l.deleted = 0 AND l.status NOT IN "
                     "(SELECT key FROM pipeline_stages WHERE is_closed = 1 AND deleted = 0 AND org_id = ?)");

const QString kLastTouch = QStringLiteral("COALESCE(l.last_contacted_at, l.updated_at)");

const QString kAnalysed = QStringLiteral(" FROM lead_intelligence li JOIN leads l ON l.id = li.lead_id WHERE "
                                         "li.deleted = 0 AND li.deal_heat IS NOT NULL AND ");

QVariantList open(const BrainInsightsQuery& query)
{
    return { query.orgId };
}

QString cutoff(const BrainInsightsQuery& query, int days)
{
    return Ids::toStorage(query.now.addDays(-days));
}

QDateTime optionalTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : Ids::fromStorage(value.toString());
}
} // namespace

BrainInsightsRepository::BrainInsightsRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

QList<BrainLeadRow> BrainInsightsRepository::rows(const QString& sql, const QVariantList& values, const QDateTime& now)
{
    QList<BrainLeadRow> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return result;
    }
    while (query.next()) {
        BrainLeadRow row;
        int i = 0;
        row.leadId = query.value(i++).toString();
        row.name = query.value(i++).toString();
        row.company = query.value(i++).toString();
        row.status = query.value(i++).toString();
        const QVariant heat = query.value(i++);
        row.dealHeat = heat.isNull() ? -1 : heat.toInt();
        row.buyingIntent = query.value(i++).toString();
        row.nextBestAction = query.value(i++).toString();
        row.summary = query.value(i++).toString();
        row.analyzedAt = optionalTime(query.value(i++));
        row.lastContactedAt = optionalTime(query.value(i++));
        const QDateTime updatedAt = optionalTime(query.value(i++));
        row.lastTouchAt = row.lastContactedAt.isValid() ? row.lastContactedAt : updatedAt;
        row.daysSinceContact = row.lastTouchAt.isValid() ? std::max<qint64>(0, row.lastTouchAt.secsTo(now) / 86400) : 0;
        row.currency = query.value(i++).toString();
        const QVariant stored = query.value(i++);
        row.storedValueMinor = stored.isNull() ? -1 : stored.toLongLong();
        row.stageName = query.value(i++).toString();
        if (row.stageName.isEmpty())
            row.stageName = row.status;
        result.append(row);
    }
    return result;
}

int BrainInsightsRepository::count(const QString& sql, const QVariantList& values)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return 0;
    }
    return query.value(0).toInt();
}

QList<BrainLeadRow> BrainInsightsRepository::leaderboard(const BrainInsightsQuery& query)
{
    return rows(QStringLiteral("SELECT ") + kColumns + kAnalysed + kOpenLead
            + QStringLiteral(" ORDER BY li.deal_heat DESC, li.analyzed_at DESC, l.id LIMIT ?"),
        open(query) << query.limit, query.now);
}

QList<BrainLeadRow> BrainInsightsRepository::hotLeads(const BrainInsightsQuery& query, int* total)
{
    const QString where = kAnalysed + QStringLiteral("li.deal_heat >= ? AND ") + kOpenLead;
    const QVariantList values = QVariantList { query.hotHeat } + open(query);
    *total = count(QStringLiteral("SELECT COUNT(*)") + where, values);
    return rows(QStringLiteral("SELECT ") + kColumns + where
            + QStringLiteral(" ORDER BY li.deal_heat DESC, li.analyzed_at DESC, l.id LIMIT ?"),
        values + QVariantList { query.limit }, query.now);
}

QList<BrainLeadRow> BrainInsightsRepository::hotNotContacted(const BrainInsightsQuery& query, int* total)
{
    const QString where = kAnalysed + QStringLiteral("li.deal_heat >= ? AND ") + kOpenLead + QStringLiteral(" AND ")
        + kLastTouch + QStringLiteral(" <= ?");
    const QVariantList values
        = QVariantList { query.hotHeat } + open(query) + QVariantList { cutoff(query, query.hotFollowUpDays) };
    *total = count(QStringLiteral("SELECT COUNT(*)") + where, values);
    return rows(QStringLiteral("SELECT ") + kColumns + where + QStringLiteral(" ORDER BY li.deal_heat DESC, ")
            + kLastTouch + QStringLiteral(" ASC, l.id LIMIT ?"),
        values + QVariantList { query.limit }, query.now);
}

QList<BrainLeadRow> BrainInsightsRepository::stalled(const BrainInsightsQuery& query, int* total)
{
    // leads.deal_heat is the latest heat copied onto the lead, so the ordering needs no join over all leads.
    const QString where = QStringLiteral(" FROM leads l WHERE ") + kOpenLead + QStringLiteral(" AND ") + kLastTouch
        + QStringLiteral(" <= ?");
    const QVariantList values = open(query) + QVariantList { cutoff(query, query.stalledDays) };
    *total = count(QStringLiteral("SELECT COUNT(*)") + where, values);
    return rows(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM (SELECT l.id") + where
            + QStringLiteral(" ORDER BY COALESCE(l.deal_heat, -1) DESC, ") + kLastTouch
            + QStringLiteral(" ASC, l.id LIMIT ?) s JOIN leads l ON l.id = s.id "
                             "LEFT JOIN lead_intelligence li ON li.lead_id = l.id AND li.deleted = 0 "
                             "ORDER BY COALESCE(l.deal_heat, -1) DESC, ")
            + kLastTouch + QStringLiteral(" ASC, l.id"),
        values + QVariantList { query.limit }, query.now);
}

QList<BrainLeadRow> BrainInsightsRepository::highIntentWithoutProposal(const BrainInsightsQuery& query, int* total)
{
    const QString where = kAnalysed
        + QStringLiteral("li.buying_intent IN ('high', 'critical') AND NOT EXISTS "
                         "(SELECT 1 FROM proposals p WHERE p.lead_id = l.id AND +p.deleted = 0) AND ")
        + kOpenLead;
    *total = count(QStringLiteral("SELECT COUNT(*)") + where, open(query));
    return rows(QStringLiteral("SELECT ") + kColumns + where
            + QStringLiteral(" ORDER BY li.deal_heat DESC, li.analyzed_at DESC, l.id LIMIT ?"),
        open(query) << query.limit, query.now);
}

QList<BrainLeadRow> BrainInsightsRepository::neverAnalysed(const BrainInsightsQuery& query, int* total)
{
    const int openLeads = count(QStringLiteral("SELECT COUNT(*) FROM leads l WHERE ") + kOpenLead, open(query));
    *total = std::max(0, openLeads - analysedCount(query));
    return rows(QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM leads l LEFT JOIN lead_intelligence li ON li.lead_id = l.id AND li.deleted = 0 "
                             "WHERE li.id IS NULL AND ")
            // No tie-break, so that leads_updated drives the order and the scan stops at the limit.
            + kOpenLead + QStringLiteral(" ORDER BY l.updated_at DESC LIMIT ?"),
        open(query) << query.limit, query.now);
}

int BrainInsightsRepository::analysedCount(const BrainInsightsQuery& query)
{
    return count(QStringLiteral("SELECT COUNT(*)") + kAnalysed + kOpenLead, open(query));
}

int BrainInsightsRepository::activeServiceCount(const QString& orgId)
{
    return count(
        QStringLiteral("SELECT COUNT(*) FROM services_catalog WHERE org_id = ? AND deleted = 0 AND active = 1"),
        { orgId });
}

BrainInsights BrainInsightsRepository::load(const BrainInsightsQuery& query)
{
    m_lastError.clear();
    BrainInsights insights;
    insights.computedAt = query.now;
    insights.stalledDays = query.stalledDays;
    insights.hotHeat = query.hotHeat;
    insights.leaderboard = leaderboard(query);
    insights.hot = hotLeads(query, &insights.hotCount);
    insights.stalled = stalled(query, &insights.stalledCount);
    insights.analysedCount = analysedCount(query);
    insights.activeServiceCount = activeServiceCount(query.orgId);

    BrainSuggestionInput input;
    input.hotNotContacted = hotNotContacted(query, &input.hotNotContactedCount);
    input.highIntentWithoutProposal = highIntentWithoutProposal(query, &input.highIntentWithoutProposalCount);
    input.neverAnalysed = neverAnalysed(query, &input.neverAnalysedCount);
    insights.neverAnalysedCount = input.neverAnalysedCount;

    if (!m_lastError.isEmpty()) {
        insights.ok = false;
        insights.error = m_lastError;
        return insights;
    }

    // Deal values for every lead on screen, with one read of the price list.
    QList<QList<BrainLeadRow>*> lists { &insights.leaderboard, &insights.hot, &insights.stalled, &input.hotNotContacted,
        &input.highIntentWithoutProposal };
    if (insights.activeServiceCount > 0) {
        QStringList ids;
        for (const QList<BrainLeadRow>* list : std::as_const(lists)) {
            for (const BrainLeadRow& row : *list) {
                if (!ids.contains(row.leadId))
                    ids.append(row.leadId);
            }
        }
        const QHash<QString, DealValueEstimate> estimates = LeadValueEstimation::estimate(m_db, query.orgId, ids);
        for (QList<BrainLeadRow>* list : std::as_const(lists)) {
            for (BrainLeadRow& row : *list)
                row.estimate = estimates.value(row.leadId);
        }
    }

    input.stalled = insights.stalled;
    input.stalledCount = insights.stalledCount;
    input.activeServiceCount = insights.activeServiceCount;
    input.analysedCount = insights.analysedCount;
    insights.suggestions = BrainSuggestions::build(input, query);
    return insights;
}
