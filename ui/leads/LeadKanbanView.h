#pragma once

#include "models/LeadFilter.h"
#include "models/PipelineStage.h"

#include <QScrollArea>

class KanbanColumn;
class LeadListSource;

// The board: one column per pipeline stage, side by side.
class LeadKanbanView : public QScrollArea
{
    Q_OBJECT

public:
    explicit LeadKanbanView(LeadListSource* source, QWidget* parent = nullptr);

    void setStages(const PipelineStages& stages);
    void setBaseFilter(const LeadFilter& filter);
    QList<KanbanColumn*> columns() const { return m_columns; }
    KanbanColumn* column(const QString& stageKey) const;
    QStringList selectedIds() const;
    QString currentId() const;

signals:
    void openRequested(const QString& leadId);
    void statusDropRequested(const QStringList& ids, const QString& status);
    void contextMenuRequested(const QStringList& ids, const QPoint& globalPos);

private:
    LeadListSource* m_source;
    QWidget* m_contents;
    QList<KanbanColumn*> m_columns;
    LeadFilter m_filter;
};
