#include "services/calling/CallingSettings.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

#include <cmath>

namespace {
QString group(const QString& workspaceId)
{
    return QStringLiteral("calling/") + workspaceId;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("CallingSettings", text);
}

bool isE164(const QString& number)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+[1-9]\\d{6,14}$"));
    return pattern.match(number).hasMatch();
}

bool isHttpUrl(const QUrl& url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}
} // namespace

CallingSettings CallingSettings::load(const QString& workspaceId)
{
    CallingSettings defaults;
    CallingSettings result;
    QSettings settings;
    settings.beginGroup(group(workspaceId));
    result.vapiBaseUrl = QUrl(settings.value(QStringLiteral("vapiBaseUrl"), defaults.vapiBaseUrl.toString()).toString());
    result.vapiPhoneNumberId = settings.value(QStringLiteral("vapiPhoneNumberId")).toString();
    result.twilioBaseUrl
        = QUrl(settings.value(QStringLiteral("twilioBaseUrl"), defaults.twilioBaseUrl.toString()).toString());
    result.twilioAccountSid = settings.value(QStringLiteral("twilioAccountSid")).toString();
    result.twilioFromNumber = settings.value(QStringLiteral("twilioFromNumber")).toString();
    result.userPhone = settings.value(QStringLiteral("userPhone")).toString();
    const QTime start = QTime::fromString(settings.value(QStringLiteral("callingHoursStart")).toString(), Qt::ISODate);
    const QTime end = QTime::fromString(settings.value(QStringLiteral("callingHoursEnd")).toString(), Qt::ISODate);
    if (start.isValid())
        result.callingHoursStart = start;
    if (end.isValid())
        result.callingHoursEnd = end;
    result.callOnWeekends = settings.value(QStringLiteral("callOnWeekends"), defaults.callOnWeekends).toBool();
    result.maxConcurrentCalls = std::clamp(settings.value(QStringLiteral("maxConcurrentCalls"),
                                               defaults.maxConcurrentCalls).toInt(), kMinConcurrent, kMaxConcurrent);
    const double cps = settings.value(QStringLiteral("callsPerSecond"), defaults.callsPerSecond).toDouble();
    result.callsPerSecond = cps > 0 && std::isfinite(cps) ? std::min(cps, 100.0) : defaults.callsPerSecond;
    result.pollIntervalMs
        = std::clamp(settings.value(QStringLiteral("pollIntervalMs"), defaults.pollIntervalMs).toInt(), 200, 60000);
    result.analysisGraceMs
        = std::clamp(settings.value(QStringLiteral("analysisGraceMs"), defaults.analysisGraceMs).toInt(), 0, 300000);
    return result;
}

void CallingSettings::save(const QString& workspaceId) const
{
    QSettings settings;
    settings.beginGroup(group(workspaceId));
    settings.setValue(QStringLiteral("vapiBaseUrl"), vapiBaseUrl.toString());
    settings.setValue(QStringLiteral("vapiPhoneNumberId"), vapiPhoneNumberId);
    settings.setValue(QStringLiteral("twilioBaseUrl"), twilioBaseUrl.toString());
    settings.setValue(QStringLiteral("twilioAccountSid"), twilioAccountSid);
    settings.setValue(QStringLiteral("twilioFromNumber"), twilioFromNumber);
    settings.setValue(QStringLiteral("userPhone"), userPhone);
    settings.setValue(QStringLiteral("callingHoursStart"), callingHoursStart.toString(QStringLiteral("HH:mm")));
    settings.setValue(QStringLiteral("callingHoursEnd"), callingHoursEnd.toString(QStringLiteral("HH:mm")));
    settings.setValue(QStringLiteral("callOnWeekends"), callOnWeekends);
    settings.setValue(QStringLiteral("maxConcurrentCalls"), maxConcurrentCalls);
    settings.setValue(QStringLiteral("callsPerSecond"), callsPerSecond);
    settings.setValue(QStringLiteral("pollIntervalMs"), pollIntervalMs);
    settings.setValue(QStringLiteral("analysisGraceMs"), analysisGraceMs);
}

FieldErrors CallingSettings::validate() const
{
    FieldErrors errors;
    if (!isHttpUrl(vapiBaseUrl))
        errors.append({ QStringLiteral("vapiBaseUrl"), tr("Enter the Vapi address as an http(s) URL.") });
    if (!isHttpUrl(twilioBaseUrl))
        errors.append({ QStringLiteral("twilioBaseUrl"), tr("Enter the Twilio address as an http(s) URL.") });
    if (!twilioFromNumber.isEmpty() && !isE164(twilioFromNumber))
        errors.append({ QStringLiteral("twilioFromNumber"),
            tr("Enter the Twilio number in international format, such as +14155550100.") });
    if (!userPhone.isEmpty() && !isE164(userPhone))
        errors.append({ QStringLiteral("userPhone"),
            tr("Enter your phone number in international format, such as +14155550100.") });
    if (!callingHoursStart.isValid() || !callingHoursEnd.isValid() || callingHoursStart >= callingHoursEnd)
        errors.append({ QStringLiteral("callingHours"), tr("Calling hours must start before they end.") });
    if (maxConcurrentCalls < kMinConcurrent || maxConcurrentCalls > kMaxConcurrent)
        errors.append({ QStringLiteral("maxConcurrentCalls"),
            tr("Concurrent calls must be between %1 and %2.").arg(kMinConcurrent).arg(kMaxConcurrent) });
    if (!(callsPerSecond > 0) || callsPerSecond > 100)
        errors.append({ QStringLiteral("callsPerSecond"), tr("Calls per second must be above 0 and at most 100.") });
    return errors;
}

int CallingSettings::minStartIntervalMs() const
{
    return callsPerSecond > 0 ? int(std::ceil(1000.0 / callsPerSecond)) : 1000;
}
