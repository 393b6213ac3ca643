#pragma once

#include "models/Activity.h"

#include <QSqlDatabase>

// SQL for the timeline of a lead.
class ActivityRepository
{
public:
    explicit ActivityRepository(QSqlDatabase db);

    QList<Activity> forLead(const QString& leadId, int limit = 500);
    bool insert(const Activity& activity, const QString& orgId);
    bool updateBody(const QString& id, const QString& body, const QDateTime& now);
    bool setDeleted(const QString& id, bool deleted, const QDateTime& now);
    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    QString m_lastError;
};
