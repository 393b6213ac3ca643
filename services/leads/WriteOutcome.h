#pragma once

#include "models/Lead.h"
#include "services/events/HubEvent.h"

#include <QList>
#include <QStringList>

// What a committed write changed: rows for open lists, events to publish, and an error if it was rolled back.
struct WriteOutcome
{
    bool ok = true;
    QString error;
    QList<Lead> changed;
    QStringList removed;
    QList<HubEvent> events;

    static WriteOutcome failure(const QString& message)
    {
        WriteOutcome outcome;
        outcome.ok = false;
        outcome.error = message;
        return outcome;
    }
};

// Before-values a write records on the database thread so that its undo, queued after it, can restore them.
struct LeadChangeRecord
{
    QHash<QString, QString> previousStatus;
    QHash<QString, QStringList> previousTags;
    QStringList activityIds;
};
