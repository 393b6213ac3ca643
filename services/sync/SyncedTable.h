#pragma once

#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

// A table the replica shares with the server: its columns and how their values travel. SQLite keeps booleans as
// 0/1, JSON as text and times as ISO-8601 text (Ids::toStorage); the server's pull sends JSON values.
class SyncedTable
{
public:
    static const SyncedTable& leads();
    static const SyncedTable& activities();
    static const SyncedTable& pipelineStages();
    // 0015: the Deal Desk, lead intelligence, the calling library and calls.
    static const SyncedTable& proposals();
    static const SyncedTable& leadIntelligence();
    static const SyncedTable& callScripts();
    static const SyncedTable& playbooks();
    static const SyncedTable& objections();
    static const SyncedTable& callScriptObjections();
    static const SyncedTable& calls();
    // Every synced table, in the order pulls apply them (a row's parent before the row: leads before
    // activities, scripts and objections before their links).
    static const QList<const SyncedTable*>& all();
    static const SyncedTable* byName(const QString& name);

    QString name() const { return m_name; }
    // Every column the replica writes from a pulled row, id and org_id first, rev last.
    const QStringList& columns() const { return m_columns; }
    bool hasColumn(const QString& column) const { return m_columns.contains(column); }
    // Columns that reference users (owner_id, assigned_to) and so may name server users the replica lacks.
    const QStringList& userColumns() const { return m_userColumns; }
    // The column naming the row a row belongs to (activities: lead_id), or empty.
    QString parentColumn() const { return m_parentColumn; }
    // A first sync into an empty replica table writes the rows without these per-row triggers and then brings what
    // they maintain up to date at once with bulkRebuild() (one FTS rebuild instead of an index segment per row).
    const QStringList& bulkTriggers() const { return m_bulkTriggers; }
    const QStringList& bulkRebuild() const { return m_bulkRebuild; }
    // The FTS5 index over the table's rows (external content), or empty; a first sync into the empty table builds it
    // at once (SearchIndexSideBuild, or its 'rebuild').
    QString searchIndex() const { return m_searchIndex; }

    // A pulled JSON value as SQLite stores it.
    QVariant toLocal(const QString& column, const QJsonValue& value) const;
    // A value of the outbox (JSON from SQLite's json_object) as the server takes it.
    QJsonValue toServer(const QString& column, const QJsonValue& value) const;

private:
    static SyncedTable make(const char* name, const char* columns, const char* parent, const char* json,
        const char* times);

    QString m_name;
    QStringList m_columns;
    QStringList m_userColumns;
    QString m_parentColumn;
    QStringList m_bulkTriggers;
    QStringList m_bulkRebuild;
    QString m_searchIndex;
    QSet<QString> m_jsonColumns;
    QSet<QString> m_boolColumns;
    QSet<QString> m_timeColumns;
};
