#pragma once

#include "services/workspace/WorkspaceSession.h"
#include "tests/workspace/TeamWorkspaces.h"
#include "ui/leads/LeadsView.h"
#include "ui/shell/MainWindow.h"

#include <QSignalSpy>

#include <memory>

// One desktop of a team-mode GUI test: a main window over a WorkspaceSession opened on a server workspace, as the
// app builds them (the window is destroyed first).
struct TeamWindow {
    std::unique_ptr<WorkspaceSession> session;
    std::unique_ptr<MainWindow> window;

    bool open(const WorkspaceEntry& entry, const QString& password)
    {
        session = std::make_unique<WorkspaceSession>();
        if (!session->openBlocking(entry, password, TeamWorkspaces::fastOptions()).ok())
            return false;
        window = std::make_unique<MainWindow>(session.get());
        QSignalSpy loaded(window->leadsView(), &LeadsView::firstLoadFinished);
        window->show();
        window->start();
        return loaded.wait(10000) || loaded.count() > 0;
    }

    ~TeamWindow()
    {
        window.reset();
        session.reset();
    }
};
