#include "ui/dealdesk/ProposalFilterProxy.h"

#include "ui/dealdesk/ProposalListModel.h"

ProposalFilterProxy::ProposalFilterProxy(ProposalListModel* source, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    setSortRole(ProposalListModel::RawValueRole);
    setDynamicSortFilter(true);
}

void ProposalFilterProxy::setFilter(const ProposalFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
    emit filterChanged(m_filter);
}

bool ProposalFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    return m_filter.matches(m_source->summaryAt(sourceRow));
}
