#include "services/imports/ImportService.h"

#include "services/events/EventBus.h"
#include "services/imports/CsvWriter.h"
#include "services/imports/ImportUndoer.h"
#include "services/leads/LeadStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/SqliteConnection.h"

#include <QAtomicInt>
#include <QFile>
#include <QSaveFile>

ImportService::ImportService(DatabaseExecutor* executor, LeadStore* leads, EventBus* bus, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_leads(leads)
    , m_bus(bus)
{
    qRegisterMetaType<ImportJob>();
    qRegisterMetaType<ImportProgress>();
}

ImportService::~ImportService()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

void ImportService::setWorkspace(const QString& path, const WorkspaceIdentity& identity)
{
    m_path = path;
    m_identity = identity;
    m_executor->run<bool>(
        this, [](QSqlDatabase& db) { return ImportJobRepository(db).markStaleJobsInterrupted(QDateTime::currentDateTimeUtc()); },
        [](bool) {});
}

void ImportService::start(const ImportRequest& request)
{
    if (m_thread)
        return;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    static QAtomicInt counter;
    const QString connectionName = QStringLiteral("hub-import-%1").arg(counter.fetchAndAddRelaxed(1));
    const QString path = m_path;
    const WorkspaceIdentity identity = m_identity;
    const auto cancel = m_cancel;
    QPointer<ImportService> self(this);
    m_thread = QThread::create([self, request, path, identity, cancel, connectionName] {
        ImportJob job;
        QList<ImportRowError> errors;
        {
            QSqlDatabase db;
            const OpenResult opened = SqliteConnection::open(connectionName, path, &db);
            if (opened.ok()) {
                ImportRunner runner(db, identity);
                job = runner.run(request, cancel.get(), [self](const ImportProgress& progress) {
                    QMetaObject::invokeMethod(
                        self, [self, progress] { emit self->progressed(progress); }, Qt::QueuedConnection);
                });
                errors = runner.rowErrors();
            } else {
                job.status = QStringLiteral("failed");
                job.error = opened.message;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
        QMetaObject::invokeMethod(
            self,
            [self, job, errors] {
                self->m_thread->wait();
                delete self->m_thread;
                self->m_thread = nullptr;
                if (job.imported > 0 || job.updated > 0)
                    emit self->m_leads->leadsReset();
                HubEvent event;
                event.type = HubEvent::Type::ImportCompleted;
                event.payload = { { QStringLiteral("job_id"), job.id }, { QStringLiteral("status"), job.status },
                    { QStringLiteral("imported"), job.imported }, { QStringLiteral("updated"), job.updated },
                    { QStringLiteral("skipped"), job.skipped }, { QStringLiteral("failed"), job.failed } };
                self->m_bus->publish(event);
                emit self->finished(job, errors);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("import"));
    m_thread->start(QThread::LowPriority);
}

void ImportService::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportService::undo(const QString& jobId, QObject* context, std::function<void(const QString&)> done)
{
    struct Outcome
    {
        QString error;
        QStringList created;
        QStringList restored;
    };
    QPointer<QObject> guard(context);
    m_executor->run<Outcome>(
        this,
        [jobId](QSqlDatabase& db) {
            Outcome outcome;
            outcome.error = ImportUndoer(db).undo(jobId, &outcome.created, &outcome.restored);
            return outcome;
        },
        [this, guard, done = std::move(done)](const Outcome& outcome) {
            if (outcome.error.isEmpty())
                emit m_leads->leadsReset();
            if (guard && done)
                done(outcome.error);
        });
}

void ImportService::history(QObject* context, std::function<void(const QList<ImportJob>&)> done)
{
    m_executor->run<QList<ImportJob>>(
        context, [](QSqlDatabase& db) { return ImportJobRepository(db).history(); }, std::move(done));
}

void ImportService::errors(const QString& jobId, QObject* context, std::function<void(const QList<ImportRowError>&)> done)
{
    m_executor->run<QList<ImportRowError>>(
        context, [jobId](QSqlDatabase& db) { return ImportJobRepository(db).errors(jobId, 5000); }, std::move(done));
}

void ImportService::exportErrors(const QString& jobId, const QString& path, QObject* context,
    std::function<void(const QString&)> done)
{
    m_executor->run<QString>(
        context,
        [jobId, path](QSqlDatabase& db) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return file.errorString();
            CsvWriter writer(&file);
            writer.writeRecord({ tr("Row"), tr("Severity"), tr("Reason"), tr("Original row") });
            for (const ImportRowError& error : ImportJobRepository(db).errors(jobId))
                writer.writeRecord({ QString::number(error.row), error.severity, error.reason,
                    CsvWriter::escapeFormula(error.raw) });
            return file.commit() ? QString() : file.errorString();
        },
        std::move(done));
}

void ImportService::presets(QObject* context, std::function<void(const QList<ImportJobRepository::Preset>&)> done)
{
    m_executor->run<QList<ImportJobRepository::Preset>>(
        context, [](QSqlDatabase& db) { return ImportJobRepository(db).presets(); }, std::move(done));
}

void ImportService::savePreset(const ImportJobRepository::Preset& preset, QObject* context, std::function<void(bool)> done)
{
    const QString orgId = m_identity.orgId;
    m_executor->run<bool>(
        context, [preset, orgId](QSqlDatabase& db) { return ImportJobRepository(db).savePreset(preset, orgId); },
        std::move(done));
}
