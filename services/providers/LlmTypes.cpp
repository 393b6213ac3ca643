#include "services/providers/LlmTypes.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LlmClient", text);
}

QString withDetail(const QString& message, const QString& detail)
{
    if (detail.isEmpty())
        return message;
    return message + QLatin1Char(' ') + tr("Details: %1").arg(detail);
}
} // namespace

LlmError LlmError::make(Kind kind, const QString& detail, int httpStatus)
{
    LlmError error;
    error.kind = kind;
    error.detail = detail;
    error.httpStatus = httpStatus;
    switch (kind) {
    case None:
        break;
    case NotConfigured:
        error.message = tr("AI is not set up yet. Fill in the base URL and the model in Settings → AI.");
        break;
    case Network:
        error.message = withDetail(
            tr("Could not reach the AI server. Check the base URL in Settings → AI and your network connection."),
            detail);
        break;
    case Timeout:
        error.message = tr("The AI server did not answer in time. Try again, or use a faster model in Settings → AI.");
        break;
    case Cancelled:
        error.message = tr("The AI request was cancelled.");
        break;
    case Unauthorized:
        error.message = withDetail(
            tr("The AI server rejected the API key. Check the key in Settings → AI."), detail);
        break;
    case RateLimited:
        error.message = withDetail(
            tr("The AI server is rate-limiting requests or the account is out of quota. Wait a minute and try again, "
               "or check your plan with the provider."),
            detail);
        break;
    case Server:
        error.message = withDetail(
            tr("The AI server had a problem (HTTP %1). Try again later.").arg(httpStatus), detail);
        break;
    case BadResponse:
        error.message = withDetail(
            tr("The AI server sent an answer Business Hub cannot use. Check the model name in Settings → AI."),
            detail);
        break;
    case SchemaViolation:
        error.message = withDetail(
            tr("The AI answer did not have the expected structure, even after one correction. Try again or pick a "
               "stronger model in Settings → AI."),
            detail);
        break;
    case BudgetExceeded:
        error.message = detail.isEmpty() ? tr("This month’s AI budget is used up. Raise it in Settings → AI.") : detail;
        break;
    }
    return error;
}

QString LlmError::kindName(Kind kind)
{
    static const char* const names[] = { "None", "NotConfigured", "Network", "Timeout", "Cancelled", "Unauthorized",
        "RateLimited", "Server", "BadResponse", "SchemaViolation", "BudgetExceeded" };
    return QString::fromLatin1(names[kind]);
}
