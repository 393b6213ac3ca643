#include "services/providers/VapiCallParser.h"

#include <QJsonArray>

namespace {
QString text(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

QDateTime time(const QJsonObject& object, const char* key)
{
    QDateTime value = QDateTime::fromString(text(object, key), Qt::ISODateWithMs);
    return value.isValid() ? value.toUTC() : QDateTime();
}
} // namespace

bool VapiCallParser::isNoAnswerReason(const QString& reason)
{
    return reason == QLatin1String("customer-did-not-answer") || reason == QLatin1String("customer-busy")
        || reason == QLatin1String("voicemail") || reason.contains(QLatin1String("no-answer"))
        || reason.endsWith(QLatin1String("-busy"));
}

bool VapiCallParser::isFailureReason(const QString& reason)
{
    return reason.startsWith(QLatin1String("pipeline-error")) || reason.startsWith(QLatin1String("call.start.error"))
        || reason.startsWith(QLatin1String("call.in-progress.error")) || reason.contains(QLatin1String("fault"))
        || reason == QLatin1String("assistant-not-found") || reason.endsWith(QLatin1String("misdialed"))
        || reason.contains(QLatin1String("-error-")) || reason.startsWith(QLatin1String("assistant-error"))
        || reason == QLatin1String("phone-call-provider-closed-websocket");
}

bool VapiCallParser::parse(const QJsonObject& object, ProviderCall* call)
{
    const QString id = text(object, "id");
    if (id.isEmpty())
        return false;
    ProviderCall result;
    result.providerCallId = id;
    result.rawStatus = text(object, "status");
    const QString& status = result.rawStatus;
    if (status == QLatin1String("ringing"))
        result.phase = ProviderCall::Phase::Ringing;
    else if (status == QLatin1String("in-progress") || status == QLatin1String("forwarding"))
        result.phase = ProviderCall::Phase::InProgress;
    else if (status == QLatin1String("ended") || status == QLatin1String("not-found")
        || status == QLatin1String("deletion-failed"))
        result.phase = ProviderCall::Phase::Ended;
    else
        result.phase = ProviderCall::Phase::Queued;

    result.endedReason = text(object, "endedReason");
    if (result.ended()) {
        result.noAnswer = isNoAnswerReason(result.endedReason);
        result.failed = !result.noAnswer
            && (isFailureReason(result.endedReason) || status != QLatin1String("ended"));
    }
    result.startedAt = time(object, "startedAt");
    result.endedAt = time(object, "endedAt");
    if (result.startedAt.isValid() && result.endedAt.isValid())
        result.durationSeconds = int(std::max<qint64>(0, result.startedAt.secsTo(result.endedAt)));
    result.cost = object.value(QLatin1String("cost")).toDouble();

    const QJsonObject artifact = object.value(QLatin1String("artifact")).toObject();
    result.transcript = text(artifact, "transcript");
    if (result.transcript.isEmpty())
        result.transcript = text(object, "transcript");
    result.messages = artifact.value(QLatin1String("messages")).toArray();
    if (result.messages.isEmpty())
        result.messages = object.value(QLatin1String("messages")).toArray();
    const QJsonObject recording = artifact.value(QLatin1String("recording")).toObject();
    result.recordingUrl = recording.value(QLatin1String("mono")).toObject().value(QLatin1String("combinedUrl")).toString();
    for (const char* key : { "stereoUrl" }) {
        if (result.recordingUrl.isEmpty())
            result.recordingUrl = text(recording, key);
    }
    for (const char* key : { "recordingUrl", "stereoRecordingUrl" }) {
        if (result.recordingUrl.isEmpty())
            result.recordingUrl = text(artifact, key);
        if (result.recordingUrl.isEmpty())
            result.recordingUrl = text(object, key);
    }

    const QJsonObject analysis = object.value(QLatin1String("analysis")).toObject();
    result.summary = text(analysis, "summary");
    if (result.summary.isEmpty())
        result.summary = text(object, "summary");
    result.structuredData = analysis.value(QLatin1String("structuredData")).toObject();
    const QJsonValue success = analysis.value(QLatin1String("successEvaluation"));
    result.successEvaluation = success.isBool() ? (success.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                : success.toVariant().toString();
    result.sentiment = text(result.structuredData, "sentiment");
    if (result.sentiment.isEmpty())
        result.sentiment = text(analysis, "sentiment");
    result.analysisReady = !result.summary.isEmpty() || !result.structuredData.isEmpty();

    const QJsonObject monitor = object.value(QLatin1String("monitor")).toObject();
    result.listenUrl = QUrl(text(monitor, "listenUrl"));
    result.controlUrl = QUrl(text(monitor, "controlUrl"));
    *call = result;
    return true;
}
