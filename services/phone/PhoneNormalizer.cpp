#include "services/phone/PhoneNormalizer.h"

#include <phonenumbers/phonenumberutil.h>

#include <set>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNormalizer::PhoneNormalizer(QString defaultRegion)
    : m_region(defaultRegion.toUpper())
{
}

bool PhoneNormalizer::isKnownRegion(const QString& region)
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region.toUpper().toStdString()) > 0;
}

QStringList PhoneNormalizer::supportedRegions()
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    QStringList result;
    for (const std::string& region : regions)
        result.append(QString::fromStdString(region));
    return result;
}

PhoneNormalizer::Result PhoneNormalizer::normalize(const QString& raw) const
{
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (trimmed.size() > 64)
        return { {}, tr("This is too long to be a phone number.") };
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const auto error = util->Parse(trimmed.toStdString(), m_region.toStdString(), &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        if (error == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR)
            return { {}, tr("Add the country code, for example +44 20 7946 0958.") };
        return { {}, tr("“%1” is not a phone number.").arg(trimmed) };
    }
    if (!util->IsValidNumber(number))
        return { {}, tr("“%1” is not a valid phone number for region %2.").arg(trimmed, m_region) };
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return { QString::fromStdString(formatted), {} };
}
