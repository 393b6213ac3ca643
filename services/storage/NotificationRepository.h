#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

struct Notification
{
    QString id;
    QString title;
    QString body;
    QString leadId;
    bool read = false;
    QDateTime createdAt;
};

class NotificationRepository
{
public:
    explicit NotificationRepository(QSqlDatabase db);
    QList<Notification> recent(int limit = 50);
    bool insert(const Notification& notification, const QString& orgId);
    bool markAllRead(const QDateTime& now);

private:
    QSqlDatabase m_db;
};
