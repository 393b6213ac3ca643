#pragma once

#include "models/calling/AgentRun.h"
#include "models/calling/CallScript.h"

#include <QWidget>

class AgentRunStore;
class AgentRunner;
class CallScriptSource;
class LeadListSource;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// Agents: make an agent from a selection of leads, a script, a delay between calls and a number of retries; start,
// pause and resume it; watch its live figures and error log.
class AgentsTab : public QWidget
{
    Q_OBJECT

public:
    AgentsTab(AgentRunStore* agents, CallScriptSource* scripts, LeadListSource* leads, QWidget* parent = nullptr);

    // Ticks these leads in the list (e.g. the selection of the Leads view).
    void selectLeads(const QStringList& leadIds);
    QString currentRunId() const { return m_currentRunId; }

signals:
    void agentCreated(const QString& runId);

private:
    void loadScripts();
    void loadLeads();
    void loadRuns();
    void createAgent();
    void showRun(const QString& runId);
    void watch(AgentRunner* runner);
    void showStats(const AgentStats& stats);
    void updateButtons();

    AgentRunStore* m_agents;
    CallScriptSource* m_scripts;
    LeadListSource* m_leads;
    QList<CallScript> m_scriptList;
    QStringList m_preselected;
    QString m_currentRunId;

    QLineEdit* m_name;
    QComboBox* m_script;
    QLineEdit* m_leadSearch;
    QListWidget* m_leadList;
    QSpinBox* m_delay;
    QSpinBox* m_retries;
    QPushButton* m_create;
    QLabel* m_formMessage;
    QListWidget* m_runs;
    QPushButton* m_start;
    QPushButton* m_pause;
    QLabel* m_stats;
    QPlainTextEdit* m_log;
};
