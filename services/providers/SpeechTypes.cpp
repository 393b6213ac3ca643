#include "services/providers/SpeechTypes.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SpeechSynthesis", text);
}

QString withDetail(const QString& message, const QString& detail)
{
    return detail.isEmpty() ? message : message + QLatin1Char(' ') + tr("Details: %1").arg(detail);
}
} // namespace

SpeechError SpeechError::make(Kind kind, const QString& detail, int httpStatus)
{
    SpeechError error;
    error.kind = kind;
    error.detail = detail;
    error.httpStatus = httpStatus;
    switch (kind) {
    case None:
        break;
    case NotConfigured:
        error.message = tr("Voice preview needs an ElevenLabs API key. Enter it in Settings → Calling.");
        break;
    case Network:
        error.message = withDetail(
            tr("Could not reach ElevenLabs. Check your network connection and the base URL in Settings → Calling."),
            detail);
        break;
    case Timeout:
        error.message = tr("ElevenLabs did not answer in time. Try again in a moment.");
        break;
    case Cancelled:
        error.message = tr("The voice preview was cancelled.");
        break;
    case Unauthorized:
        error.message
            = withDetail(tr("ElevenLabs rejected the API key. Check the key in Settings → Calling."), detail);
        break;
    case RateLimited:
        error.message = withDetail(
            tr("ElevenLabs is limiting requests or the character quota is used up. Wait a moment and try again, or "
               "check your plan."),
            detail);
        break;
    case Server:
        error.message = withDetail(tr("ElevenLabs had a problem (HTTP %1). Try again later.").arg(httpStatus), detail);
        break;
    case BadRequest:
        error.message
            = withDetail(tr("ElevenLabs refused the request: check the voice and the text of the preview."), detail);
        break;
    case BadResponse:
        error.message = withDetail(tr("ElevenLabs sent an answer Business Hub cannot use."), detail);
        break;
    }
    return error;
}

QString SpeechError::kindName(Kind kind)
{
    static const char* const names[] = { "None", "NotConfigured", "Network", "Timeout", "Cancelled", "Unauthorized",
        "RateLimited", "Server", "BadRequest", "BadResponse" };
    return QString::fromLatin1(names[kind]);
}
