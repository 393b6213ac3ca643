#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class TeamMembersPanel;
class WorkspaceRegistry;
class WorkspaceSession;

// Settings → Workspace: the workspaces on this computer (Local and team servers), connecting to a server, switching
// the window to another workspace and removing one; for an open server workspace also its members.
class WorkspaceSettingsPage : public QWidget
{
    Q_OBJECT

public:
    WorkspaceSettingsPage(WorkspaceRegistry* registry, WorkspaceSession* session, QWidget* parent = nullptr);

    // Opens Connect to server… (window-modal, not blocking).
    void connectToServer();
    void switchToSelected();
    // Asks first; the data on the server is not touched.
    void removeSelected();
    void selectWorkspace(const QString& id);
    QString selectedId() const;

    QListWidget* list() const { return m_list; }
    // Members of the open server workspace; nullptr for the Local workspace.
    TeamMembersPanel* members() const { return m_members; }

signals:
    void switchRequested(const QString& workspaceId);

private:
    void reloadList();
    void updateActions();

    WorkspaceRegistry* m_registry;
    WorkspaceSession* m_session;
    QListWidget* m_list;
    QPushButton* m_connect;
    QPushButton* m_switch;
    QPushButton* m_remove;
    QLabel* m_message;
    TeamMembersPanel* m_members = nullptr;
};
