#pragma once

#include "models/LeadFilter.h"
#include "models/PipelineStage.h"

#include <QWidget>

class EmptyLeadsState;
class LeadDetailPanel;
class LeadFilterBar;
class LeadKanbanView;
class LeadTableView;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolButton;
class QUndoStack;
class WorkspaceSession;

// The Leads module: Kanban board and table over the same data, filters, bulk actions and the detail panel.
class LeadsView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { Kanban, Table };

    LeadsView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent = nullptr);

    // Loads stages and the first pages once the workspace is open.
    void start();
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void openLead(const QString& leadId);
    void newLead();
    void loadSampleData();
    void focusSearch();
    void deleteSelected();
    // Opens the import wizard, with a file already chosen when given (dropped on the window).
    void importLeads(const QString& path = {});
    void showImportHistory();
    void exportLeads();
    void findDuplicates();
    // "Generate AI profiles…" for these leads: a modal progress dialog that runs in the background.
    void generateProfiles(const QStringList& ids);

    LeadKanbanView* kanban() const { return m_kanban; }
    LeadTableView* table() const { return m_table; }
    LeadDetailPanel* detailPanel() const { return m_detail; }
    LeadFilterBar* filterBar() const { return m_filterBar; }
    const PipelineStages& stages() const { return m_stages; }

signals:
    // Every column (or the table) has its first page: the view is usable.
    void firstLoadFinished();
    void statusMessage(const QString& text);

private:
    void applyFilter(const LeadFilter& filter);
    // Stage columns, names and choices everywhere in the view.
    void applyStages(const PipelineStages& stages);
    // The stages changed in the workspace (from the team server): the board follows when they differ.
    void reloadStages();
    void refreshChoices();
    void refreshEmptyState();
    void changeStatus(const QStringList& ids, const QString& status);
    void showContextMenu(const QStringList& ids, const QPoint& globalPos);
    void promptTag(const QStringList& ids, bool add);
    QStringList selectedIds() const;
    QString stageName(const QString& key) const;
    void buildActions();
    void updateBulkActions();
    QMenu* createMoveMenu(const QStringList& ids, QWidget* parent);

    WorkspaceSession* m_session;
    QUndoStack* m_undoStack;
    PipelineStages m_stages;
    Mode m_mode = Mode::Kanban;
    bool m_firstLoadPending = true;
    bool m_started = false;
    LeadFilterBar* m_filterBar;
    QStackedWidget* m_stack;
    LeadKanbanView* m_kanban;
    LeadTableView* m_table;
    EmptyLeadsState* m_empty;
    LeadDetailPanel* m_detail;
    QLabel* m_count;
    QToolButton* m_kanbanButton;
    QToolButton* m_tableButton;
    QToolButton* m_bulkMove;
    QToolButton* m_bulkTag;
    QToolButton* m_bulkDelete;
    QToolButton* m_bulkProfiles;
};
