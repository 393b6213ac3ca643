#pragma once

#include "models/Lead.h"

#include <QLineEdit>

class LeadChoiceModel;
class LeadStore;
class QCompleter;
class QTimer;

// Choose a lead by typing part of its name, company or email: the workspace is searched as you type (LeadStore's
// search, so it stays quick at 100,000 leads) and the matches drop down below the field.
class LeadPicker : public QLineEdit
{
    Q_OBJECT

public:
    LeadPicker(LeadStore* store, QWidget* parent = nullptr);

    void setLead(const QString& id, const QString& label);
    QString leadId() const { return m_leadId; }
    // The lead last picked from the matches (empty when set with setLead or cleared).
    const Lead& pickedLead() const { return m_picked; }
    QCompleter* completer() const { return m_completer; }
    LeadChoiceModel* choices() const { return m_choices; }

signals:
    // A lead was picked (id) or the text no longer names one (empty id).
    void leadChanged(const QString& id);
    // A search was answered and the matches are on offer.
    void choicesShown(int count);

private:
    void search();
    void choose(const QModelIndex& index);

    LeadStore* m_store;
    LeadChoiceModel* m_choices;
    QCompleter* m_completer;
    QTimer* m_debounce;
    QString m_leadId;
    Lead m_picked;
    quint64 m_generation = 0;
};
