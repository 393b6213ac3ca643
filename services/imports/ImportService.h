#pragma once

#include "services/imports/ImportJob.h"
#include "services/imports/ImportJobRepository.h"
#include "services/imports/ImportRunner.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>

class DatabaseExecutor;
class EventBus;
class LeadStore;

// Runs imports in the background on a connection of their own (so the board stays live), reports progress, and
// offers history, row errors, presets and undo. Lives on the UI thread.
class ImportService : public QObject
{
    Q_OBJECT

public:
    ImportService(DatabaseExecutor* executor, LeadStore* leads, EventBus* bus, QObject* parent = nullptr);
    ~ImportService() override;

    void setWorkspace(const QString& path, const WorkspaceIdentity& identity);
    bool isRunning() const { return m_thread != nullptr; }
    void start(const ImportRequest& request);
    void cancel();

    void undo(const QString& jobId, QObject* context, std::function<void(const QString& error)> done);
    void history(QObject* context, std::function<void(const QList<ImportJob>&)> done);
    void errors(const QString& jobId, QObject* context, std::function<void(const QList<ImportRowError>&)> done);
    void exportErrors(const QString& jobId, const QString& path, QObject* context,
        std::function<void(const QString& error)> done);
    void presets(QObject* context, std::function<void(const QList<ImportJobRepository::Preset>&)> done);
    void savePreset(const ImportJobRepository::Preset& preset, QObject* context, std::function<void(bool)> done);

signals:
    void progressed(const ImportProgress& progress);
    void finished(const ImportJob& job, const QList<ImportRowError>& firstErrors);

private:
    DatabaseExecutor* m_executor;
    LeadStore* m_leads;
    EventBus* m_bus;
    QString m_path;
    WorkspaceIdentity m_identity;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};
