#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

// The tables whose rows belong to a lead through a lead_id column (activities, notifications, and whatever later
// migrations add, such as calls or proposals), found in the schema rather than listed, and moving those rows from
// one lead to another. Only synced tables count (they have an id): local logs such as import_updates record
// history about a lead and stay as they are.
class LeadReferenceTables
{
public:
    explicit LeadReferenceTables(QSqlDatabase db);

    QStringList tables();
    // Moves every row of each of fromLeadIds to toLeadId. moved receives table → { from lead id → [row ids] }.
    bool moveAll(const QStringList& fromLeadIds, const QString& toLeadId, const QDateTime& now, QJsonObject* moved);
    // Undoes moveAll: each recorded row that still belongs to currentLeadId goes back to the lead it came from.
    bool moveBack(const QJsonObject& moved, const QString& currentLeadId, const QDateTime& now);
    QString lastError() const { return m_lastError; }

private:
    struct Table {
        QString name;
        bool hasUpdatedAt = false;
    };
    const QList<Table>& discovered();

    QSqlDatabase m_db;
    QList<Table> m_tables;
    bool m_discovered = false;
    QString m_lastError;
};
