#pragma once

#include "models/FieldError.h"
#include "models/Lead.h"
#include "models/PipelineStage.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// The lead's fields with inline validation messages. Used by the detail panel and the New lead dialog.
class LeadForm : public QWidget
{
    Q_OBJECT

public:
    explicit LeadForm(QWidget* parent = nullptr);

    void setStages(const PipelineStages& stages);
    void setLead(const Lead& lead);
    // Reads the fields, normalises them (E.164 phone, lower-case email, website) and shows errors inline.
    // Returns false when something must be fixed first.
    bool collect(Lead* lead);
    void showErrors(const FieldErrors& errors);
    bool isDirty() const { return m_dirty; }
    void setDirty(bool dirty);
    QLineEdit* nameEdit() const { return m_name; }

signals:
    void dirtyChanged(bool dirty);

private:
    QLineEdit* addLine(class QFormLayout* layout, const QString& field, const QString& label,
        const QString& placeholder = {});
    void addErrorLabel(class QFormLayout* layout, const QString& field, QWidget* editor);

    Lead m_lead;
    bool m_dirty = false;
    QLineEdit* m_name;
    QLineEdit* m_company;
    QLineEdit* m_contact;
    QLineEdit* m_title;
    QLineEdit* m_email;
    QLineEdit* m_phone;
    QLineEdit* m_website;
    QLineEdit* m_location;
    QComboBox* m_stage;
    QLineEdit* m_source;
    QLineEdit* m_industry;
    QLineEdit* m_tags;
    QLineEdit* m_value;
    QComboBox* m_currency;
    QPlainTextEdit* m_notes;
    QCheckBox* m_doNotCall;
    QCheckBox* m_emailOptOut;
    QCheckBox* m_smsOptOut;
    QHash<QString, QLabel*> m_errorLabels;
    QHash<QString, QWidget*> m_editors;
};
