#pragma once

#include <QJsonArray>
#include <QStringList>

// Lists of short texts as they come from an AI answer: trimmed, blanks dropped, bounded in count and length, so a
// runaway or hostile answer cannot flood the database or the panel.
namespace JsonLists {
constexpr int kMaxItems = 12;
constexpr int kMaxItemChars = 600;
constexpr int kMaxTextChars = 4000;

QStringList strings(const QJsonArray& array, int maxItems = kMaxItems, int maxChars = kMaxItemChars);
QJsonArray array(const QStringList& list);
// Trimmed and cut to maxChars (with "…" when cut).
QString text(const QString& value, int maxChars = kMaxTextChars);
} // namespace JsonLists
