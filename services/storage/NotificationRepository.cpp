#include "services/storage/NotificationRepository.h"

#include "models/Ids.h"

#include <QSqlQuery>

NotificationRepository::NotificationRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QList<Notification> NotificationRepository::recent(int limit)
{
    QList<Notification> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, title, body, lead_id, read, created_at FROM notifications "
                                 "WHERE deleted = 0 ORDER BY created_at DESC LIMIT ?"));
    query.addBindValue(limit);
    query.exec();
    while (query.next()) {
        result.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toBool(), Ids::fromStorage(query.value(5).toString()) });
    }
    return result;
}

bool NotificationRepository::insert(const Notification& notification, const QString& orgId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO notifications (id, org_id, title, body, lead_id, read, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)"));
    const QString now = Ids::toStorage(notification.createdAt);
    query.addBindValue(notification.id);
    query.addBindValue(orgId);
    query.addBindValue(notification.title);
    query.addBindValue(notification.body);
    query.addBindValue(notification.leadId);
    query.addBindValue(now);
    query.addBindValue(now);
    return query.exec();
}

bool NotificationRepository::markAllRead(const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE notifications SET read = 1, updated_at = ? WHERE read = 0"));
    query.addBindValue(Ids::toStorage(now));
    return query.exec();
}
