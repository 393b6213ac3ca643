#pragma once

#include <QMainWindow>

class LeadsView;
class NotificationBell;
class QLabel;
class QMimeData;
class QListWidget;
class QStackedWidget;
class QUndoStack;
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
    QUndoStack* undoStack() const { return m_undoStack; }
    NotificationBell* bell() const { return m_bell; }
    void openGlobalSearch();

    static QString importablePath(const QMimeData* mime);

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
    NotificationBell* m_bell = nullptr;
    QLabel* m_workspaceLabel = nullptr;
};
