#pragma once

#include "services/dealdesk/ProposalFilter.h"

#include <QSortFilterProxyModel>

class ProposalListModel;

// Sorts the proposals by raw values (money and dates as numbers) and keeps the rows a ProposalFilter accepts.
class ProposalFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProposalFilterProxy(ProposalListModel* source, QObject* parent = nullptr);

    void setFilter(const ProposalFilter& filter);
    const ProposalFilter& filter() const { return m_filter; }

signals:
    void filterChanged(const ProposalFilter& filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ProposalListModel* m_source;
    ProposalFilter m_filter;
};
