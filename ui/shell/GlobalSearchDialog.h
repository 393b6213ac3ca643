#pragma once

#include <QDialog>

class LeadListModel;
class LeadListSource;
class QLineEdit;
class QListView;

// Ctrl+K: jump to any lead by typing part of its name, company, email, phone, notes or tags.
class GlobalSearchDialog : public QDialog
{
    Q_OBJECT

public:
    GlobalSearchDialog(LeadListSource* source, QWidget* parent = nullptr);
    QLineEdit* input() const { return m_input; }
    QListView* results() const { return m_results; }

signals:
    void leadChosen(const QString& leadId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void choose(const QModelIndex& index);

    LeadListModel* m_model;
    QLineEdit* m_input;
    QListView* m_results;
};
