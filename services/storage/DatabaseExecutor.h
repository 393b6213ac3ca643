#pragma once

#include "services/storage/OpenResult.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QThread>

#include <functional>

class DatabaseWorker;

// Owns the database thread and its one connection. Jobs run there in order; answers come back on the thread
// that owns the executor, and only while the caller's context object is still alive.
class DatabaseExecutor : public QObject
{
    Q_OBJECT

public:
    using Task = std::function<void(QSqlDatabase&)>;

    explicit DatabaseExecutor(QObject* parent = nullptr);
    ~DatabaseExecutor() override;

    // Opens (creating and migrating if needed) the SQLite file on the database thread.
    void open(const QString& path);
    // Same, but waits: for command-line tools, benchmarks and tests, never the UI thread.
    OpenResult openBlocking(const QString& path);

    // Tasks posted before the first open() wait for it: a view that asks for its rows while the window is being
    // built gets them from the workspace, not an error from a connection that is not open yet.
    void post(Task task);
    void runBlocking(const Task& task);

    template <typename Result, typename Job, typename Done>
    void run(QObject* context, Job job, Done done)
    {
        QPointer<QObject> guard(context);
        post([this, guard, job = std::move(job), done = std::move(done)](QSqlDatabase& db) mutable {
            Result result = job(db);
            QMetaObject::invokeMethod(
                this,
                [guard, done, result = std::move(result)]() mutable {
                    if (guard)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    QString path() const { return m_path; }

signals:
    void opened(const OpenResult& result);

private:
    void postNow(Task task);
    void openRequested();

    QThread m_thread;
    QMutex m_earlyMutex;
    bool m_openRequested = false;
    QList<Task> m_early; // posted before the first open()
    DatabaseWorker* m_worker = nullptr;
    QString m_path;
};
