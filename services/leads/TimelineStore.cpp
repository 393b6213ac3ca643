#include "services/leads/TimelineStore.h"

#include "models/Ids.h"
#include "services/events/EventBus.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/LeadRepository.h"

#include <QSqlError>
#include <QSqlQuery>

TimelineStore::TimelineStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_bus(bus)
{
    // Status changes and new leads write timeline entries elsewhere; open timelines follow them.
    connect(bus, &EventBus::published, this, [this](const HubEvent& event) {
        if (!event.leadId.isEmpty())
            emit timelineChanged(event.leadId);
    });
}

void TimelineStore::load(const QString& leadId, QObject* context, std::function<void(const QList<Activity>&)> done)
{
    m_executor->run<QList<Activity>>(
        context, [leadId](QSqlDatabase& db) { return ActivityRepository(db).forLead(leadId); }, std::move(done));
}

void TimelineStore::write(const QString& leadId, QObject* context, std::function<QString(QSqlDatabase&)> job,
    Done done)
{
    QPointer<QObject> guard(context);
    m_executor->run<QString>(
        this,
        [job = std::move(job)](QSqlDatabase& db) {
            if (!db.transaction())
                return db.lastError().text();
            const QString error = job(db);
            if (!error.isEmpty()) {
                db.rollback();
                return error;
            }
            return db.commit() ? QString() : db.lastError().text();
        },
        [this, leadId, guard, done = std::move(done)](const QString& error) {
            if (error.isEmpty())
                emit timelineChanged(leadId);
            if (done && guard)
                done(error.isEmpty(), error);
        });
}

void TimelineStore::addNote(const QString& leadId, const QString& body, QObject* context, Done done)
{
    const QString orgId = m_orgId;
    const QString noteId = Ids::newId();
    QPointer<QObject> guard(context);
    // The store is the context of the write, so activity.added is published even when the caller is gone.
    write(
        leadId, this,
        [leadId, body, orgId, noteId](QSqlDatabase& db) {
            Activity note;
            note.id = noteId;
            note.leadId = leadId;
            note.kind = Activity::Kind::Note;
            note.body = body;
            note.createdAt = note.updatedAt = QDateTime::currentDateTimeUtc();
            ActivityRepository activities(db);
            if (!activities.insert(note, orgId))
                return activities.lastError();
            LeadRepository leads(db);
            return leads.touchContacted(leadId, note.createdAt) ? QString() : leads.lastError();
        },
        [this, leadId, noteId, guard, done = std::move(done)](bool ok, const QString& error) {
            if (ok) {
                HubEvent event;
                event.type = HubEvent::Type::ActivityAdded;
                event.leadId = leadId;
                event.payload = { { QStringLiteral("activity_id"), noteId }, { QStringLiteral("kind"), QStringLiteral("note") } };
                m_bus->publish(event);
            }
            if (done && guard)
                done(ok, error);
        });
}

void TimelineStore::editNote(const QString& activityId, const QString& body, QObject* context, Done done)
{
    write(
        {}, context,
        [activityId, body](QSqlDatabase& db) {
            ActivityRepository activities(db);
            return activities.updateBody(activityId, body, QDateTime::currentDateTimeUtc()) ? QString()
                                                                                             : activities.lastError();
        },
        std::move(done));
}

void TimelineStore::setNoteDeleted(const QString& activityId, bool deleted, QObject* context, Done done)
{
    write(
        {}, context,
        [activityId, deleted](QSqlDatabase& db) {
            ActivityRepository activities(db);
            return activities.setDeleted(activityId, deleted, QDateTime::currentDateTimeUtc())
                ? QString()
                : activities.lastError();
        },
        std::move(done));
}
