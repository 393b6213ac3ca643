#pragma once

#include "models/FieldError.h"

#include <QHash>
#include <QObject>

class QFormLayout;
class QLabel;
class QWidget;

// Inline validation for a form: a red message row under each field and the field marked invalid (base.qss).
class FieldErrorLabels : public QObject
{
    Q_OBJECT

public:
    explicit FieldErrorLabels(QObject* parent = nullptr);

    // Adds the field's row to the form, with its (hidden) message row below.
    void addRow(QFormLayout* form, const QString& label, const QString& field, QWidget* editor);
    // Shows these messages (and hides the others); focuses the first invalid field.
    void show(const FieldErrors& errors);
    void clear(const QString& field);
    QString message(const QString& field) const;

private:
    void mark(const QString& field, const QString& message);

    QHash<QString, QWidget*> m_editors;
    QHash<QString, QLabel*> m_labels;
    QStringList m_order;
};
