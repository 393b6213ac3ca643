#include "models/calling/AgentRun.h"

#include <QCoreApplication>

QString AgentRun::statusToString(Status status)
{
    switch (status) {
    case Status::Idle:
        return QStringLiteral("idle");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Paused:
        return QStringLiteral("paused");
    case Status::Completed:
        return QStringLiteral("completed");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

AgentRun::Status AgentRun::statusFromString(const QString& text)
{
    if (text == QLatin1String("running"))
        return Status::Running;
    if (text == QLatin1String("paused"))
        return Status::Paused;
    if (text == QLatin1String("completed"))
        return Status::Completed;
    if (text == QLatin1String("failed"))
        return Status::Failed;
    return Status::Idle;
}

QString AgentRun::statusLabel(Status status)
{
    switch (status) {
    case Status::Idle:
        return QCoreApplication::translate("AgentRun", "Not started");
    case Status::Running:
        return QCoreApplication::translate("AgentRun", "Running");
    case Status::Paused:
        return QCoreApplication::translate("AgentRun", "Paused");
    case Status::Completed:
        return QCoreApplication::translate("AgentRun", "Finished");
    case Status::Failed:
        return QCoreApplication::translate("AgentRun", "Failed");
    }
    return {};
}
