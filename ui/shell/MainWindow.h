#pragma once

#include <QMainWindow>

#include <functional>

class CallingView;
class ConflictsDialog;
class LeadsView;
class NotificationBell;
class PreferencesDialog;
class QLabel;
class QMimeData;
class QListWidget;
class QStackedWidget;
class QUndoStack;
class SyncStatusIndicator;
class WorkspaceRegistry;
class WorkspaceSession;

// The application window: module sidebar, header with global search and notifications, module stack.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(WorkspaceSession* session, QWidget* parent = nullptr);

    // Called once the workspace is open: loads the views.
    void start();
    LeadsView* leadsView() const { return m_leads; }
    CallingView* callingView() const { return m_calling; }
    // Switches the sidebar to the module showing view.
    void showModule(QWidget* view);
    QUndoStack* undoStack() const { return m_undoStack; }
    NotificationBell* bell() const { return m_bell; }
    void openGlobalSearch();
    // Adds a module to the sidebar and the stack; start runs once the workspace is open (after the Leads view's).
    void addModule(QWidget* view, const QIcon& icon, const QString& name, const QString& toolTip,
        std::function<void()> start = {});
    // Switches to the Leads module with the lead's detail panel open (modules link to leads through this).
    void showLead(const QString& leadId);
    // Opens the Settings dialog on a page (PreferencesDialog::aiPage(), …) without blocking; an open one is raised
    // and switched to that page. Modules send the user here to configure what they need.
    PreferencesDialog* openSettings(const QString& page = {});
    // The workspaces Settings → Workspace lists and switches between (the app sets it; tests may leave it out).
    void setWorkspaceRegistry(WorkspaceRegistry* registry) { m_registry = registry; }
    SyncStatusIndicator* syncIndicator() const { return m_syncIndicator; }
    // The open sync conflicts of a server workspace (not blocking; an open one is raised).
    ConflictsDialog* openConflicts();

    static QString importablePath(const QMimeData* mime);

signals:
    // Settings → Workspace → Switch to: the app reopens the window on that workspace.
    void workspaceSwitchRequested(const QString& workspaceId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildSidebar();
    QWidget* buildHeader();
    void buildMenus();

    WorkspaceSession* m_session;
    QUndoStack* m_undoStack;
    QListWidget* m_modules = nullptr;
    QStackedWidget* m_stack = nullptr;
    LeadsView* m_leads = nullptr;
    CallingView* m_calling = nullptr;
    NotificationBell* m_bell = nullptr;
    QLabel* m_workspaceLabel = nullptr;
    SyncStatusIndicator* m_syncIndicator = nullptr;
    WorkspaceRegistry* m_registry = nullptr;
    QList<std::function<void()>> m_moduleStarters;
    bool m_started = false;
};
