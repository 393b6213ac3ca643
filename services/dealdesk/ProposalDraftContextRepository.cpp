#include "services/dealdesk/ProposalDraftContextRepository.h"

#include "services/storage/LeadRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {
// The price list goes into the prompt whole; a longer one would crowd out the lead's own facts.
constexpr int kMaxPriceListEntries = 40;

QStringList stringArray(const QVariant& json)
{
    QStringList result;
    const QJsonArray array = QJsonDocument::fromJson(json.toByteArray()).array();
    for (const QJsonValue& value : array) {
        if (value.isString() && !value.toString().trimmed().isEmpty())
            result.append(value.toString().trimmed());
    }
    return result;
}
} // namespace

ProposalDraftContextRepository::ProposalDraftContextRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

ProposalDraftContext ProposalDraftContextRepository::load(const QString& leadId)
{
    ProposalDraftContext context;
    const std::optional<Lead> lead = LeadRepository(m_db).find(leadId);
    if (!lead || lead->deleted) {
        context.error = QCoreApplication::translate("ProposalDraftGenerator", "The lead no longer exists.");
        return context;
    }
    context.lead = *lead;
    context.intelligence = intelligence(leadId);
    context.aiProfile = aiProfile(leadId);
    context.priceList = priceList(lead->orgId);
    return context;
}

std::optional<LeadIntelligenceFacts> ProposalDraftContextRepository::intelligence(const QString& leadId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT deal_heat, buying_intent, budget, timeline, decision_maker, pain_points, key_insights, risks, "
        "next_best_action, summary, estimated_value_minor FROM lead_intelligence WHERE lead_id = ? AND deleted = 0"));
    query.addBindValue(leadId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    LeadIntelligenceFacts facts;
    int i = 0;
    const QVariant heat = query.value(i++);
    facts.dealHeat = heat.isNull() ? -1 : heat.toInt();
    facts.buyingIntent = query.value(i++).toString();
    facts.budget = query.value(i++).toString();
    facts.timeline = query.value(i++).toString();
    facts.decisionMaker = query.value(i++).toString();
    facts.painPoints = stringArray(query.value(i++));
    facts.keyInsights = stringArray(query.value(i++));
    facts.risks = stringArray(query.value(i++));
    facts.nextBestAction = query.value(i++).toString();
    facts.summary = query.value(i++).toString();
    const QVariant estimate = query.value(i++);
    facts.estimatedValueMinor = estimate.isNull() ? -1 : estimate.toLongLong();
    return facts;
}

QJsonObject ProposalDraftContextRepository::aiProfile(const QString& leadId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ai_profile FROM leads WHERE id = ?"));
    query.addBindValue(leadId);
    if (!query.exec() || !query.next() || query.value(0).isNull())
        return {};
    return QJsonDocument::fromJson(query.value(0).toByteArray()).object();
}

QList<PriceListEntry> ProposalDraftContextRepository::priceList(const QString& orgId)
{
    QList<PriceListEntry> entries;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT name, price_minor, currency FROM services_catalog "
                                 "WHERE org_id = ? AND deleted = 0 AND active = 1 ORDER BY name LIMIT ?"));
    query.addBindValue(orgId);
    query.addBindValue(kMaxPriceListEntries);
    if (!query.exec())
        return entries;
    while (query.next())
        entries.append({ query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString() });
    return entries;
}
