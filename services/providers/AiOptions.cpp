#include "services/providers/AiOptions.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AiOptions", text);
}
} // namespace

QUrl AiOptions::parseBaseUrl(const QString& text)
{
    return QUrl(text.trimmed(), QUrl::TolerantMode);
}

FieldErrors AiOptions::validate() const
{
    FieldErrors errors;
    if (!baseUrl.isEmpty()) {
        const QString scheme = baseUrl.scheme().toLower();
        if (!baseUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            errors.append({ QStringLiteral("baseUrl"),
                tr("The base URL must start with http:// or https://, for example https://api.openai.com/v1 or "
                   "http://127.0.0.1:11434/v1.") });
        else if (baseUrl.host().isEmpty())
            errors.append({ QStringLiteral("baseUrl"),
                tr("The base URL needs a host name, for example https://api.openai.com/v1.") });
        if (model.trimmed().isEmpty())
            errors.append({ QStringLiteral("model"),
                tr("Enter the model to use, for example gpt-4o-mini or llama3.1 (the server’s list of models "
                   "appears after “Test connection”).") });
    }
    if (timeoutSeconds < kMinTimeoutSeconds || timeoutSeconds > kMaxTimeoutSeconds)
        errors.append({ QStringLiteral("timeout"),
            tr("The timeout must be between %1 and %2 seconds.").arg(kMinTimeoutSeconds).arg(kMaxTimeoutSeconds) });
    if (orgBudgetMicros && *orgBudgetMicros < 0)
        errors.append({ QStringLiteral("orgBudget"), tr("A budget cannot be negative.") });
    if (myBudgetMicros && *myBudgetMicros < 0)
        errors.append({ QStringLiteral("myBudget"), tr("A budget cannot be negative.") });
    return errors;
}
