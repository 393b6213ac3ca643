#pragma once

#include "services/workspace/WorkspaceEntry.h"

#include <QObject>

#include <functional>
#include <memory>

class MainWindow;
class WorkspaceRegistry;
class WorkspaceSession;
struct OpenResult;

// The composition root's part that opens a workspace in a window: the registry's active workspace at start (or the
// --db file), with a server workspace's password from the keychain (asked for when the keychain has none or cannot
// be reached, or when the server refuses it), and again on Settings → Workspace → Switch to, which replaces the
// window and its session by ones for the chosen workspace.
class WorkspaceLauncher : public QObject
{
    Q_OBJECT

public:
    // opened(window, result) runs after every open (the first one and each switch).
    using Opened = std::function<void(MainWindow*, const OpenResult&)>;

    WorkspaceLauncher(WorkspaceRegistry* registry, Opened opened, QObject* parent = nullptr);
    ~WorkspaceLauncher() override;

    // localPath set: open that file as the Local workspace (--db) instead of the remembered workspace.
    void openAtStart(const QString& localPath);
    MainWindow* window() const { return m_window.get(); }
    WorkspaceSession* session() const { return m_session.get(); }

signals:
    // A window was built (before its workspace is open); hooks for the start-up report and the screenshot tour.
    void windowCreated(MainWindow* window);

private:
    void open(const WorkspaceEntry& entry);
    void build(const WorkspaceEntry& entry, const QString& password);
    void switchTo(const QString& workspaceId);
    // Asks for the password of the open server workspace; reason says why.
    void askPassword(const QString& reason, bool keychainAvailable);

    WorkspaceRegistry* m_registry;
    Opened m_opened;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    bool m_asking = false;
};
