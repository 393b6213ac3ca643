#include "models/pricing/ServiceOfferingRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ServiceOfferingRules", text);
}

bool hasWordCharacter(const QString& text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}
} // namespace

namespace ServiceOfferingRules {

FieldErrors validate(const ServiceOffering& service)
{
    FieldErrors errors;
    if (service.name.trimmed().isEmpty())
        errors.append({ QStringLiteral("name"), tr("Give the service a name.") });
    else if (service.name.size() > 200)
        errors.append({ QStringLiteral("name"), tr("The name is too long (at most 200 characters).") });
    if (service.priceMinor < 0)
        errors.append({ QStringLiteral("price"), tr("The price cannot be negative.") });
    static const QRegularExpression currencyCode(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyCode.match(service.currency).hasMatch())
        errors.append({ QStringLiteral("currency"), tr("Use a three-letter currency code such as EUR or USD.") });
    bool anyKeyword = false;
    for (const QString& keyword : service.keywords)
        anyKeyword = anyKeyword || hasWordCharacter(keyword);
    if (!anyKeyword)
        errors.append({ QStringLiteral("keywords"),
            tr("Add at least one keyword, such as a word a client would say when they want this service.") });
    return errors;
}

QStringList normalizedKeywords(const QStringList& keywords)
{
    QStringList result;
    for (const QString& keyword : keywords) {
        const QString normalized = keyword.simplified().toLower();
        if (!normalized.isEmpty() && !result.contains(normalized))
            result.append(normalized);
    }
    return result;
}

QStringList parseKeywords(const QString& commaSeparated)
{
    return normalizedKeywords(commaSeparated.split(QLatin1Char(',')));
}

QString joinKeywords(const QStringList& keywords)
{
    return keywords.join(QStringLiteral(", "));
}

bool hasDuplicateName(const QList<ServiceOffering>& services, const ServiceOffering& service)
{
    const QString name = service.name.trimmed();
    if (name.isEmpty())
        return false;
    for (const ServiceOffering& other : services) {
        if (other.deleted || (other.id == service.id && !service.id.isEmpty()))
            continue;
        if (other.name.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace ServiceOfferingRules
