#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

// How values are bound, in one place: QtSql binds a null QString as SQL NULL, which NOT NULL text columns refuse.
namespace SqlValues {
// Text for a NOT NULL column: "nothing" is ''.
QVariant text(const QString& value);
// Text for a nullable column: empty is NULL.
QVariant nullableText(const QString& value);
// ISO-8601 UTC text, or NULL for an invalid time.
QVariant nullableTime(const QDateTime& time);
} // namespace SqlValues
