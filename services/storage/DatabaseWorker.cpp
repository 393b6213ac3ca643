#include "services/storage/DatabaseWorker.h"

#include "services/storage/MigrationRunner.h"
#include "services/storage/SqliteConnection.h"
#include "services/storage/WorkspaceInitializer.h"

DatabaseWorker::DatabaseWorker(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

DatabaseWorker::~DatabaseWorker()
{
    close();
}

OpenResult DatabaseWorker::open(const QString& path)
{
    close();
    OpenResult result = SqliteConnection::open(m_connectionName, path, &m_db);
    if (!result.ok()) {
        close(); // a refused file is not kept open
        return result;
    }
    result = MigrationRunner(m_db).migrate();
    if (result.ok()) {
        const OpenResult wal = SqliteConnection::enableWal(m_db);
        if (!wal.ok())
            result = { wal.status, wal.message, result.schemaVersion };
    }
    if (result.ok()) {
        const QString error = WorkspaceInitializer::ensureInitialized(m_db);
        if (!error.isEmpty())
            result = { OpenResult::Status::MigrationFailed, error, result.schemaVersion };
    }
    if (!result.ok())
        close();
    return result;
}

void DatabaseWorker::execute(const std::function<void(QSqlDatabase&)>& task)
{
    task(m_db);
}

void DatabaseWorker::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}
