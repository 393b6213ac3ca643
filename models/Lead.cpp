#include "models/Lead.h"

QString Lead::tagsText() const
{
    return tags.join(QStringLiteral(", "));
}

QStringList Lead::parseTags(const QString& text)
{
    QStringList result;
    const auto parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !result.contains(tag, Qt::CaseInsensitive))
            result.append(tag);
    }
    return result;
}
