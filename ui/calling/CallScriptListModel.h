#pragma once

#include "models/calling/CallScriptEntry.h"

#include <QAbstractTableModel>

// The Scripts tab's list: one row per script with its name, industry, purpose and how often it was used.
class CallScriptListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Industry, Purpose, Uses, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows; unchanged rows keep their place so selections survive a reload.
    void setScripts(const QList<CallScriptEntry>& scripts);
    const CallScriptEntry& entryAt(int row) const { return m_scripts.at(row); }
    int rowOf(const QString& id) const;

private:
    QList<CallScriptEntry> m_scripts;
};
