#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

// One merge of duplicates into a master lead, with everything its undo needs.
struct MergeLogEntry {
    QString id;
    QString orgId;
    QString masterId;
    QStringList mergedIds;
    QJsonObject fieldChoices; // column → id of the lead whose value won
    QJsonObject before; // the master's full row before the merge, column → value
    QJsonObject moved; // table → { id of the lead the rows came from → [row ids] }
    QString activityId; // the "merged" entry on the master's timeline
    QString mergedBy;
    QDateTime createdAt;
    QDateTime undoneAt;
};

// SQL for merge_log.
class MergeLogRepository
{
public:
    explicit MergeLogRepository(QSqlDatabase db);

    bool insert(const MergeLogEntry& entry);
    std::optional<MergeLogEntry> find(const QString& id);
    bool markUndone(const QString& id, const QDateTime& now);
    // Merges recorded after this one and not undone.
    QList<MergeLogEntry> activeAfter(const MergeLogEntry& entry);
    QString lastError() const { return m_lastError; }

private:
    QList<MergeLogEntry> select(const QString& where, const QVariantList& values);

    QSqlDatabase m_db;
    QString m_lastError;
};
