#pragma once

#include "services/dealdesk/DealPipeline.h"
#include "services/dealdesk/ProposalFilter.h"

#include <QWidget>

Q_MOC_INCLUDE("ui/dealdesk/ProposalEditor.h")

class DealPipelineService;
class PipelineHeader;
class ProposalDraftGenerator;
class ProposalEditor;
class ProposalFilterProxy;
class ProposalOpener;
class ProposalListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoStack;
class WorkspaceSession;

// The Deal Desk module: the pipeline (open deals by buying intent, proposals by status), the proposals list with
// search and filters, and the entry points to create, generate, edit, export and delete proposals.
class DealDeskView : public QWidget
{
    Q_OBJECT

public:
    DealDeskView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent = nullptr);

    // Loads the pipeline and the list once the workspace is open.
    void start();
    void reload();

    void newProposal();
    // Asks for the lead, then has the AI draft a proposal for it (or explains what to configure).
    void generateDraft();
    void generateDraftFor(const QString& leadId, const QString& leadLabel);
    void openProposal(const QString& id);
    void deleteSelected();
    void focusSearch();
    void setFilter(const ProposalFilter& filter);

    PipelineHeader* header() const { return m_header; }
    QTableView* table() const { return m_table; }
    ProposalListModel* model() const { return m_model; }
    ProposalFilterProxy* proxy() const { return m_proxy; }
    ProposalDraftGenerator* generator() const { return m_generator; }
    ProposalOpener* opener() const { return m_opener; }
    const DealPipelineSnapshot& snapshot() const { return m_snapshot; }

signals:
    void leadRequested(const QString& leadId);
    void openAiSettingsRequested();
    void statusMessage(const QString& text);
    // Every reload that reached the screen (tests wait on it).
    void loaded();
    void editorOpened(ProposalEditor* editor);

protected:
    bool event(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildEmptyState();
    void applySnapshot(const DealPipelineSnapshot& snapshot);
    void refreshEmptyState();
    void toggleIntent(const QString& key);
    void toggleStatus(Proposal::Status status);
    QString selectedId() const;
    void showContextMenu(const QPoint& pos);

    WorkspaceSession* m_session;
    QUndoStack* m_undoStack;
    DealPipelineService* m_pipeline;
    ProposalDraftGenerator* m_generator;
    ProposalOpener* m_opener;
    DealPipelineSnapshot m_snapshot;
    bool m_started = false;
    bool m_loadedOnce = false;
    QTimer* m_reloadTimer;
    PipelineHeader* m_header;
    ProposalListModel* m_model;
    ProposalFilterProxy* m_proxy;
    QTableView* m_table;
    QLineEdit* m_search;
    QComboBox* m_statusFilter;
    QLabel* m_count;
    QLabel* m_noMatches;
    QStackedWidget* m_stack;
};
