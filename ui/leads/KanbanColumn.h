#pragma once

#include "models/LeadFilter.h"
#include "models/PipelineStage.h"

#include <QFrame>

class LeadListModel;
class LeadListSource;
class QLabel;
class QListView;

// One pipeline stage on the board: header with count and total value, and a lazily loaded list of cards.
class KanbanColumn : public QFrame
{
    Q_OBJECT

public:
    KanbanColumn(const PipelineStage& stage, LeadListSource* source, QWidget* parent = nullptr);

    void setBaseFilter(LeadFilter filter);
    const PipelineStage& stage() const { return m_stage; }
    LeadListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    QStringList selectedIds() const;

signals:
    void openRequested(const QString& leadId);
    void statusDropRequested(const QStringList& ids, const QString& status);
    void contextMenuRequested(const QStringList& ids, const QPoint& globalPos);

private:
    void updateFigures();

    PipelineStage m_stage;
    LeadListModel* m_model;
    QListView* m_view;
    QLabel* m_figures;
    QLabel* m_count = nullptr;
};
