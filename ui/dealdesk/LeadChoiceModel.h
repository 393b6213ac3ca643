#pragma once

#include "models/Lead.h"

#include <QAbstractListModel>

// The few leads a lead picker offers for what was typed: "Name — Company" rows with the lead's id.
class LeadChoiceModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole };

    using QAbstractListModel::QAbstractListModel;

    void setLeads(const QList<Lead>& leads);
    const Lead& leadAt(int row) const { return m_leads.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // What a picker shows for a chosen lead.
    static QString label(const QString& name, const QString& company);

private:
    QList<Lead> m_leads;
};
