#include "services/calling/AgentRunStore.h"

#include "models/Ids.h"
#include "services/calling/AgentRunRepository.h"
#include "services/calling/AgentRunner.h"
#include "services/calling/CallService.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/Transaction.h"

#include <QCoreApplication>
#include <QPointer>

namespace {
struct Created
{
    bool ok = true;
    QString error;
    QString runId;
    static Created failure(const QString& message) { return { false, message, {} }; }
};
} // namespace

AgentRunStore::AgentRunStore(CallService* calls, DatabaseExecutor* executor, QObject* parent)
    : QObject(parent)
    , m_calls(calls)
    , m_executor(executor)
{
}

QString AgentRunStore::validate(const AgentRunSpec& spec)
{
    if (spec.name.trimmed().isEmpty())
        return tr("Give the agent a name.");
    if (spec.leadIds.isEmpty())
        return tr("Select the leads the agent should call.");
    if (spec.script.openingLine.trimmed().isEmpty())
        return tr("The script needs an opening line: it is the first thing the agent says.");
    if (spec.delayMs < 0)
        return tr("The delay between calls cannot be negative.");
    if (spec.maxRetries < 0 || spec.maxRetries > kMaxRetries)
        return tr("Retries must be between 0 and %1.").arg(kMaxRetries);
    if (spec.provider != QLatin1String("vapi") && spec.provider != QLatin1String("twilio"))
        return tr("Unknown calling provider “%1”.").arg(spec.provider);
    return {};
}

void AgentRunStore::create(const AgentRunSpec& spec, QObject* context,
    std::function<void(const QString&, const QString&)> done)
{
    QPointer<QObject> guard(context);
    const QString invalid = validate(spec);
    if (!invalid.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [guard, done, invalid] {
                if (guard && done)
                    done({}, invalid);
            },
            Qt::QueuedConnection);
        return;
    }
    AgentRun run;
    run.id = Ids::newId();
    run.orgId = m_identity.orgId;
    run.name = spec.name.trimmed();
    run.scriptId = spec.script.id;
    run.script = spec.script;
    run.provider = spec.provider;
    run.delayMs = spec.delayMs;
    run.maxRetries = spec.maxRetries;
    run.createdAt = run.updatedAt = QDateTime::currentDateTimeUtc();
    QStringList leadIds;
    for (const QString& id : spec.leadIds) {
        if (!leadIds.contains(id))
            leadIds.append(id);
    }
    m_executor->run<Created>(
        this,
        [run, leadIds](QSqlDatabase& db) {
            return inTransaction<Created>(db, [&] {
                AgentRunRepository runs(db);
                if (!runs.insertRun(run, leadIds))
                    return Created::failure(runs.lastError());
                return Created { true, {}, run.id };
            });
        },
        [this, guard, done](const Created& created) {
            if (created.ok)
                emit runsChanged();
            if (guard && done)
                done(created.runId, created.error);
        });
}

void AgentRunStore::list(QObject* context, std::function<void(const QList<AgentRun>&)> done)
{
    m_executor->run<QList<AgentRun>>(
        context, [](QSqlDatabase& db) { return AgentRunRepository(db).runs(); }, std::move(done));
}

void AgentRunStore::log(const QString& runId, QObject* context, std::function<void(const QList<AgentLogEntry>&)> done)
{
    m_executor->run<QList<AgentLogEntry>>(
        context, [runId](QSqlDatabase& db) { return AgentRunRepository(db).logEntries(runId); }, std::move(done));
}

AgentRunner* AgentRunStore::runner(const QString& runId)
{
    AgentRunner* runner = m_runners.value(runId);
    if (!runner) {
        runner = new AgentRunner(runId, m_calls, m_executor, this);
        connect(runner, &AgentRunner::statusChanged, this, &AgentRunStore::runsChanged);
        m_runners.insert(runId, runner);
    }
    return runner;
}

void AgentRunStore::resumeRunning(QObject* context, std::function<void(int)> done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    m_calls->resumeActiveCalls(this, [this, guard, hasContext, done](int) {
        list(this, [this, guard, hasContext, done](const QList<AgentRun>& runs) {
            int restarted = 0;
            for (const AgentRun& run : runs) {
                if (run.status == AgentRun::Status::Running) {
                    runner(run.id)->start();
                    ++restarted;
                }
            }
            if (done && (!hasContext || guard))
                done(restarted);
        });
    });
}
