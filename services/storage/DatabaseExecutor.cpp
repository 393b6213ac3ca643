#include "services/storage/DatabaseExecutor.h"

#include "services/storage/DatabaseWorker.h"

#include <QAtomicInt>
#include <QScopeGuard>

namespace {
QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("hub-db-%1").arg(counter.fetchAndAddRelaxed(1));
}
} // namespace

DatabaseExecutor::DatabaseExecutor(QObject* parent)
    : QObject(parent)
    , m_worker(new DatabaseWorker(nextConnectionName()))
{
    qRegisterMetaType<OpenResult>();
    m_thread.setObjectName(QStringLiteral("database"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DatabaseExecutor::~DatabaseExecutor()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DatabaseExecutor::open(const QString& path)
{
    m_path = path;
    const auto flush = qScopeGuard([this] { openRequested(); });
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, path] {
            const OpenResult result = worker->open(path);
            QMetaObject::invokeMethod(this, [this, result] { emit opened(result); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

OpenResult DatabaseExecutor::openBlocking(const QString& path)
{
    m_path = path;
    OpenResult result;
    QMetaObject::invokeMethod(
        m_worker, [&result, worker = m_worker, path] { result = worker->open(path); }, Qt::BlockingQueuedConnection);
    openRequested();
    return result;
}

void DatabaseExecutor::openRequested()
{
    QList<Task> early;
    {
        const QMutexLocker lock(&m_earlyMutex);
        m_openRequested = true;
        early.swap(m_early);
    }
    for (Task& task : early)
        postNow(std::move(task));
}

void DatabaseExecutor::post(Task task)
{
    {
        const QMutexLocker lock(&m_earlyMutex);
        if (!m_openRequested) {
            m_early.append(std::move(task));
            return;
        }
    }
    postNow(std::move(task));
}

void DatabaseExecutor::postNow(Task task)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, task = std::move(task)] { worker->execute(task); }, Qt::QueuedConnection);
}

void DatabaseExecutor::runBlocking(const Task& task)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, &task] { worker->execute(task); }, Qt::BlockingQueuedConnection);
}
