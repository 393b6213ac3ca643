#include "services/calling/CallingSettings.h"

#include "services/phone/PhoneNormalizer.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CallingSettings", text);
}

const QString kTimeFormat = QStringLiteral("HH:mm");

QUrl urlOr(const QVariant& value, const QUrl& fallback)
{
    const QUrl url(value.toString().trimmed(), QUrl::TolerantMode);
    return url.isValid() && !url.isEmpty() ? url : fallback;
}

QTime timeOr(const QVariant& value, const QTime& fallback)
{
    const QTime time = QTime::fromString(value.toString(), kTimeFormat);
    return time.isValid() ? time : fallback;
}

void checkUrl(FieldErrors& errors, const QString& field, const QString& provider, const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        errors.append({ field, tr("The %1 base URL must be an http:// or https:// address.").arg(provider) });
}
} // namespace

CallingSettings CallingSettings::load(const QString& workspaceId)
{
    CallingSettings defaults;
    CallingSettings s;
    QSettings settings;
    settings.beginGroup(settingsGroup(workspaceId));
    s.vapiBaseUrl = urlOr(settings.value(QStringLiteral("vapiBaseUrl")), defaults.vapiBaseUrl);
    s.twilioBaseUrl = urlOr(settings.value(QStringLiteral("twilioBaseUrl")), defaults.twilioBaseUrl);
    s.elevenLabsBaseUrl = urlOr(settings.value(QStringLiteral("elevenLabsBaseUrl")), defaults.elevenLabsBaseUrl);
    s.twilioAccountSid = settings.value(QStringLiteral("twilioAccountSid")).toString();
    s.twilioFromNumber = settings.value(QStringLiteral("twilioFromNumber")).toString();
    s.ownPhone = settings.value(QStringLiteral("ownPhone")).toString();
    s.vapiPhoneNumberId = settings.value(QStringLiteral("vapiPhoneNumberId")).toString();
    s.defaultVoiceId = settings.value(QStringLiteral("defaultVoiceId")).toString();
    s.elevenLabsModel = settings.value(QStringLiteral("elevenLabsModel"), defaults.elevenLabsModel).toString();
    s.callingHoursStart = timeOr(settings.value(QStringLiteral("callingHoursStart")), defaults.callingHoursStart);
    s.callingHoursEnd = timeOr(settings.value(QStringLiteral("callingHoursEnd")), defaults.callingHoursEnd);
    s.maxConcurrentCalls = std::clamp(
        settings.value(QStringLiteral("maxConcurrentCalls"), defaults.maxConcurrentCalls).toInt(), 1, kMaxConcurrentLimit);
    const double cps = settings.value(QStringLiteral("callsPerSecond"), defaults.callsPerSecond).toDouble();
    s.callsPerSecond = cps > 0 && std::isfinite(cps) ? std::min(cps, double(kMaxCallsPerSecond)) : defaults.callsPerSecond;
    s.callOnWeekends = settings.value(QStringLiteral("callOnWeekends"), defaults.callOnWeekends).toBool();
    s.pollIntervalMs
        = std::clamp(settings.value(QStringLiteral("pollIntervalMs"), defaults.pollIntervalMs).toInt(), 200, 60000);
    s.analysisGraceMs
        = std::clamp(settings.value(QStringLiteral("analysisGraceMs"), defaults.analysisGraceMs).toInt(), 0, 300000);
    return s;
}

