#include "models/intelligence/LeadIntelligence.h"

#include "models/Ids.h"
#include "models/intelligence/JsonLists.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<LeadIntelligence::Intent, const char*>, 5> kIntents { {
    { LeadIntelligence::Intent::Unknown, "" },
    { LeadIntelligence::Intent::Low, "low" },
    { LeadIntelligence::Intent::Medium, "medium" },
    { LeadIntelligence::Intent::High, "high" },
    { LeadIntelligence::Intent::Critical, "critical" },
} };

QString tr(const char* text)
{
    return QCoreApplication::translate("LeadIntelligence", text);
}

QJsonValue timeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(Ids::toStorage(time)) : QJsonValue();
}

QDateTime timeFrom(const QJsonValue& value)
{
    return value.isString() ? Ids::fromStorage(value.toString()) : QDateTime();
}

constexpr int kShortTextChars = 400; // budget, timeline, decision maker
} // namespace

QString LeadIntelligence::intentKey(Intent intent)
{
    for (const auto& [value, key] : kIntents) {
        if (value == intent)
            return QString::fromLatin1(key);
    }
    return {};
}

std::optional<LeadIntelligence::Intent> LeadIntelligence::intentFromKey(const QString& key)
{
    const QString normalized = key.trimmed().toLower();
    for (const auto& [value, name] : kIntents) {
        if (normalized == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

QStringList LeadIntelligence::intentKeys()
{
    return { QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("critical") };
}

QString LeadIntelligence::intentLabel(Intent intent)
{
    switch (intent) {
    case Intent::Unknown:
        return tr("Not known");
    case Intent::Low:
        //: Buying intent of a lead
        return tr("Low");
    case Intent::Medium:
        //: Buying intent of a lead
        return tr("Medium");
    case Intent::High:
        //: Buying intent of a lead
        return tr("High");
    case Intent::Critical:
        //: Buying intent of a lead: ready to buy now
        return tr("Critical");
    }
    return {};
}

QJsonObject LeadIntelligence::toJson() const
{
    QJsonObject json {
        { QStringLiteral("id"), id },
        { QStringLiteral("org_id"), orgId },
        { QStringLiteral("lead_id"), leadId },
        { QStringLiteral("deal_heat"), dealHeat ? QJsonValue(*dealHeat) : QJsonValue() },
        { QStringLiteral("buying_intent"), intentKey(buyingIntent) },
        { QStringLiteral("budget"), budget },
        { QStringLiteral("timeline"), timeline },
        { QStringLiteral("decision_maker"), decisionMaker },
        { QStringLiteral("pain_points"), JsonLists::array(painPoints) },
        { QStringLiteral("key_insights"), JsonLists::array(keyInsights) },
        { QStringLiteral("risks"), JsonLists::array(risks) },
        { QStringLiteral("next_best_action"), nextBestAction },
        { QStringLiteral("summary"), summary },
        { QStringLiteral("fields_used"), JsonLists::array(fieldsUsed) },
        { QStringLiteral("estimated_value_minor"),
            estimatedValueMinor ? QJsonValue(*estimatedValueMinor) : QJsonValue() },
        { QStringLiteral("model"), model },
        { QStringLiteral("prompt_version"), promptVersion },
        { QStringLiteral("analyzed_at"), timeValue(analyzedAt) },
        { QStringLiteral("created_at"), timeValue(createdAt) },
        { QStringLiteral("updated_at"), timeValue(updatedAt) },
        { QStringLiteral("rev"), rev },
        { QStringLiteral("deleted"), deleted },
    };
    return json;
}

LeadIntelligence LeadIntelligence::fromJson(const QJsonObject& json, FieldErrors* errors)
{
    const auto string = [&json](const char* key, int maxChars) {
        return JsonLists::text(json.value(QLatin1String(key)).toString(), maxChars);
    };
    const auto list = [&json](const char* key) { return JsonLists::strings(json.value(QLatin1String(key)).toArray()); };
    LeadIntelligence intelligence;
    intelligence.id = json.value(QLatin1String("id")).toString();
    intelligence.orgId = json.value(QLatin1String("org_id")).toString();
    intelligence.leadId = json.value(QLatin1String("lead_id")).toString();
    const QJsonValue heat = json.value(QLatin1String("deal_heat"));
    if (heat.isDouble())
        intelligence.dealHeat = int(std::clamp(heat.toDouble(), -1.0e6, 1.0e6));
    const QString intent = json.value(QLatin1String("buying_intent")).toString();
    if (const std::optional<Intent> known = intentFromKey(intent)) {
        intelligence.buyingIntent = *known;
    } else if (errors) {
        errors->append({ QStringLiteral("buyingIntent"),
            tr("The buying intent “%1” is not one of low, medium, high or critical.").arg(intent.left(40)) });
    }
    intelligence.budget = string("budget", kShortTextChars);
    intelligence.timeline = string("timeline", kShortTextChars);
    intelligence.decisionMaker = string("decision_maker", kShortTextChars);
    intelligence.painPoints = list("pain_points");
    intelligence.keyInsights = list("key_insights");
    intelligence.risks = list("risks");
    intelligence.nextBestAction = string("next_best_action", JsonLists::kMaxItemChars);
    intelligence.summary = string("summary", JsonLists::kMaxTextChars);
    intelligence.fieldsUsed = JsonLists::strings(json.value(QLatin1String("fields_used")).toArray(), 64, 80);
    const QJsonValue estimate = json.value(QLatin1String("estimated_value_minor"));
    if (estimate.isDouble())
        intelligence.estimatedValueMinor = qint64(estimate.toDouble());
    intelligence.model = json.value(QLatin1String("model")).toString();
    intelligence.promptVersion = json.value(QLatin1String("prompt_version")).toString();
    intelligence.analyzedAt = timeFrom(json.value(QLatin1String("analyzed_at")));
    intelligence.createdAt = timeFrom(json.value(QLatin1String("created_at")));
    intelligence.updatedAt = timeFrom(json.value(QLatin1String("updated_at")));
    intelligence.rev = qint64(json.value(QLatin1String("rev")).toDouble());
    intelligence.deleted = json.value(QLatin1String("deleted")).toBool();
    return intelligence;
}

FieldErrors LeadIntelligence::validate() const
{
    FieldErrors errors;
    if (leadId.isEmpty())
        errors.append({ QStringLiteral("leadId"), tr("The analysis does not say which lead it is about.") });
    if (!dealHeat)
        errors.append({ QStringLiteral("dealHeat"), tr("The analysis has no deal heat.") });
    else if (*dealHeat < 0 || *dealHeat > 100)
        errors.append({ QStringLiteral("dealHeat"), tr("The deal heat %1 is not between 0 and 100.").arg(*dealHeat) });
    if (summary.isEmpty())
        errors.append({ QStringLiteral("summary"), tr("The analysis has no summary.") });
    return errors;
}
