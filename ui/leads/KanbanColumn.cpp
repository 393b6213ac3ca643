#include "ui/leads/KanbanColumn.h"

#include "models/LeadListModel.h"
#include "models/Money.h"
#include "ui/leads/LeadCardDelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QVBoxLayout>

KanbanColumn::KanbanColumn(const PipelineStage& stage, LeadListSource* source, QWidget* parent)
    : QFrame(parent)
    , m_stage(stage)
    , m_model(new LeadListModel(source, this))
    , m_view(new QListView(this))
    , m_figures(new QLabel(this))
{
    setObjectName(QStringLiteral("KanbanColumn"));
    setProperty("stageKey", stage.key);
    setMinimumWidth(200);
    setMaximumWidth(340);

    auto* dot = new QLabel(this);
    dot->setFixedSize(10, 10);
    dot->setStyleSheet(QStringLiteral("background:%1;border-radius:5px;").arg(stage.color.name()));
    auto* title = new QLabel(stage.name, this);
    title->setObjectName(QStringLiteral("KanbanColumnTitle"));
    m_figures->setObjectName(QStringLiteral("KanbanColumnFigures"));

    auto* header = new QHBoxLayout;
    header->setContentsMargins(12, 12, 12, 4);
    header->setSpacing(8);
    header->addWidget(dot);
    header->addWidget(title);
    header->addStretch();
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("KanbanColumnCount"));
    header->addWidget(m_count);
    m_figures->setContentsMargins(30, 0, 12, 4);

    m_view->setObjectName(QStringLiteral("KanbanList_") + stage.key);
    m_view->setAccessibleName(tr("%1 column").arg(stage.name));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new LeadCardDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setUniformItemSizes(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setMouseTracking(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_figures);
    layout->addWidget(m_view, 1);

    LeadFilter filter;
    filter.status = stage.key;
    m_model->setPageSize(100);
    m_model->setFilter(filter);

    connect(m_model, &LeadListModel::totalsChanged, this, &KanbanColumn::updateFigures);
    connect(m_model, &LeadListModel::statusDropRequested, this, &KanbanColumn::statusDropRequested);
    connect(m_view, &QListView::activated, this,
        [this](const QModelIndex& index) { emit openRequested(index.data(LeadListModel::IdRole).toString()); });
    connect(m_view, &QListView::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        if (!m_view->selectionModel()->isSelected(index))
            m_view->setCurrentIndex(index);
        emit contextMenuRequested(selectedIds(), m_view->viewport()->mapToGlobal(pos));
    });
    updateFigures();
}

void KanbanColumn::setBaseFilter(LeadFilter filter)
{
    filter.status = m_stage.key;
    filter.sortKey = LeadFilter::SortKey::Updated;
    filter.descending = true;
    m_model->setFilter(filter);
}

QStringList KanbanColumn::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex& index : rows)
        ids.append(index.data(LeadListModel::IdRole).toString());
    return ids;
}

void KanbanColumn::updateFigures()
{
    QStringList values;
    const auto& totals = m_model->valueTotals();
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        if (it.value() > 0)
            values.append(Money::format(it.value(), it.key()));
    }
    m_count->setText(QLocale().toString(m_model->total()));
    m_figures->setText(values.isEmpty() ? tr("No value yet") : values.join(QStringLiteral(" + ")));
    m_figures->setToolTip(tr("%n lead(s) in %1", nullptr, m_model->total()).arg(m_stage.name));
}
