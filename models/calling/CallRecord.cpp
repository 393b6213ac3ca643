#include "models/calling/CallRecord.h"

#include <QCoreApplication>

QString CallRecord::statusToString(Status status)
{
    switch (status) {
    case Status::Queued:
        return QStringLiteral("queued");
    case Status::Ringing:
        return QStringLiteral("ringing");
    case Status::InProgress:
        return QStringLiteral("in-progress");
    case Status::Completed:
        return QStringLiteral("completed");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

CallRecord::Status CallRecord::statusFromString(const QString& text)
{
    if (text == QLatin1String("ringing"))
        return Status::Ringing;
    if (text == QLatin1String("in-progress"))
        return Status::InProgress;
    if (text == QLatin1String("completed"))
        return Status::Completed;
    if (text == QLatin1String("failed"))
        return Status::Failed;
    return Status::Queued;
}

QString CallRecord::outcomeToString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::None:
        return {};
    case Outcome::Booked:
        return QStringLiteral("booked");
    case Outcome::FollowUp:
        return QStringLiteral("follow-up");
    case Outcome::NotInterested:
        return QStringLiteral("not-interested");
    case Outcome::NoAnswer:
        return QStringLiteral("no-answer");
    }
    return {};
}

CallRecord::Outcome CallRecord::outcomeFromString(const QString& text)
{
    if (text == QLatin1String("booked"))
        return Outcome::Booked;
    if (text == QLatin1String("follow-up"))
        return Outcome::FollowUp;
    if (text == QLatin1String("not-interested"))
        return Outcome::NotInterested;
    if (text == QLatin1String("no-answer"))
        return Outcome::NoAnswer;
    return Outcome::None;
}

QString CallRecord::statusLabel(Status status)
{
    switch (status) {
    case Status::Queued:
        return QCoreApplication::translate("CallRecord", "Queued");
    case Status::Ringing:
        return QCoreApplication::translate("CallRecord", "Ringing");
    case Status::InProgress:
        return QCoreApplication::translate("CallRecord", "In progress");
    case Status::Completed:
        return QCoreApplication::translate("CallRecord", "Completed");
    case Status::Failed:
        return QCoreApplication::translate("CallRecord", "Failed");
    }
    return {};
}

QString CallRecord::outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::None:
        return {};
    case Outcome::Booked:
        return QCoreApplication::translate("CallRecord", "Booked");
    case Outcome::FollowUp:
        return QCoreApplication::translate("CallRecord", "Follow-up");
    case Outcome::NotInterested:
        return QCoreApplication::translate("CallRecord", "Not interested");
    case Outcome::NoAnswer:
        return QCoreApplication::translate("CallRecord", "No answer");
    }
    return {};
}
