#pragma once

#include "services/brain/BrainInsights.h"

#include <QAbstractTableModel>

// One of the Neural Brain's lead lists (leaderboard, hot leads, stalled deals) as a table. Display formatting is
// here; sorting uses RawValueRole (heat, value and days as numbers).
class BrainLeadTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Lead, Heat, Intent, NextAction, Value, LastContact, Stage, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        RawValueRole,
        HeatRole, // 0-100, or -1 when never analysed
    };

    explicit BrainLeadTableModel(QObject* parent = nullptr);

    // Replaces the rows: a reset when the set of leads changed, precise dataChanged when only their values did.
    void setRows(const QList<BrainLeadRow>& rows);
    const QList<BrainLeadRow>& rows() const { return m_rows; }
    QString leadIdAt(int row) const;

    static QString intentLabel(const QString& key);
    static QString daysLabel(const BrainLeadRow& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QVariant display(const BrainLeadRow& row, int column) const;
    QVariant toolTip(const BrainLeadRow& row, int column) const;

    QList<BrainLeadRow> m_rows;
};
