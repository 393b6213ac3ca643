#pragma once

#include "models/Activity.h"
#include "services/leads/WriteOutcome.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>

class DatabaseExecutor;
class EventBus;

// A lead's activity timeline: reads newest first; notes can be added, edited and deleted (and restored for undo).
class TimelineStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(bool ok, const QString& error)>;

    TimelineStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent = nullptr);
    void setOrgId(const QString& orgId) { m_orgId = orgId; }

    void load(const QString& leadId, QObject* context, std::function<void(const QList<Activity>&)> done);
    void addNote(const QString& leadId, const QString& body, QObject* context, Done done = {});
    void editNote(const QString& activityId, const QString& body, QObject* context, Done done = {});
    void setNoteDeleted(const QString& activityId, bool deleted, QObject* context, Done done = {});

signals:
    // The timeline of this lead changed; open timelines reload.
    void timelineChanged(const QString& leadId);

private:
    void write(const QString& leadId, QObject* context, std::function<QString(QSqlDatabase&)> job, Done done);

    DatabaseExecutor* m_executor;
    EventBus* m_bus;
    QString m_orgId;
};
