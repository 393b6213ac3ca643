#include "models/LeadValidator.h"

#include "models/Lead.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

bool LeadValidator::isValidEmail(const QString& email)
{
    // Pragmatic form of RFC 5322: local part, one @, a dotted domain with a 2+ letter top level.
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}\\z"));
    if (email.size() > 254 || email.contains(QStringLiteral("..")))
        return false;
    return pattern.match(email).hasMatch();
}

namespace {
// A bare lower-case host name ("www.acme-dental.com"), the way most exports write websites: dot-separated labels of
// [a-z0-9-] that neither start nor end with a hyphen, at most 63 characters each, and a top level of 2+ letters. For
// these, QUrl's full parse (the slow part of an import row) would only prepend the scheme.
bool isPlainHostName(QStringView text)
{
    // Punycode labels are left to QUrl, which shows them decoded.
    if (text.size() > 253 || !text.contains(u'.') || text.contains(u"xn--"))
        return false;
    qsizetype labelStart = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const char16_t c = i < text.size() ? text.at(i).unicode() : u'.';
        if (c == u'.') {
            const qsizetype length = i - labelStart;
            if (length == 0 || length > 63 || text.at(labelStart) == u'-' || text.at(i - 1) == u'-')
                return false;
            labelStart = i + 1;
        } else if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-')) {
            return false;
        }
    }
    const QStringView topLevel = text.mid(text.lastIndexOf(u'.') + 1);
    return topLevel.size() >= 2
        && std::all_of(topLevel.begin(), topLevel.end(), [](QChar c) { return c >= u'a' && c <= u'z'; });
}
} // namespace

QString LeadValidator::normalizeWebsite(const QString& website)
{
    QString text = website.trimmed();
    if (text.isEmpty())
        return {};
    if (isPlainHostName(text))
        return QStringLiteral("https://") + text;
    if (!text.contains(QStringLiteral("://")))
        text.prepend(QStringLiteral("https://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    const QString host = url.host();
    static const QRegularExpression hostPattern(
        QStringLiteral("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,63}$|^localhost$"));
    if (!hostPattern.match(host).hasMatch())
        return {};
    return url.toString(QUrl::NormalizePathSegments);
}

FieldErrors LeadValidator::validate(const Lead& lead, Checked checked)
{
    FieldErrors errors;
    if (lead.name.trimmed().isEmpty())
        errors.append({ QStringLiteral("name"), tr("Enter a name for the lead.") });

    const std::initializer_list<std::pair<const char*, const QString*>> shortFields {
        { "name", &lead.name }, { "company", &lead.company }, { "contact_person", &lead.contactPerson },
        { "title", &lead.title }, { "source", &lead.source }, { "industry", &lead.industry },
        { "location", &lead.location }, { "website", &lead.website },
    };
    for (const auto& [field, value] : shortFields) {
        if (value->size() > kMaxShortText && errorFor(errors, QLatin1String(field)).isEmpty())
            errors.append({ QLatin1String(field), tr("Keep this under %1 characters.").arg(kMaxShortText) });
    }

    if (checked == Checked::Nothing) {
        if (!lead.email.isEmpty() && !isValidEmail(lead.email)) {
            errors.append(
                { QStringLiteral("email"), tr("“%1” is not a valid email address.").arg(lead.email.left(80)) });
        }
        if (!lead.website.isEmpty() && normalizeWebsite(lead.website).isEmpty())
            errors.append({ QStringLiteral("website"), tr("Enter a web address such as example.com.") });
    }
    if (lead.notes.size() > kMaxNotes)
        errors.append({ QStringLiteral("notes"), tr("Notes are limited to 2 MB of text.") });
    if (lead.valueMinor < 0)
        errors.append({ QStringLiteral("value"), tr("The deal value cannot be negative.") });
    static const QRegularExpression currencyPattern(QStringLiteral("^[A-Z]{3}\\z"));
    if (!currencyPattern.match(lead.currency).hasMatch())
        errors.append({ QStringLiteral("currency"), tr("Use a three-letter currency code such as EUR.") });
    return errors;
}
