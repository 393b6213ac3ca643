#pragma once

#include "services/brain/BrainInsights.h"

#include <QWidget>

class BrainInsightsService;
class BrainLeadTableModel;
class BrainSuggestionModel;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;
class QUndoStack;
class WorkspaceSession;

// The Neural Brain module: analysed leads ranked by deal heat, hot leads, stalled deals and suggestions of what to do
// next, with each lead's estimated value from the price list. Every row opens its lead (leadRequested).
class NeuralBrainView : public QWidget
{
    Q_OBJECT

public:
    NeuralBrainView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent = nullptr);

    // Loads once the workspace is open; afterwards it follows the workspace's events.
    void start();
    void refresh();
    void openServices();

    BrainInsightsService* service() const { return m_service; }
    BrainLeadTableModel* leaderboardModel() const { return m_leaderboardModel; }
    BrainLeadTableModel* hotModel() const { return m_hotModel; }
    BrainLeadTableModel* stalledModel() const { return m_stalledModel; }
    BrainSuggestionModel* suggestionModel() const { return m_suggestionModel; }
    QTableView* leaderboardTable() const { return m_leaderboard; }
    QTreeView* suggestionsView() const { return m_suggestions; }
    bool showsEmptyState() const;

signals:
    void leadRequested(const QString& leadId);
    void openAiSettingsRequested();
    // Every set of insights that reached the screen (tests wait on it).
    void loaded();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildHeader();
    QWidget* buildEmptyState();
    QWidget* buildContent();
    QTableView* buildTable(BrainLeadTableModel* model, const QString& objectName, const QList<int>& hiddenColumns);
    void apply(const BrainInsights& insights);
    void activateSuggestion(const QModelIndex& index);

    WorkspaceSession* m_session;
    QUndoStack* m_undoStack;
    BrainInsightsService* m_service;
    BrainLeadTableModel* m_leaderboardModel;
    BrainLeadTableModel* m_hotModel;
    BrainLeadTableModel* m_stalledModel;
    BrainSuggestionModel* m_suggestionModel;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QSpinBox* m_stalledDays = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_leaderboard = nullptr;
    QTableView* m_hot = nullptr;
    QTableView* m_stalled = nullptr;
    QTreeView* m_suggestions = nullptr;
    QLabel* m_emptyStalled = nullptr;
    QString m_firstUnanalysedLead;
    bool m_started = false;
};
