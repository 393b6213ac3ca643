#include "services/leads/NotificationCenter.h"

#include "models/Ids.h"
#include "services/events/EventBus.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/LeadRepository.h"

NotificationCenter::NotificationCenter(DatabaseExecutor* executor, EventBus* bus, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
{
    bus->subscribe(HubEvent::Type::LeadStatusChanged, this, [this](const HubEvent& event) {
        const QString to = event.payload.value(QStringLiteral("to")).toString();
        if (to != QLatin1String("won") && to != QLatin1String("lost"))
            return;
        const QString leadId = event.leadId;
        m_executor->run<QString>(
            this,
            [leadId](QSqlDatabase& db) {
                const auto lead = LeadRepository(db).find(leadId);
                return lead ? lead->name : QString();
            },
            [this, to, leadId](const QString& name) {
                if (to == QLatin1String("won"))
                    notify(tr("Deal won"), tr("%1 moved to Won.").arg(name), leadId);
                else
                    notify(tr("Deal lost"), tr("%1 moved to Lost.").arg(name), leadId);
            });
    });
}

void NotificationCenter::load(QObject* context, std::function<void(const QList<Notification>&)> done)
{
    m_executor->run<QList<Notification>>(
        context, [](QSqlDatabase& db) { return NotificationRepository(db).recent(); }, std::move(done));
}

void NotificationCenter::markAllRead()
{
    m_executor->run<bool>(
        this, [](QSqlDatabase& db) { return NotificationRepository(db).markAllRead(QDateTime::currentDateTimeUtc()); },
        [this](bool) { emit changed(); });
}

void NotificationCenter::notify(const QString& title, const QString& body, const QString& leadId)
{
    Notification notification { Ids::newId(), title, body, leadId, false, QDateTime::currentDateTimeUtc() };
    const QString orgId = m_orgId;
    m_executor->run<bool>(
        this, [notification, orgId](QSqlDatabase& db) { return NotificationRepository(db).insert(notification, orgId); },
        [this](bool) { emit changed(); });
}
