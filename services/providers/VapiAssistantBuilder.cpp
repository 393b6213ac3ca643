#include "services/providers/VapiAssistantBuilder.h"

#include "models/Money.h"

#include <QJsonArray>

namespace {
QString fallback(const QString& value, const QString& otherwise)
{
    return value.trimmed().isEmpty() ? otherwise : value.trimmed();
}
} // namespace

QString VapiAssistantBuilder::systemPrompt(const CallScript& script)
{
    QStringList parts;
    parts << QStringLiteral("You are a friendly, professional sales caller making an outbound phone call on behalf "
                            "of the user. Speak naturally, keep answers short, and never invent facts.");
    if (!script.purpose.trimmed().isEmpty())
        parts << QStringLiteral("Purpose of the call: %1").arg(script.purpose.trimmed());
    if (!script.industry.trimmed().isEmpty())
        parts << QStringLiteral("The lead works in: %1").arg(script.industry.trimmed());
    parts << QStringLiteral("You are speaking with {{name}} from {{company}}.");
    if (!script.talkingPoints.isEmpty()) {
        QStringList points;
        for (const QString& point : script.talkingPoints) {
            if (!point.trimmed().isEmpty())
                points << QStringLiteral("- ") + point.trimmed();
        }
        if (!points.isEmpty())
            parts << QStringLiteral("Talking points, in this order when the conversation allows:\n") + points.join(u'\n');
    }
    if (!script.objectionHandlers.isEmpty()) {
        QStringList handlers;
        for (const ObjectionHandler& handler : script.objectionHandlers) {
            if (!handler.objection.trimmed().isEmpty())
                handlers << QStringLiteral("- If they say \"%1\": %2")
                                .arg(handler.objection.trimmed(), handler.response.trimmed());
        }
        if (!handlers.isEmpty())
            parts << QStringLiteral("Objections and how to answer them:\n") + handlers.join(u'\n');
    }
    if (script.rateMinMinor > 0 || script.rateMaxMinor > 0) {
        parts << QStringLiteral("Price range you may quote: %1 to %2. Never go below the lower bound.")
                     .arg(Money::format(script.rateMinMinor, script.currency),
                         Money::format(std::max(script.rateMaxMinor, script.rateMinMinor), script.currency));
    }
    if (!script.closingStrategy.trimmed().isEmpty())
        parts << QStringLiteral("How to close: %1").arg(script.closingStrategy.trimmed());
    parts << QStringLiteral("If the person asks not to be called again, apologise, confirm it and end the call.");
    return parts.join(QStringLiteral("\n\n"));
}

QJsonObject VapiAssistantBuilder::structuredDataSchema()
{
    const QJsonObject outcome { { QStringLiteral("type"), QStringLiteral("string") },
        { QStringLiteral("enum"),
            QJsonArray { QStringLiteral("booked"), QStringLiteral("follow-up"), QStringLiteral("not-interested"),
                QStringLiteral("no-answer") } },
        { QStringLiteral("description"), QStringLiteral("How the call ended for the sale.") } };
    const QJsonObject sentiment { { QStringLiteral("type"), QStringLiteral("string") },
        { QStringLiteral("enum"),
            QJsonArray { QStringLiteral("positive"), QStringLiteral("neutral"), QStringLiteral("negative") } } };
    return { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("properties"),
            QJsonObject { { QStringLiteral("outcome"), outcome }, { QStringLiteral("sentiment"), sentiment } } },
        { QStringLiteral("required"), QJsonArray { QStringLiteral("outcome"), QStringLiteral("sentiment") } } };
}

QJsonObject VapiAssistantBuilder::createCallBody(const OutboundCallRequest& request, const QString& phoneNumberId)
{
    const CallScript script = request.config.appliedTo(request.script);
    const QJsonObject systemMessage { { QStringLiteral("role"), QStringLiteral("system") },
        { QStringLiteral("content"), systemPrompt(script) } };
    const QJsonObject model { { QStringLiteral("provider"), QStringLiteral("openai") },
        { QStringLiteral("model"), fallback(script.llmModel, QStringLiteral("gpt-4o-mini")) },
        { QStringLiteral("temperature"), std::clamp(script.temperature, 0.0, 2.0) },
        { QStringLiteral("messages"), QJsonArray { systemMessage } } };
    QJsonObject assistant { { QStringLiteral("name"), fallback(script.name, QStringLiteral("Business Hub caller")).left(40) },
        { QStringLiteral("firstMessage"), script.openingLine },
        { QStringLiteral("firstMessageMode"), QStringLiteral("assistant-speaks-first") },
        { QStringLiteral("model"), model },
        { QStringLiteral("transcriber"),
            QJsonObject { { QStringLiteral("provider"), QStringLiteral("deepgram") },
                { QStringLiteral("language"), fallback(script.language, QStringLiteral("en")) } } },
        { QStringLiteral("analysisPlan"),
            QJsonObject { { QStringLiteral("summaryPlan"), QJsonObject { { QStringLiteral("enabled"), true } } },
                { QStringLiteral("structuredDataPlan"),
                    QJsonObject { { QStringLiteral("enabled"), true },
                        { QStringLiteral("schema"), structuredDataSchema() } } } } },
        { QStringLiteral("artifactPlan"), QJsonObject { { QStringLiteral("recordingEnabled"), true } } },
        { QStringLiteral("monitorPlan"),
            QJsonObject { { QStringLiteral("listenEnabled"), true }, { QStringLiteral("controlEnabled"), true } } } };
    if (!script.voiceId.trimmed().isEmpty())
        assistant.insert(QStringLiteral("voice"),
            QJsonObject { { QStringLiteral("provider"), QStringLiteral("11labs") },
                { QStringLiteral("voiceId"), script.voiceId.trimmed() } });

    QJsonObject customer { { QStringLiteral("number"), request.customerNumber } };
    if (!request.customerName.trimmed().isEmpty())
        customer.insert(QStringLiteral("name"), request.customerName.trimmed().left(40));
    if (!request.leadId.isEmpty())
        customer.insert(QStringLiteral("externalId"), request.leadId);

    QJsonObject body { { QStringLiteral("phoneNumberId"), phoneNumberId }, { QStringLiteral("customer"), customer },
        { QStringLiteral("assistant"), assistant },
        { QStringLiteral("assistantOverrides"),
            QJsonObject { { QStringLiteral("variableValues"), QJsonObject::fromVariantMap(request.variables) } } } };
    if (!request.label.isEmpty())
        body.insert(QStringLiteral("name"), request.label.left(40));
    return body;
}
