#include "services/hygiene/MergeLogRepository.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using SqlValues::nullableText;
using SqlValues::text;

namespace {
QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant& text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

MergeLogRepository::MergeLogRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

bool MergeLogRepository::insert(const MergeLogEntry& entry)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO merge_log (id, org_id, master_id, merged_ids, field_choices, before, moved, "
                       "activity_id, merged_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.id);
    query.addBindValue(entry.orgId);
    query.addBindValue(entry.masterId);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(entry.mergedIds)).toJson(QJsonDocument::Compact)));
    query.addBindValue(compactJson(entry.fieldChoices));
    query.addBindValue(compactJson(entry.before));
    query.addBindValue(compactJson(entry.moved));
    query.addBindValue(nullableText(entry.activityId));
    query.addBindValue(nullableText(entry.mergedBy));
    query.addBindValue(Ids::toStorage(entry.createdAt));
    query.addBindValue(Ids::toStorage(entry.createdAt));
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

QList<MergeLogEntry> MergeLogRepository::select(const QString& where, const QVariantList& values)
{
    QList<MergeLogEntry> entries;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, org_id, master_id, merged_ids, field_choices, before, moved, activity_id, "
                                 "merged_by, created_at, undone_at FROM merge_log WHERE deleted = 0 AND ")
        + where + QStringLiteral(" ORDER BY created_at, id"));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return entries;
    }
    while (query.next()) {
        MergeLogEntry entry;
        entry.id = query.value(0).toString();
        entry.orgId = query.value(1).toString();
        entry.masterId = query.value(2).toString();
        for (const QJsonValue& id : QJsonDocument::fromJson(query.value(3).toString().toUtf8()).array())
            entry.mergedIds.append(id.toString());
        entry.fieldChoices = objectFrom(query.value(4));
        entry.before = objectFrom(query.value(5));
        entry.moved = objectFrom(query.value(6));
        entry.activityId = query.value(7).toString();
        entry.mergedBy = query.value(8).toString();
        entry.createdAt = Ids::fromStorage(query.value(9).toString());
        entry.undoneAt = Ids::fromStorage(query.value(10).toString());
        entries.append(entry);
    }
    return entries;
}

std::optional<MergeLogEntry> MergeLogRepository::find(const QString& id)
{
    const QList<MergeLogEntry> entries = select(QStringLiteral("id = ?"), { id });
    if (entries.isEmpty())
        return std::nullopt;
    return entries.first();
}

QList<MergeLogEntry> MergeLogRepository::activeAfter(const MergeLogEntry& entry)
{
    const QString createdAt = Ids::toStorage(entry.createdAt);
    return select(QStringLiteral("undone_at IS NULL AND (created_at > ? OR (created_at = ? AND id > ?))"),
        { createdAt, createdAt, entry.id });
}

bool MergeLogRepository::markUndone(const QString& id, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE merge_log SET undone_at = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    if (query.exec() && query.numRowsAffected() == 1)
        return true;
    m_lastError = query.lastError().text();
    return false;
}
