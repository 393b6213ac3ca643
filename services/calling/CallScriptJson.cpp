#include "services/calling/CallScriptJson.h"

#include <QJsonArray>

namespace CallScriptJson {

QJsonObject toJson(const CallScript& script)
{
    QJsonArray handlers;
    for (const ObjectionHandler& handler : script.objectionHandlers)
        handlers.append(QJsonObject { { QStringLiteral("objection"), handler.objection },
            { QStringLiteral("response"), handler.response } });
    return { { QStringLiteral("id"), script.id }, { QStringLiteral("name"), script.name },
        { QStringLiteral("purpose"), script.purpose }, { QStringLiteral("industry"), script.industry },
        { QStringLiteral("openingLine"), script.openingLine },
        { QStringLiteral("talkingPoints"), QJsonArray::fromStringList(script.talkingPoints) },
        { QStringLiteral("objectionHandlers"), handlers },
        { QStringLiteral("rateMinMinor"), QString::number(script.rateMinMinor) },
        { QStringLiteral("rateMaxMinor"), QString::number(script.rateMaxMinor) },
        { QStringLiteral("currency"), script.currency }, { QStringLiteral("closingStrategy"), script.closingStrategy },
        { QStringLiteral("voiceId"), script.voiceId }, { QStringLiteral("llmModel"), script.llmModel },
        { QStringLiteral("language"), script.language }, { QStringLiteral("temperature"), script.temperature } };
}

CallScript fromJson(const QJsonObject& object)
{
    CallScript script;
    script.id = object.value(QLatin1String("id")).toString();
    script.name = object.value(QLatin1String("name")).toString();
    script.purpose = object.value(QLatin1String("purpose")).toString();
    script.industry = object.value(QLatin1String("industry")).toString();
    script.openingLine = object.value(QLatin1String("openingLine")).toString();
    for (const QJsonValue& point : object.value(QLatin1String("talkingPoints")).toArray())
        script.talkingPoints.append(point.toString());
    for (const QJsonValue& value : object.value(QLatin1String("objectionHandlers")).toArray()) {
        const QJsonObject handler = value.toObject();
        script.objectionHandlers.append({ handler.value(QLatin1String("objection")).toString(),
            handler.value(QLatin1String("response")).toString() });
    }
    script.rateMinMinor = object.value(QLatin1String("rateMinMinor")).toString().toLongLong();
    script.rateMaxMinor = object.value(QLatin1String("rateMaxMinor")).toString().toLongLong();
    script.currency = object.value(QLatin1String("currency")).toString(QStringLiteral("USD"));
    script.closingStrategy = object.value(QLatin1String("closingStrategy")).toString();
    script.voiceId = object.value(QLatin1String("voiceId")).toString();
    script.llmModel = object.value(QLatin1String("llmModel")).toString();
    script.language = object.value(QLatin1String("language")).toString(QStringLiteral("en"));
    script.temperature = object.value(QLatin1String("temperature")).toDouble(0.7);
    return script;
}

} // namespace CallScriptJson
