#pragma once

#include <QIcon>
#include <QWidget>

class QFrame;
class QLabel;
class QTabWidget;
class QUndoStack;
class ScriptsTab;
class WorkspaceSession;

// The Calling module: a banner that says what to configure while no calling provider has a key, and the module's
// tabs: Calls, Scripts, Agents, Live monitor and Analytics.
class CallingView : public QWidget
{
    Q_OBJECT

public:
    CallingView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent = nullptr);

    void start();
    // Adds a tab (e.g. CallsTab, AgentsTab, LiveMonitorTab, CallAnalyticsTab); returns its index.
    int addTab(QWidget* tab, const QString& title, const QIcon& icon = {});
    void showTab(QWidget* tab);

    QTabWidget* tabs() const { return m_tabs; }
    ScriptsTab* scriptsTab() const { return m_scripts; }
    bool setupBannerVisible() const;

signals:
    void openCallingSettingsRequested();
    void statusMessage(const QString& text);

private:
    QFrame* buildBanner();
    void refreshBanner();

    WorkspaceSession* m_session;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QTabWidget* m_tabs;
    ScriptsTab* m_scripts;
};
