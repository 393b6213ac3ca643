#pragma once

#include "services/storage/WorkspaceInitializer.h"

#include <QSqlDatabase>

// Sample call scripts, a small objection library and a playbook for sample workspaces (--demo, "Load sample data").
class DemoCallScripts
{
public:
    // Adds them when the org has no scripts yet; the caller owns the transaction. Returns an error message or "".
    static QString insert(QSqlDatabase& db, const WorkspaceIdentity& identity);
};
