#include "ui/leads/LeadKanbanView.h"

#include "models/LeadListModel.h"
#include "ui/leads/KanbanColumn.h"

#include <QHBoxLayout>
#include <QListView>

LeadKanbanView::LeadKanbanView(LeadListSource* source, QWidget* parent)
    : QScrollArea(parent)
    , m_source(source)
    , m_contents(new QWidget(this))
{
    setObjectName(QStringLiteral("KanbanBoard"));
    m_contents->setObjectName(QStringLiteral("KanbanBoardContents"));
    setWidget(m_contents);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* layout = new QHBoxLayout(m_contents);
    layout->setContentsMargins(16, 8, 16, 16);
    layout->setSpacing(12);
}

void LeadKanbanView::setStages(const PipelineStages& stages)
{
    qDeleteAll(m_columns);
    m_columns.clear();
    auto* layout = static_cast<QHBoxLayout*>(m_contents->layout());
    while (layout->count() > 0)
        delete layout->takeAt(0);
    for (const PipelineStage& stage : stages) {
        auto* column = new KanbanColumn(stage, m_source, m_contents);
        column->setBaseFilter(m_filter);
        connect(column, &KanbanColumn::openRequested, this, &LeadKanbanView::openRequested);
        connect(column, &KanbanColumn::statusDropRequested, this, &LeadKanbanView::statusDropRequested);
        connect(column, &KanbanColumn::contextMenuRequested, this, &LeadKanbanView::contextMenuRequested);
        layout->addWidget(column, 1);
        m_columns.append(column);
    }
}

void LeadKanbanView::setBaseFilter(const LeadFilter& filter)
{
    m_filter = filter;
    for (KanbanColumn* column : std::as_const(m_columns))
        column->setBaseFilter(filter);
}

KanbanColumn* LeadKanbanView::column(const QString& stageKey) const
{
    for (KanbanColumn* column : m_columns) {
        if (column->stage().key == stageKey)
            return column;
    }
    return nullptr;
}

QStringList LeadKanbanView::selectedIds() const
{
    for (KanbanColumn* column : m_columns) {
        if (column->view()->hasFocus())
            return column->selectedIds();
    }
    return {};
}

QString LeadKanbanView::currentId() const
{
    for (KanbanColumn* column : m_columns) {
        if (column->view()->hasFocus())
            return column->view()->currentIndex().data(LeadListModel::IdRole).toString();
    }
    return {};
}