void CallingSettings::save(const QString& workspaceId) const
{
    QSettings settings;
    settings.beginGroup(settingsGroup(workspaceId));
    settings.setValue(QStringLiteral("vapiBaseUrl"), vapiBaseUrl.toString());
    settings.setValue(QStringLiteral("twilioBaseUrl"), twilioBaseUrl.toString());
    settings.setValue(QStringLiteral("elevenLabsBaseUrl"), elevenLabsBaseUrl.toString());
    settings.setValue(QStringLiteral("twilioAccountSid"), twilioAccountSid);
    settings.setValue(QStringLiteral("twilioFromNumber"), twilioFromNumber);
    settings.setValue(QStringLiteral("ownPhone"), ownPhone);
    settings.setValue(QStringLiteral("vapiPhoneNumberId"), vapiPhoneNumberId);
    settings.setValue(QStringLiteral("defaultVoiceId"), defaultVoiceId);
    settings.setValue(QStringLiteral("elevenLabsModel"), elevenLabsModel);
    settings.setValue(QStringLiteral("callingHoursStart"), callingHoursStart.toString(kTimeFormat));
    settings.setValue(QStringLiteral("callingHoursEnd"), callingHoursEnd.toString(kTimeFormat));
    settings.setValue(QStringLiteral("maxConcurrentCalls"), maxConcurrentCalls);
    settings.setValue(QStringLiteral("callsPerSecond"), callsPerSecond);
    settings.setValue(QStringLiteral("callOnWeekends"), callOnWeekends);
    settings.setValue(QStringLiteral("pollIntervalMs"), pollIntervalMs);
    settings.setValue(QStringLiteral("analysisGraceMs"), analysisGraceMs);
}

bool CallingSettings::isE164(const QString& number)
{
    static const QRegularExpression pattern(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
    if (!pattern.match(number).hasMatch())
        return false;
    const PhoneNormalizer::Result result = PhoneNormalizer().normalize(number);
    return result.ok() && result.e164 == number;
}

FieldErrors CallingSettings::validate() const
{
    FieldErrors errors;
    checkUrl(errors, QStringLiteral("vapiBaseUrl"), QStringLiteral("Vapi"), vapiBaseUrl);
    checkUrl(errors, QStringLiteral("twilioBaseUrl"), QStringLiteral("Twilio"), twilioBaseUrl);
    checkUrl(errors, QStringLiteral("elevenLabsBaseUrl"), QStringLiteral("ElevenLabs"), elevenLabsBaseUrl);
    static const QRegularExpression sid(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
    if (!twilioAccountSid.isEmpty() && !sid.match(twilioAccountSid).hasMatch())
        errors.append({ QStringLiteral("twilioAccountSid"),
            tr("A Twilio account SID starts with AC followed by 32 letters and digits (Twilio Console → Account "
               "info).") });
    if (!twilioFromNumber.isEmpty() && !isE164(twilioFromNumber))
        errors.append({ QStringLiteral("twilioFromNumber"),
            tr("The Twilio number must be a valid international number such as +14155550123.") });
    if (!ownPhone.isEmpty() && !isE164(ownPhone))
        errors.append({ QStringLiteral("ownPhone"),
            tr("Your phone must be a valid international number such as +4915112345678.") });
    static const QRegularExpression plainId(QStringLiteral("^[A-Za-z0-9_-]{0,64}$"));
    if (!plainId.match(vapiPhoneNumberId).hasMatch())
        errors.append({ QStringLiteral("vapiPhoneNumberId"),
            tr("The Vapi phone number id is the id shown in Vapi's dashboard (letters, digits and dashes).") });
    if (!plainId.match(defaultVoiceId).hasMatch())
        errors.append({ QStringLiteral("defaultVoiceId"),
            tr("A voice id may only contain letters, digits, “-” and “_”; pick the voice from the list.") });
    if (!callingHoursStart.isValid() || !callingHoursEnd.isValid() || callingHoursStart >= callingHoursEnd)
        errors.append({ QStringLiteral("callingHours"),
            tr("Calling hours must start before they end, for example 09:00 to 20:00.") });
    if (maxConcurrentCalls < 1 || maxConcurrentCalls > kMaxConcurrentLimit)
        errors.append({ QStringLiteral("maxConcurrentCalls"),
            tr("Concurrent calls must be between 1 and %1.").arg(kMaxConcurrentLimit) });
    if (!(callsPerSecond > 0) || callsPerSecond > kMaxCallsPerSecond)
        errors.append({ QStringLiteral("callsPerSecond"),
            tr("Calls per second must be above 0 and at most %1.").arg(kMaxCallsPerSecond) });
    return errors;
}

bool CallingSettings::withinCallingHours(const QTime& localTime) const
{
    return localTime.isValid() && localTime >= callingHoursStart && localTime < callingHoursEnd;
}

int CallingSettings::minStartIntervalMs() const
{
    return callsPerSecond > 0 ? int(std::ceil(1000.0 / callsPerSecond)) : 1000;
}
