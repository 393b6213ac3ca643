#include "services/storage/ActivityRepository.h"

#include "models/Ids.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

ActivityRepository::ActivityRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QList<Activity> ActivityRepository::forLead(const QString& leadId, int limit)
{
    QList<Activity> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, lead_id, kind, body, meta, created_at, updated_at FROM activities "
                                 "WHERE lead_id = ? AND deleted = 0 ORDER BY created_at DESC, id DESC LIMIT ?"));
    query.addBindValue(leadId);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return result;
    }
    while (query.next()) {
        Activity activity;
        activity.id = query.value(0).toString();
        activity.leadId = query.value(1).toString();
        activity.kind = Activity::kindFromString(query.value(2).toString());
        activity.body = query.value(3).toString();
        activity.meta = QJsonDocument::fromJson(query.value(4).toByteArray()).object();
        activity.createdAt = Ids::fromStorage(query.value(5).toString());
        activity.updatedAt = Ids::fromStorage(query.value(6).toString());
        result.append(activity);
    }
    return result;
}

bool ActivityRepository::insert(const Activity& activity, const QString& orgId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO activities (id, org_id, lead_id, kind, body, meta, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(activity.id);
    query.addBindValue(orgId);
    query.addBindValue(activity.leadId);
    query.addBindValue(Activity::kindToString(activity.kind));
    // A null QString binds as SQL NULL, and body is NOT NULL (status changes and "created" entries have none).
    query.addBindValue(activity.body.isNull() ? QStringLiteral("") : activity.body);
    query.addBindValue(QString::fromUtf8(QJsonDocument(activity.meta).toJson(QJsonDocument::Compact)));
    query.addBindValue(Ids::toStorage(activity.createdAt));
    query.addBindValue(Ids::toStorage(activity.updatedAt));
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

bool ActivityRepository::updateBody(const QString& id, const QString& body, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE activities SET body = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(body);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

bool ActivityRepository::setDeleted(const QString& id, bool deleted, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE activities SET deleted = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}
