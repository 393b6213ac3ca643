#include "ui/dealdesk/LeadChoiceModel.h"

void LeadChoiceModel::setLeads(const QList<Lead>& leads)
{
    // A handful of search results replaced as a whole on every keystroke: a reset is the honest signal here.
    beginResetModel();
    m_leads = leads;
    endResetModel();
}

int LeadChoiceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_leads.size());
}

QString LeadChoiceModel::label(const QString& name, const QString& company)
{
    if (company.isEmpty() || company == name)
        return name;
    return tr("%1 — %2").arg(name, company);
}

QVariant LeadChoiceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lead& lead = m_leads.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return label(lead.name, lead.company);
    case Qt::ToolTipRole:
        return lead.email.isEmpty() ? QVariant() : QVariant(lead.email);
    case IdRole:
        return lead.id;
    case NameRole:
        return lead.name;
    default:
        return {};
    }
}
