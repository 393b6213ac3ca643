#include "services/intelligence/LeadIntelligenceRepository.h"

#include "models/Ids.h"
#include "models/intelligence/JsonLists.h"
#include "services/storage/SqlValues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Column order shared by SELECT and read().
const QString kColumns = QStringLiteral(
    "li.id, li.org_id, li.lead_id, li.deal_heat, li.buying_intent, li.budget, li.timeline, li.decision_maker, "
    "li.pain_points, li.key_insights, li.risks, li.next_best_action, li.summary, li.fields_used, "
    "li.estimated_value_minor, li.model, li.prompt_version, li.analyzed_at, li.created_at, li.updated_at, li.rev, "
    "li.deleted");

QString json(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(JsonLists::array(list)).toJson(QJsonDocument::Compact));
}

QStringList list(const QVariant& value)
{
    return JsonLists::strings(QJsonDocument::fromJson(value.toByteArray()).array(), 1000, 100000);
}

QVariant nullableInt(std::optional<qint64> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}
} // namespace

LeadIntelligenceRepository::LeadIntelligenceRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

bool LeadIntelligenceRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

LeadIntelligence LeadIntelligenceRepository::read(const QSqlQuery& query)
{
    LeadIntelligence intelligence;
    int i = 0;
    intelligence.id = query.value(i++).toString();
    intelligence.orgId = query.value(i++).toString();
    intelligence.leadId = query.value(i++).toString();
    const QVariant heat = query.value(i++);
    if (!heat.isNull())
        intelligence.dealHeat = heat.toInt();
    intelligence.buyingIntent
        = LeadIntelligence::intentFromKey(query.value(i++).toString()).value_or(LeadIntelligence::Intent::Unknown);
    intelligence.budget = query.value(i++).toString();
    intelligence.timeline = query.value(i++).toString();
    intelligence.decisionMaker = query.value(i++).toString();
    intelligence.painPoints = list(query.value(i++));
    intelligence.keyInsights = list(query.value(i++));
    intelligence.risks = list(query.value(i++));
    intelligence.nextBestAction = query.value(i++).toString();
    intelligence.summary = query.value(i++).toString();
    intelligence.fieldsUsed = list(query.value(i++));
    const QVariant estimate = query.value(i++);
    if (!estimate.isNull())
        intelligence.estimatedValueMinor = estimate.toLongLong();
    intelligence.model = query.value(i++).toString();
    intelligence.promptVersion = query.value(i++).toString();
    intelligence.analyzedAt = Ids::fromStorage(query.value(i++).toString());
    intelligence.createdAt = Ids::fromStorage(query.value(i++).toString());
    intelligence.updatedAt = Ids::fromStorage(query.value(i++).toString());
    intelligence.rev = query.value(i++).toLongLong();
    intelligence.deleted = query.value(i++).toInt() != 0;
    return intelligence;
}

std::optional<LeadIntelligence> LeadIntelligenceRepository::findForLead(const QString& leadId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM lead_intelligence li WHERE li.lead_id = ? AND li.deleted = 0"));
    query.addBindValue(leadId);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return read(query);
}

QList<LeadIntelligence> LeadIntelligenceRepository::findForLeads(const QStringList& leadIds)
{
    QList<LeadIntelligence> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM lead_intelligence li WHERE li.lead_id = ? AND li.deleted = 0"));
    for (const QString& id : leadIds) {
        query.addBindValue(id);
        if (!exec(query))
            break;
        if (query.next())
            result.append(read(query));
    }
    return result;
}

QList<LeadIntelligence> LeadIntelligenceRepository::topByHeat(int limit, int minHeat)
{
    QList<LeadIntelligence> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM lead_intelligence li JOIN leads l ON l.id = li.lead_id "
                         "WHERE li.deleted = 0 AND l.deleted = 0 AND li.deal_heat IS NOT NULL AND li.deal_heat >= ? "
                         "ORDER BY li.deal_heat DESC, li.analyzed_at DESC, li.id LIMIT ?"));
    query.addBindValue(minHeat);
    query.addBindValue(limit);
    if (!exec(query))
        return result;
    while (query.next())
        result.append(read(query));
    return result;
}

