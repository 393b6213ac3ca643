#pragma once

#include <QTableView>

class LeadListModel;
class LeadListSource;

// The sortable, lazily fetched table of leads.
class LeadTableView : public QTableView
{
    Q_OBJECT

public:
    explicit LeadTableView(LeadListSource* source, QWidget* parent = nullptr);

    LeadListModel* leadModel() const { return m_model; }
    QStringList selectedIds() const;
    QString currentId() const;

signals:
    void openRequested(const QString& leadId);
    void contextMenuRequested(const QStringList& ids, const QPoint& globalPos);

private:
    LeadListModel* m_model;
};
