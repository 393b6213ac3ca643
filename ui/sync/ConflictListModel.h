#pragma once

#include "services/sync/SyncTypes.h"

#include <QAbstractTableModel>
#include <QHash>

// The open sync conflicts, one row per field: lead, field, your value, the server's value, when.
class ConflictListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LeadName, Field, Yours, Server, When, ColumnCount };
    enum Roles { ConflictIdRole = Qt::UserRole + 1, RowIdRole, RawRole };

    explicit ConflictListModel(QObject* parent = nullptr);

    void setConflicts(const QList<SyncConflict>& conflicts);
    // Lead names by id, looked up after the conflicts arrived.
    void setLeadNames(const QHash<QString, QString>& names);
    const QList<SyncConflict>& conflicts() const { return m_conflicts; }
    QStringList rowIds() const;
    static QString fieldName(const QString& column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static QString valueText(const QVariant& value);

    QList<SyncConflict> m_conflicts;
    QHash<QString, QString> m_leadNames;
};