bool LeadIntelligenceRepository::save(LeadIntelligence& intelligence)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!intelligence.analyzedAt.isValid())
        intelligence.analyzedAt = now;
    intelligence.updatedAt = now;
    QSqlQuery existing(m_db);
    existing.setForwardOnly(true);
    existing.prepare(QStringLiteral(
        "SELECT id, org_id, created_at, estimated_value_minor FROM lead_intelligence WHERE lead_id = ?"));
    existing.addBindValue(intelligence.leadId);
    if (!exec(existing))
        return false;
    // Bound after deal_heat, in the column order of both statements below.
    const QVariantList analysed { SqlValues::text(LeadIntelligence::intentKey(intelligence.buyingIntent)),
        SqlValues::text(intelligence.budget), SqlValues::text(intelligence.timeline),
        SqlValues::text(intelligence.decisionMaker), json(intelligence.painPoints), json(intelligence.keyInsights),
        json(intelligence.risks), SqlValues::text(intelligence.nextBestAction), SqlValues::text(intelligence.summary),
        json(intelligence.fieldsUsed), SqlValues::text(intelligence.model), SqlValues::text(intelligence.promptVersion),
        Ids::toStorage(intelligence.analyzedAt), Ids::toStorage(intelligence.updatedAt) };
    const QVariant heat
        = intelligence.dealHeat ? QVariant(*intelligence.dealHeat) : QVariant(QMetaType(QMetaType::Int));

    QSqlQuery write(m_db);
    if (existing.next()) {
        intelligence.id = existing.value(0).toString();
        intelligence.orgId = existing.value(1).toString();
        intelligence.createdAt = Ids::fromStorage(existing.value(2).toString());
        const QVariant estimate = existing.value(3);
        intelligence.estimatedValueMinor
            = estimate.isNull() ? std::nullopt : std::optional<qint64>(estimate.toLongLong());
        existing.finish();
        write.prepare(QStringLiteral(
            "UPDATE lead_intelligence SET deal_heat = ?, buying_intent = ?, budget = ?, timeline = ?, "
            "decision_maker = ?, pain_points = ?, key_insights = ?, risks = ?, next_best_action = ?, summary = ?, "
            "fields_used = ?, model = ?, prompt_version = ?, analyzed_at = ?, updated_at = ?, deleted = 0, "
            "rev = rev + 1 WHERE id = ?"));
        write.addBindValue(heat);
        for (const QVariant& value : analysed)
            write.addBindValue(value);
        write.addBindValue(intelligence.id);
        intelligence.deleted = false;
        return exec(write);
    }
    existing.finish();
    if (intelligence.orgId.isEmpty()) {
        m_lastError = QCoreApplication::translate("LeadIntelligenceRepository", "The workspace is not open.");
        return false;
    }
    if (intelligence.id.isEmpty())
        intelligence.id = Ids::newId();
    intelligence.createdAt = now;
    intelligence.rev = 0;
    intelligence.deleted = false;
    write.prepare(QStringLiteral(
        "INSERT INTO lead_intelligence (deal_heat, buying_intent, budget, timeline, decision_maker, pain_points, "
        "key_insights, risks, next_best_action, summary, fields_used, model, prompt_version, analyzed_at, "
        "updated_at, id, org_id, lead_id, estimated_value_minor, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    write.addBindValue(heat);
    for (const QVariant& value : analysed)
        write.addBindValue(value);
    write.addBindValue(intelligence.id);
    write.addBindValue(intelligence.orgId);
    write.addBindValue(intelligence.leadId);
    write.addBindValue(nullableInt(intelligence.estimatedValueMinor));
    write.addBindValue(Ids::toStorage(intelligence.createdAt));
    return exec(write);
}

bool LeadIntelligenceRepository::setLeadDealHeat(const QString& leadId, std::optional<int> heat)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE leads SET deal_heat = ? WHERE id = ?"));
    query.addBindValue(heat ? QVariant(*heat) : QVariant(QMetaType(QMetaType::Int)));
    query.addBindValue(leadId);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("LeadIntelligenceRepository", "The lead no longer exists.");
    return false;
}

bool LeadIntelligenceRepository::setEstimatedValue(
    const QString& leadId, std::optional<qint64> minor, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE lead_intelligence SET estimated_value_minor = ?, updated_at = ?, "
                                 "rev = rev + 1 WHERE lead_id = ? AND deleted = 0"));
    query.addBindValue(nullableInt(minor));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(leadId);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("LeadIntelligenceRepository", "The lead has no analysis yet.");
    return false;
}
