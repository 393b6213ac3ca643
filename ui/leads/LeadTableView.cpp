#include "ui/leads/LeadTableView.h"

#include "models/LeadListModel.h"

#include <QHeaderView>

LeadTableView::LeadTableView(LeadListSource* source, QWidget* parent)
    : QTableView(parent)
    , m_model(new LeadListModel(source, this))
{
    setObjectName(QStringLiteral("LeadTable"));
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setSortingEnabled(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setDragEnabled(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(34);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setSortIndicator(LeadListModel::Updated, Qt::DescendingOrder);
    horizontalHeader()->setHighlightSections(false);
    const QList<QPair<int, int>> widths { { LeadListModel::Name, 200 }, { LeadListModel::Company, 180 },
        { LeadListModel::Status, 100 }, { LeadListModel::Value, 90 }, { LeadListModel::Heat, 60 }, { LeadListModel::Tags, 160 },
        { LeadListModel::Source, 110 }, { LeadListModel::Industry, 140 }, { LeadListModel::Email, 220 },
        { LeadListModel::Phone, 130 }, { LeadListModel::LastContacted, 100 } };
    for (const auto& [column, width] : widths)
        setColumnWidth(column, width);

    connect(this, &QTableView::activated, this,
        [this](const QModelIndex& index) { emit openRequested(index.data(LeadListModel::IdRole).toString()); });
    connect(this, &QTableView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = indexAt(pos);
        if (!index.isValid())
            return;
        if (!selectionModel()->isRowSelected(index.row(), {}))
            selectRow(index.row());
        emit contextMenuRequested(selectedIds(), viewport()->mapToGlobal(pos));
    });
}

QStringList LeadTableView::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        ids.append(index.data(LeadListModel::IdRole).toString());
    return ids;
}

QString LeadTableView::currentId() const
{
    return currentIndex().data(LeadListModel::IdRole).toString();
}
