#include "services/storage/SqlValues.h"

#include "models/Ids.h"

namespace SqlValues {

QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant nullableText(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

QVariant nullableTime(const QDateTime& time)
{
    return time.isValid() ? QVariant(Ids::toStorage(time)) : QVariant(QMetaType(QMetaType::QString));
}

} // namespace SqlValues
