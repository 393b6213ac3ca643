#include "ui/intelligence/IntelligenceText.h"

#include <QCoreApplication>
#include <QHash>
#include <QLabel>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("IntelligenceText", text);
}
} // namespace

namespace IntelligenceText {

QLabel* valueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QLabel* headingLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("SectionHeading"));
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString bullets(const QStringList& items, const QString& placeholder)
{
    if (items.isEmpty())
        return placeholder;
    QStringList lines;
    for (const QString& item : items)
        lines.append(QStringLiteral("• ") + item);
    return lines.join(QLatin1Char('\n'));
}

QString orPlaceholder(const QString& value, const QString& placeholder)
{
    return value.trimmed().isEmpty() ? placeholder : value;
}

QString fieldLabel(const QString& name)
{
    static const QHash<QString, const char*> labels {
        { QStringLiteral("name"), QT_TRANSLATE_NOOP("IntelligenceText", "Name") },
        { QStringLiteral("company"), QT_TRANSLATE_NOOP("IntelligenceText", "Company") },
        { QStringLiteral("contact_person"), QT_TRANSLATE_NOOP("IntelligenceText", "Contact person") },
        { QStringLiteral("title"), QT_TRANSLATE_NOOP("IntelligenceText", "Job title") },
        { QStringLiteral("industry"), QT_TRANSLATE_NOOP("IntelligenceText", "Industry") },
        { QStringLiteral("location"), QT_TRANSLATE_NOOP("IntelligenceText", "Location") },
        { QStringLiteral("website"), QT_TRANSLATE_NOOP("IntelligenceText", "Website") },
        { QStringLiteral("status"), QT_TRANSLATE_NOOP("IntelligenceText", "Stage") },
        { QStringLiteral("value"), QT_TRANSLATE_NOOP("IntelligenceText", "Value") },
        { QStringLiteral("tags"), QT_TRANSLATE_NOOP("IntelligenceText", "Tags") },
        { QStringLiteral("source"), QT_TRANSLATE_NOOP("IntelligenceText", "Source") },
        { QStringLiteral("notes"), QT_TRANSLATE_NOOP("IntelligenceText", "Notes") },
        { QStringLiteral("activities.note"), QT_TRANSLATE_NOOP("IntelligenceText", "Timeline notes") },
        { QStringLiteral("activities.call"), QT_TRANSLATE_NOOP("IntelligenceText", "Calls") },
        { QStringLiteral("activities.email"), QT_TRANSLATE_NOOP("IntelligenceText", "Emails") },
        { QStringLiteral("activities.sms"), QT_TRANSLATE_NOOP("IntelligenceText", "Text messages") },
        { QStringLiteral("activities.meeting"), QT_TRANSLATE_NOOP("IntelligenceText", "Meetings") },
        { QStringLiteral("activities.status_change"), QT_TRANSLATE_NOOP("IntelligenceText", "Stage changes") },
        { QStringLiteral("activities.proposal"), QT_TRANSLATE_NOOP("IntelligenceText", "Proposal history") },
        { QStringLiteral("proposals"), QT_TRANSLATE_NOOP("IntelligenceText", "Proposals") },
    };
    const auto it = labels.constFind(name);
    return it == labels.cend() ? name : tr(it.value());
}

QString fieldList(const QStringList& names)
{
    QStringList labels;
    for (const QString& name : names)
        labels.append(fieldLabel(name));
    return labels.join(QStringLiteral(", "));
}

} // namespace IntelligenceText
