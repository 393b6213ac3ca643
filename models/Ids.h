#pragma once

#include <QDateTime>
#include <QString>

namespace Ids {
// A time-ordered UUID (version 7) as lower-case text without braces.
QString newId();
// UTC timestamp as ISO-8601 text with milliseconds, the storage format of every time column.
QString toStorage(const QDateTime& time);
QDateTime fromStorage(const QString& text);
} // namespace Ids
