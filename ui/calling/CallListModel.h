#pragma once

#include "models/calling/CallRecord.h"

#include <QAbstractTableModel>

// The calls of the Calls tab: one row per call, newest first, as CallService::list answered.
class CallListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Lead, Status, Outcome, Sentiment, Duration, Provider, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, RawRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setCalls(const QList<CallRecord>& calls);
    // Replaces a row in place when the call is listed (its status or outcome changed).
    void updateCall(const CallRecord& call);
    const CallRecord* callAt(int row) const;
    int rowOf(const QString& callId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CallRecord> m_calls;
};
