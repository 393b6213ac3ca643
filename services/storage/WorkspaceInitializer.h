#pragma once

#include <QSqlDatabase>
#include <QString>

// Who "we" are inside a workspace file: its organisation and the local user.
struct WorkspaceIdentity
{
    QString workspaceId;
    QString orgId;
    QString userId;
};

// Fills a freshly migrated workspace with its organisation, user and the default pipeline stages.
class WorkspaceInitializer
{
public:
    // Returns an error message, or an empty string when the workspace is ready.
    static QString ensureInitialized(QSqlDatabase& db);
    static WorkspaceIdentity identity(QSqlDatabase& db);
};
