#include "services/brain/BrainInsights.h"

qint64 BrainLeadRow::valueMinor() const
{
    if (estimate.matched())
        return estimate.valueMinor;
    return storedValueMinor;
}

QString BrainLeadRow::label() const
{
    const QString trimmedCompany = company.trimmed();
    if (trimmedCompany.isEmpty() || trimmedCompany.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
        return name;
    return QStringLiteral("%1 (%2)").arg(name, trimmedCompany);
}
