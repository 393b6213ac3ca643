#pragma once

#include <QWidget>

class AgentRunStore;
class CallListenClient;
class CallService;
class LiveCallModel;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTableView;

// Live monitor: every call in progress with its lead, agent, state and a running timer. "Listen" streams the
// selected call's audio from the provider's listen socket (volume, level meters, channel choice), "End call" hangs
// up, and the live transcript shows what the provider sends.
class LiveMonitorTab : public QWidget
{
    Q_OBJECT

public:
    LiveMonitorTab(CallService* calls, AgentRunStore* agents, QWidget* parent = nullptr);
    ~LiveMonitorTab() override;

    QTableView* table() const { return m_table; }
    LiveCallModel* model() const { return m_model; }
    CallListenClient* listener() const { return m_listener; }

private:
    QString selectedCallId() const;
    void toggleListen();
    void endCall();
    void refreshAgentNames();
    void updateState();

    CallService* m_calls;
    AgentRunStore* m_agents;
    LiveCallModel* m_model;
    CallListenClient* m_listener;
    QString m_listeningTo;
    QTableView* m_table;
    QLabel* m_empty;
    QPushButton* m_listen;
    QPushButton* m_end;
    QComboBox* m_channel;
    QSlider* m_volume;
    QProgressBar* m_customerLevel;
    QProgressBar* m_assistantLevel;
    QLabel* m_status;
    QPlainTextEdit* m_transcript;
};
