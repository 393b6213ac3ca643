#pragma once

#include <QStringList>

class QLabel;
class QWidget;

// Small pieces shared by the Intelligence tab's views. AI output is shown as plain text only: an answer that
// contains markup or links must not turn into rich text in the panel.
namespace IntelligenceText {
// A word-wrapped, selectable, plain-text label for a value, named for GUI tests.
QLabel* valueLabel(const QString& objectName, QWidget* parent);
// A small heading label for a block of values.
QLabel* headingLabel(const QString& text, QWidget* parent);
// "• a\n• b", or placeholder when the list is empty.
QString bullets(const QStringList& items, const QString& placeholder);
// The value, or placeholder when empty.
QString orPlaceholder(const QString& value, const QString& placeholder);
// Readable names for fields_used / source_fields_used ("notes", "activities.note" → "Notes", "Notes on the timeline").
QString fieldLabel(const QString& name);
QString fieldList(const QStringList& names);
} // namespace IntelligenceText
