#include "ui/calling/LiveCallModel.h"

LiveCallModel::LiveCallModel(CallService* calls, QObject* parent)
    : QAbstractTableModel(parent)
    , m_calls(calls)
{
    connect(m_calls, &CallService::liveCallsChanged, this, &LiveCallModel::reload);
    // The running timers tick once a second.
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_live.isEmpty())
            emit dataChanged(index(0, Elapsed), index(int(m_live.size()) - 1, Elapsed));
    });
    m_clock.start();
    reload();
}

void LiveCallModel::setAgentNames(const QHash<QString, QString>& names)
{
    m_agentNames = names;
    if (!m_live.isEmpty())
        emit dataChanged(index(0, Agent), index(int(m_live.size()) - 1, Agent));
}

void LiveCallModel::reload()
{
    beginResetModel();
    m_live = m_calls->liveCalls();
    endResetModel();
}

QString LiveCallModel::callIdAt(int row) const
{
    return row >= 0 && row < m_live.size() ? m_live.at(row).callId : QString();
}

int LiveCallModel::rowOf(const QString& callId) const
{
    for (int row = 0; row < m_live.size(); ++row) {
        if (m_live.at(row).callId == callId)
            return row;
    }
    return -1;
}

int LiveCallModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_live.size());
}

int LiveCallModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveCallModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= m_live.size())
        return {};
    const LiveCall& call = m_live.at(index.row());
    if (role == IdRole)
        return call.callId;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Lead:
        return call.leadName.isEmpty() ? tr("Lead %1").arg(call.leadId.left(8)) : call.leadName;
    case Agent:
        return call.agentRunId.isEmpty() ? tr("Manual call") : m_agentNames.value(call.agentRunId, tr("Agent"));
    case State:
        return CallRecord::statusLabel(call.status);
    case Elapsed: {
        const qint64 seconds = std::max<qint64>(0, call.placedAt.secsTo(m_calls->now()));
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    default:
        return {};
    }
}

QVariant LiveCallModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Lead:
        return tr("Lead");
    case Agent:
        return tr("Agent");
    case State:
        return tr("State");
    case Elapsed:
        return tr("Time");
    default:
        return {};
    }
}
