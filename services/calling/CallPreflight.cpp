#include "services/calling/CallPreflight.h"

#include <QLocale>
#include <QTimeZone>

#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

CallPreflight::CallPreflight(CallingSettings settings)
    : m_settings(std::move(settings))
{
}

QString CallPreflight::regionOf(const QString& e164)
{
    if (!e164.startsWith(u'+'))
        return {};
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    if (!util->IsValidNumber(number))
        return {};
    std::string region;
    util->GetRegionCodeForNumber(number, &region);
    return region == "ZZ" ? QString() : QString::fromStdString(region);
}

QStringList CallPreflight::timeZonesOf(const QString& region)
{
    QStringList zones;
    if (region.isEmpty())
        return zones;
    const QLocale::Territory territory = QLocale::codeToTerritory(region);
    if (territory == QLocale::AnyTerritory)
        return zones;
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds(territory))
        zones.append(QString::fromLatin1(id));
    return zones;
}

CallPreflight::Result CallPreflight::check(const Lead& lead, const QDateTime& nowUtc, Channel channel) const
{
    Result result;
    const QString who = lead.name.isEmpty() ? tr("This lead") : lead.name;
    if (lead.deleted) {
        result.refusal = Refusal::LeadDeleted;
        result.message = channel == Channel::Call ? tr("%1 was deleted and cannot be called.").arg(who)
                                                  : tr("%1 was deleted and cannot be texted.").arg(who);
        return result;
    }
    if (channel == Channel::Text && lead.smsOptOut) {
        result.refusal = Refusal::NoTexts;
        result.message = tr("%1 opted out of text messages. Clear it on the lead only if they agreed to texts again.")
                             .arg(who);
        return result;
    }
    if (channel == Channel::Call && lead.doNotCall) {
        result.refusal = Refusal::DoNotCall;
        result.message = tr("%1 asked not to be called (do not call is set). Clear it on the lead only if they agreed "
                            "to calls again.")
                             .arg(who);
        return result;
    }
    if (lead.phone.trimmed().isEmpty()) {
        result.refusal = lead.phoneRaw.trimmed().isEmpty() ? Refusal::NoNumber : Refusal::InvalidNumber;
        result.message = lead.phoneRaw.trimmed().isEmpty()
            ? tr("%1 has no phone number. Add one in international format, such as +14155550100.").arg(who)
            : tr("The phone number of %1 (“%2”) is not a valid number. Correct it in international format, such as "
                 "+14155550100.")
                  .arg(who, lead.phoneRaw.trimmed());
        return result;
    }
    result.region = regionOf(lead.phone.trimmed());
    if (result.region.isEmpty()) {
        result.refusal = Refusal::InvalidNumber;
        result.message = tr("The phone number of %1 (“%2”) is not a valid E.164 number. Correct it in international "
                            "format, such as +14155550100.")
                             .arg(who, lead.phone);
        return result;
    }
    result.timeZones = timeZonesOf(result.region);
    if (result.timeZones.isEmpty()) {
        result.refusal = Refusal::UnknownTimeZone;
        result.message = tr("The local time of %1 cannot be told from the number's country (%2), so calling hours "
                            "cannot be checked.")
                             .arg(who, result.region);
        return result;
    }
    for (const QString& id : std::as_const(result.timeZones)) {
        const QDateTime local = nowUtc.toTimeZone(QTimeZone(id.toLatin1()));
        const QTime time = local.time();
        const bool weekend = local.date().dayOfWeek() >= 6;
        const bool inside = time >= m_settings.callingHoursStart && time < m_settings.callingHoursEnd
            && (m_settings.callOnWeekends || !weekend);
        if (!inside) {
            result.refusal = Refusal::OutsideCallingHours;
            const QString hours = tr("%1–%2").arg(m_settings.callingHoursStart.toString(QStringLiteral("HH:mm")),
                m_settings.callingHoursEnd.toString(QStringLiteral("HH:mm")));
            result.message = weekend && !m_settings.callOnWeekends
                ? tr("It is the weekend for %1 (%2, %3). Calls on weekends are off in Settings → Calling.")
                      .arg(who, id, QLocale().toString(local, QLocale::ShortFormat))
                : tr("It is %1 for %2 (%3), outside the calling hours %4. Try again later.")
                      .arg(time.toString(QStringLiteral("HH:mm")), who, id, hours);
            return result;
        }
    }
    return result;
}
