#include "services/providers/TelephonyTypes.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Telephony", text);
}
} // namespace

TelephonyError TelephonyError::make(Kind kind, const QString& detail, int httpStatus)
{
    TelephonyError error;
    error.kind = kind;
    error.detail = detail;
    error.httpStatus = httpStatus;
    switch (kind) {
    case None:
        break;
    case NotConfigured:
        error.message = tr("Calling is not set up: add the provider's API key and phone number in Settings → Calling.");
        break;
    case Network:
        error.message = tr("The calling provider could not be reached. Check the internet connection and try again.");
        break;
    case Timeout:
        error.message = tr("The calling provider did not answer in time. Try again in a moment.");
        break;
    case Cancelled:
        error.message = tr("The request was cancelled.");
        break;
    case Unauthorized:
        error.message = tr("The calling provider refused the API key. Check it in Settings → Calling.");
        break;
    case RateLimited:
        error.message = tr("The calling provider is limiting requests. Wait a minute, or lower the calls per second "
                           "and concurrency in Settings → Calling.");
        break;
    case Server:
        error.message = tr("The calling provider had an internal error. Try again later.");
        break;
    case Rejected:
        error.message = tr("The calling provider rejected the request: %1").arg(detail);
        break;
    case NotFound:
        error.message = tr("The calling provider does not know this call or number.");
        break;
    case BadResponse:
        error.message = tr("The calling provider sent an answer that could not be read.");
        break;
    }
    return error;
}

QString TelephonyError::kindName(Kind kind)
{
    static const char* const names[] = { "none", "not-configured", "network", "timeout", "cancelled", "unauthorized",
        "rate-limited", "server", "rejected", "not-found", "bad-response" };
    return QString::fromLatin1(names[kind]);
}

QStringList AssistantConfig::allowedKeys()
{
    return { QStringLiteral("voiceId"), QStringLiteral("llmModel"), QStringLiteral("openingLine"),
        QStringLiteral("language"), QStringLiteral("temperature") };
}

AssistantConfig AssistantConfig::fromJson(const QJsonObject& object, QStringList* dropped)
{
    AssistantConfig config;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("temperature") && value.isDouble())
            config.temperature = std::clamp(value.toDouble(), 0.0, 2.0);
        else if (key == QLatin1String("voiceId") && value.isString())
            config.voiceId = value.toString();
        else if (key == QLatin1String("llmModel") && value.isString())
            config.llmModel = value.toString();
        else if (key == QLatin1String("openingLine") && value.isString())
            config.openingLine = value.toString();
        else if (key == QLatin1String("language") && value.isString())
            config.language = value.toString();
        else if (dropped)
            dropped->append(key);
    }
    return config;
}

QJsonObject AssistantConfig::toJson() const
{
    QJsonObject object;
    if (voiceId)
        object.insert(QStringLiteral("voiceId"), *voiceId);
    if (llmModel)
        object.insert(QStringLiteral("llmModel"), *llmModel);
    if (openingLine)
        object.insert(QStringLiteral("openingLine"), *openingLine);
    if (language)
        object.insert(QStringLiteral("language"), *language);
    if (temperature)
        object.insert(QStringLiteral("temperature"), *temperature);
    return object;
}

CallScript AssistantConfig::appliedTo(CallScript script) const
{
    if (voiceId && !voiceId->trimmed().isEmpty())
        script.voiceId = voiceId->trimmed();
    if (llmModel && !llmModel->trimmed().isEmpty())
        script.llmModel = llmModel->trimmed();
    if (openingLine && !openingLine->trimmed().isEmpty())
        script.openingLine = *openingLine;
    if (language && !language->trimmed().isEmpty())
        script.language = language->trimmed();
    if (temperature)
        script.temperature = *temperature;
    return script;
}
