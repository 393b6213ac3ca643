#pragma once

#include "models/calling/CallScript.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

// An autonomous calling agent (seed 000 §3.6, §5.5): a queue of leads called with one script.
struct AgentRun
{
    enum class Status { Idle, Running, Paused, Completed, Failed };

    QString id;
    QString orgId;
    QString name;
    QString scriptId;
    CallScript script; // a copy taken when the agent was made, so edits to the script do not change a running agent
    QString provider = QStringLiteral("vapi");
    Status status = Status::Idle;
    int delayMs = 5000; // between two call starts
    int maxRetries = 1; // extra attempts after a no-answer
    QDateTime startedAt;
    QDateTime completedAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isValid() const { return !id.isEmpty(); }
    static QString statusToString(Status status);
    static Status statusFromString(const QString& text);
    static QString statusLabel(Status status);
};

// Live figures of one agent, counted from its queue.
struct AgentStats
{
    int total = 0;
    int completed = 0; // calls that connected and ended normally
    int failed = 0; // calls that failed, and leads skipped by the checks
    int booked = 0;
    int noAnswer = 0; // leads whose last attempt was not answered and that have no retry left
    int remaining = 0; // pending, waiting for a retry, or on a call now
    int skipped = 0;
};

// One line of an agent's error log.
struct AgentLogEntry
{
    QDateTime at;
    QString leadId;
    QString message;
};

Q_DECLARE_METATYPE(AgentRun)
Q_DECLARE_METATYPE(AgentStats)
