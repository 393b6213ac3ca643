#pragma once

#include "services/storage/DatabaseExecutor.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QTemporaryDir>

#include <memory>

// A fresh workspace file in a temporary folder, filled with seeded demo leads, open on its database thread.
// The folder and everything in it go away with the object.
class BenchWorkspace
{
public:
    BenchWorkspace();
    ~BenchWorkspace();

    // Creates, migrates and fills the workspace with n leads (no activities). Returns an error message or "".
    QString create(int n, quint32 seed);
    // Closes the database (checkpointing the WAL) so another process can own the file.
    void close();

    DatabaseExecutor& executor() { return *m_executor; }
    const WorkspaceIdentity& identity() const { return m_identity; }
    QString filePath() const { return m_path; }
    double generateMs() const { return m_generateMs; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DatabaseExecutor> m_executor;
    WorkspaceIdentity m_identity;
    QString m_path;
    double m_generateMs = 0;
};
