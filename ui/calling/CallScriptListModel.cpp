#include "ui/calling/CallScriptListModel.h"

int CallScriptListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_scripts.size());
}

int CallScriptListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallScriptListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_scripts.size())
        return {};
    const CallScript& script = m_scripts.at(index.row()).script;
    if (role == IdRole)
        return script.id;
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Name:
            return script.name;
        case Industry:
            return script.industry;
        case Purpose:
            return script.purpose.section(QLatin1Char('\n'), 0, 0);
        case Uses:
            return role == SortRole ? QVariant(script.usageCount) : QVariant(QString::number(script.usageCount));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Purpose)
        return script.purpose;
    if (role == Qt::ToolTipRole && index.column() == Uses)
        return tr("Calls placed with this script: %1").arg(script.usageCount);
    if (role == Qt::TextAlignmentRole && index.column() == Uses)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CallScriptListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Script");
    case Industry:
        return tr("Industry");
    case Purpose:
        return tr("Purpose");
    case Uses:
        //: Column: how many calls used the script
        return tr("Uses");
    }
    return {};
}

void CallScriptListModel::setScripts(const QList<CallScriptEntry>& scripts)
{
    bool sameIds = scripts.size() == m_scripts.size();
    for (qsizetype i = 0; sameIds && i < scripts.size(); ++i)
        sameIds = scripts.at(i).script.id == m_scripts.at(i).script.id;
    if (sameIds) {
        m_scripts = scripts;
        if (!m_scripts.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_scripts = scripts;
    endResetModel();
}

int CallScriptListModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_scripts.size(); ++i) {
        if (m_scripts.at(i).script.id == id)
            return int(i);
    }
    return -1;
}
