#include "models/intelligence/AiProfile.h"

#include "models/intelligence/JsonLists.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AiProfile", text);
}

constexpr int kMaxObjections = 8;
constexpr int kMaxDraftChars = 3000;
} // namespace

QJsonObject AiProfile::toJson() const
{
    QJsonArray objectionArray;
    for (const ProfileObjection& item : objections)
        objectionArray.append(QJsonObject {
            { QStringLiteral("objection"), item.objection }, { QStringLiteral("response"), item.response } });
    const QJsonObject drafts { { QStringLiteral("cold_email_1"), messageDrafts.coldEmail1 },
        { QStringLiteral("follow_up_1"), messageDrafts.followUp1 },
        { QStringLiteral("linkedin_dm_1"), messageDrafts.linkedinDm1 } };
    return {
        { QStringLiteral("one_liner"), oneLiner },
        { QStringLiteral("likely_role"), likelyRole },
        { QStringLiteral("pain_points"), JsonLists::array(painPoints) },
        { QStringLiteral("decision_power"), decisionPower },
        { QStringLiteral("best_offer_angle"), JsonLists::array(bestOfferAngle) },
        { QStringLiteral("personalisation_hooks"), JsonLists::array(personalisationHooks) },
        { QStringLiteral("objections"), objectionArray },
        { QStringLiteral("next_best_action"), nextBestAction },
        { QStringLiteral("message_drafts"), drafts },
        { QStringLiteral("confidence"), confidence },
        { QStringLiteral("source_fields_used"), JsonLists::array(sourceFieldsUsed) },
    };
}

AiProfile AiProfile::fromJson(const QJsonObject& json)
{
    const auto text = [&json](const char* key, int maxChars = JsonLists::kMaxItemChars) {
        return JsonLists::text(json.value(QLatin1String(key)).toString(), maxChars);
    };
    const auto list = [&json](const char* key) { return JsonLists::strings(json.value(QLatin1String(key)).toArray()); };
    AiProfile profile;
    profile.oneLiner = text("one_liner");
    profile.likelyRole = text("likely_role");
    profile.painPoints = list("pain_points");
    profile.decisionPower = text("decision_power");
    profile.bestOfferAngle = list("best_offer_angle");
    profile.personalisationHooks = list("personalisation_hooks");
    for (const QJsonValue& value : json.value(QLatin1String("objections")).toArray()) {
        if (profile.objections.size() >= kMaxObjections)
            break;
        const QJsonObject object = value.toObject();
        ProfileObjection item { JsonLists::text(
                                    object.value(QLatin1String("objection")).toString(), JsonLists::kMaxItemChars),
            JsonLists::text(object.value(QLatin1String("response")).toString(), JsonLists::kMaxItemChars) };
        if (!item.objection.isEmpty())
            profile.objections.append(item);
    }
    profile.nextBestAction = text("next_best_action");
    const QJsonObject drafts = json.value(QLatin1String("message_drafts")).toObject();
    profile.messageDrafts.coldEmail1
        = JsonLists::text(drafts.value(QLatin1String("cold_email_1")).toString(), kMaxDraftChars);
    profile.messageDrafts.followUp1
        = JsonLists::text(drafts.value(QLatin1String("follow_up_1")).toString(), kMaxDraftChars);
    profile.messageDrafts.linkedinDm1
        = JsonLists::text(drafts.value(QLatin1String("linkedin_dm_1")).toString(), kMaxDraftChars);
    const QJsonValue confidence = json.value(QLatin1String("confidence"));
    profile.confidence = confidence.isDouble() ? int(std::clamp(confidence.toDouble(), -1.0e6, 1.0e6)) : 0;
    profile.sourceFieldsUsed = JsonLists::strings(json.value(QLatin1String("source_fields_used")).toArray(), 64, 80);
    return profile;
}

FieldErrors AiProfile::validate() const
{
    FieldErrors errors;
    if (oneLiner.isEmpty())
        errors.append({ QStringLiteral("oneLiner"), tr("The profile has no one-line description.") });
    if (confidence < 0 || confidence > 100)
        errors.append(
            { QStringLiteral("confidence"), tr("The confidence %1 is not between 0 and 100.").arg(confidence) });
    return errors;
}

QStringList AiProfile::restrictSourceFields(const QStringList& available)
{
    const QSet<QString> allowed(available.cbegin(), available.cend());
    QStringList kept;
    QStringList removed;
    for (const QString& name : std::as_const(sourceFieldsUsed)) {
        if (allowed.contains(name) && !kept.contains(name))
            kept.append(name);
        else if (!allowed.contains(name))
            removed.append(name);
    }
    sourceFieldsUsed = kept;
    return removed;
}
