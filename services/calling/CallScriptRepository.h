#pragma once

#include "models/calling/CallScriptEntry.h"

#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

// SQL for call_scripts and call_script_objections. Runs on the database thread; the caller owns the transaction.
// Deleting is a tombstone so that it can be undone and synced.
class CallScriptRepository
{
public:
    explicit CallScriptRepository(QSqlDatabase db);

    // The org's scripts (tombstoned ones left out unless asked for), by name, each with its linked objection ids.
    QList<CallScriptEntry> list(const QString& orgId, bool includeDeleted = false);
    std::optional<CallScriptEntry> find(const QString& id);
    QString orgIdOf(const QString& id);
    bool insert(const CallScriptEntry& entry, const QString& orgId);
    // Writes every editable field and updated_at, bumps rev; usage_count and created_at stay.
    bool update(const CallScriptEntry& entry);
    bool setDeleted(const QString& id, bool deleted, const QDateTime& now);
    bool incrementUsage(const QString& id, const QDateTime& now);
    // Makes the script link exactly these library objections, in this order (tombstones the links it drops).
    bool setLinkedObjections(const QString& scriptId, const QString& orgId, const QStringList& objectionIds,
        const QDateTime& now);
    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    QStringList linkedObjectionIds(const QString& scriptId);

    QSqlDatabase m_db;
    QString m_lastError;
};
