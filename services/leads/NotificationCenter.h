#pragma once

#include "services/storage/NotificationRepository.h"

#include <QObject>

#include <functional>

class DatabaseExecutor;
class EventBus;

// Turns workspace events worth a person's attention (a deal won or lost) into stored notifications for the bell.
class NotificationCenter : public QObject
{
    Q_OBJECT

public:
    NotificationCenter(DatabaseExecutor* executor, EventBus* bus, QObject* parent = nullptr);
    void setOrgId(const QString& orgId) { m_orgId = orgId; }

    void load(QObject* context, std::function<void(const QList<Notification>&)> done);
    void markAllRead();
    void notify(const QString& title, const QString& body, const QString& leadId);

signals:
    void changed();

private:
    DatabaseExecutor* m_executor;
    QString m_orgId;
};
