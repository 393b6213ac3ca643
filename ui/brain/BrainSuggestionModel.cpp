#include "ui/brain/BrainSuggestionModel.h"

#include "models/Money.h"

// internalId: 0 for a suggestion, suggestion row + 1 for one of its leads.
BrainSuggestionModel::BrainSuggestionModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

void BrainSuggestionModel::setSuggestions(const QList<BrainSuggestion>& suggestions)
{
    beginResetModel();
    m_suggestions = suggestions;
    endResetModel();
}

bool BrainSuggestionModel::isSuggestion(const QModelIndex& index) const
{
    return index.isValid() && index.internalId() == 0;
}

QModelIndex BrainSuggestionModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_suggestions.size() ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (!isSuggestion(parent) || parent.row() >= m_suggestions.size())
        return {};
    if (row >= m_suggestions.at(parent.row()).leads.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex BrainSuggestionModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int BrainSuggestionModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_suggestions.size());
    if (isSuggestion(parent) && parent.column() == 0 && parent.row() < m_suggestions.size())
        return static_cast<int>(m_suggestions.at(parent.row()).leads.size());
    return 0;
}

int BrainSuggestionModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant BrainSuggestionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (isSuggestion(index)) {
        if (index.row() >= m_suggestions.size())
            return {};
        const BrainSuggestion& suggestion = m_suggestions.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return suggestion.text;
        case Qt::ToolTipRole:
            if (suggestion.kind == BrainSuggestion::Kind::PriceServices)
                return tr("Open Services & prices");
            return suggestion.leads.size() == 1 ? tr("Open the lead") : tr("Show the leads");
        case KindRole:
            return static_cast<int>(suggestion.kind);
        case LeadIdsRole: {
            QStringList ids;
            for (const BrainLeadRow& row : suggestion.leads)
                ids.append(row.leadId);
            return ids;
        }
        default:
            return {};
        }
    }
    const int parentRow = static_cast<int>(index.internalId() - 1);
    if (parentRow >= m_suggestions.size() || index.row() >= m_suggestions.at(parentRow).leads.size())
        return {};
    const BrainLeadRow& row = m_suggestions.at(parentRow).leads.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QStringList parts { row.label() };
        if (row.dealHeat >= 0)
            parts.append(tr("heat %1").arg(row.dealHeat));
        if (row.lastTouchAt.isValid())
            parts.append(tr("%n day(s) without contact", nullptr, row.daysSinceContact));
        if (row.valueMinor() >= 0)
            parts.append(Money::format(row.valueMinor(), row.currency));
        return parts.join(QStringLiteral(" · "));
    }
    case Qt::ToolTipRole:
        return row.nextBestAction.isEmpty() ? tr("Open the lead") : row.nextBestAction;
    case IdRole:
        return row.leadId;
    case KindRole:
        return static_cast<int>(m_suggestions.at(parentRow).kind);
    default:
        return {};
    }
}

Qt::ItemFlags BrainSuggestionModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!isSuggestion(index))
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}
