#include "ui/workspace/FieldErrorLabels.h"

#include <QFormLayout>
#include <QLabel>
#include <QStyle>

FieldErrorLabels::FieldErrorLabels(QObject* parent)
    : QObject(parent)
{ }

void FieldErrorLabels::addRow(QFormLayout* form, const QString& label, const QString& field, QWidget* editor)
{
    form->addRow(label, editor);
    auto* error = new QLabel(editor->parentWidget());
    error->setObjectName(QStringLiteral("FieldError"));
    error->setProperty("field", field);
    error->setWordWrap(true);
    error->hide();
    form->addRow(QString(), error);
    m_editors.insert(field, editor);
    m_labels.insert(field, error);
    m_order.append(field);
}

void FieldErrorLabels::mark(const QString& field, const QString& message)
{
    QLabel* label = m_labels.value(field);
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
    QWidget* editor = m_editors.value(field);
    editor->setProperty("invalid", !message.isEmpty());
    editor->style()->unpolish(editor);
    editor->style()->polish(editor);
}

void FieldErrorLabels::show(const FieldErrors& errors)
{
    QWidget* first = nullptr;
    for (const QString& field : std::as_const(m_order)) {
        const QString text = errorFor(errors, field);
        mark(field, text);
        if (!text.isEmpty() && !first)
            first = m_editors.value(field);
    }
    if (first)
        first->setFocus();
}

void FieldErrorLabels::clear(const QString& field)
{
    mark(field, QString());
}

QString FieldErrorLabels::message(const QString& field) const
{
    const QLabel* label = m_labels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}
