#include "ui/calling/CallListModel.h"

#include <QLocale>

void CallListModel::setCalls(const QList<CallRecord>& calls)
{
    beginResetModel();
    m_calls = calls;
    endResetModel();
}

void CallListModel::updateCall(const CallRecord& call)
{
    const int row = rowOf(call.id);
    if (row < 0)
        return;
    const QString leadName = m_calls.at(row).leadName;
    m_calls[row] = call;
    if (m_calls[row].leadName.isEmpty())
        m_calls[row].leadName = leadName;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const CallRecord* CallListModel::callAt(int row) const
{
    return row >= 0 && row < m_calls.size() ? &m_calls.at(row) : nullptr;
}

int CallListModel::rowOf(const QString& callId) const
{
    for (int row = 0; row < m_calls.size(); ++row) {
        if (m_calls.at(row).id == callId)
            return row;
    }
    return -1;
}

int CallListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

int CallListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallListModel::data(const QModelIndex& index, int role) const
{
    const CallRecord* call = callAt(index.row());
    if (!call || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == IdRole)
        return call->id;
    if (role == RawRole) {
        switch (index.column()) {
        case When:
            return call->createdAt.toMSecsSinceEpoch();
        case Duration:
            return call->durationSeconds;
        case Status:
            return int(call->status);
        case Outcome:
            return int(call->outcome);
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (index.column()) {
    case When:
        return QLocale().toString(call->createdAt.toLocalTime(), QLocale::ShortFormat);
    case Lead:
        return call->leadName.isEmpty() ? tr("(deleted lead)") : call->leadName;
    case Status:
        return CallRecord::statusLabel(call->status);
    case Outcome:
        return CallRecord::outcomeLabel(call->outcome);
    case Sentiment:
        return call->sentiment;
    case Duration:
        return QStringLiteral("%1:%2").arg(call->durationSeconds / 60).arg(call->durationSeconds % 60, 2, 10, QLatin1Char('0'));
    case Provider:
        return call->provider == QLatin1String("twilio") ? tr("Click-to-call") : tr("AI agent");
    default:
        return {};
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Lead:
        return tr("Lead");
    case Status:
        return tr("Status");
    case Outcome:
        return tr("Outcome");
    case Sentiment:
        return tr("Sentiment");
    case Duration:
        return tr("Duration");
    case Provider:
        return tr("Type");
    default:
        return {};
    }
}
