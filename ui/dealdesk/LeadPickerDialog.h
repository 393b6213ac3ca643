#pragma once

#include <QDialog>

class LeadPicker;
class LeadStore;
class QDialogButtonBox;

// Asks which lead something is for ("Generate draft…"): a searchable lead field and OK once a lead is picked.
class LeadPickerDialog : public QDialog
{
    Q_OBJECT

public:
    LeadPickerDialog(LeadStore* store, const QString& title, const QString& prompt, QWidget* parent = nullptr);

    void setLead(const QString& id, const QString& label);
    QString leadId() const;
    QString leadLabel() const;
    LeadPicker* picker() const { return m_picker; }

private:
    LeadPicker* m_picker;
    QDialogButtonBox* m_buttons;
};
