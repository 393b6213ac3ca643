#pragma once

#include "models/calling/AgentRun.h"
#include "models/calling/CallScript.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

class AgentRunner;
class CallService;
class DatabaseExecutor;

// What the Agents tab asks for when it creates an agent.
struct AgentRunSpec
{
    QString name;
    QStringList leadIds;
    CallScript script;
    QString provider = QStringLiteral("vapi");
    int delayMs = 5000;
    int maxRetries = 1;
};

// The agents of a workspace: creates them (queue and all, in one transaction), lists them, and owns one AgentRunner
// per agent so a run is never driven twice. resumeRunning() restarts the agents that were running when the app
// closed.
class AgentRunStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRetries = 10;

    AgentRunStore(CallService* calls, DatabaseExecutor* executor, QObject* parent = nullptr);

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }

    // done(run id, error): the error is translated and nothing was stored when it is set.
    void create(const AgentRunSpec& spec, QObject* context, std::function<void(const QString&, const QString&)> done);
    void list(QObject* context, std::function<void(const QList<AgentRun>&)> done);
    void log(const QString& runId, QObject* context, std::function<void(const QList<AgentLogEntry>&)> done);
    // The one runner of an agent, made on first use.
    AgentRunner* runner(const QString& runId);
    // Follows calls left open and restarts agents that were running. done(agents restarted).
    void resumeRunning(QObject* context = nullptr, std::function<void(int)> done = {});

    static QString validate(const AgentRunSpec& spec);

signals:
    void runsChanged();

private:
    CallService* m_calls;
    DatabaseExecutor* m_executor;
    WorkspaceIdentity m_identity;
    QHash<QString, AgentRunner*> m_runners;
};
