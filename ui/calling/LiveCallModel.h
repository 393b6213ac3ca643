#pragma once

#include "services/calling/CallService.h"

#include <QAbstractTableModel>
#include <QTimer>

// The calls being followed right now (Live monitor), with a running timer. Reads CallService::liveCalls() whenever
// the service says they changed; agent names come from setAgentNames().
class LiveCallModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Lead, Agent, State, Elapsed, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit LiveCallModel(CallService* calls, QObject* parent = nullptr);

    void setAgentNames(const QHash<QString, QString>& names);
    QString callIdAt(int row) const;
    int rowOf(const QString& callId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();

    CallService* m_calls;
    QList<LiveCall> m_live;
    QHash<QString, QString> m_agentNames;
    QTimer m_clock;
};
