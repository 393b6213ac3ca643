#include "models/intelligence/JsonLists.h"

#include <algorithm>

namespace JsonLists {

QString text(const QString& value, int maxChars)
{
    const QString trimmed = value.trimmed();
    if (trimmed.size() <= maxChars)
        return trimmed;
    return trimmed.left(std::max(0, maxChars - 1)) + QChar(0x2026);
}

QStringList strings(const QJsonArray& array, int maxItems, int maxChars)
{
    QStringList result;
    for (const QJsonValue& value : array) {
        if (result.size() >= maxItems)
            break;
        const QString item = text(value.toString(), maxChars);
        if (!item.isEmpty())
            result.append(item);
    }
    return result;
}

QJsonArray array(const QStringList& list)
{
    QJsonArray result;
    for (const QString& item : list)
        result.append(item);
    return result;
}

} // namespace JsonLists
