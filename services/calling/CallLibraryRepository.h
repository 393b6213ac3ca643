#pragma once

#include "models/calling/Objection.h"
#include "models/calling/Playbook.h"

#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

// SQL for the shared objection library (objections) and playbooks. Runs on the database thread; the caller owns the
// transaction. Deleting is a tombstone so that it can be undone and synced.
class CallLibraryRepository
{
public:
    explicit CallLibraryRepository(QSqlDatabase db);

    // By category, then text; scriptCount says how many live scripts link each objection.
    QList<Objection> objections(const QString& orgId, bool includeDeleted = false);
    std::optional<Objection> findObjection(const QString& id);
    bool insertObjection(const Objection& objection, const QString& orgId);
    bool updateObjection(const Objection& objection);

    QList<Playbook> playbooks(const QString& orgId, bool includeDeleted = false);
    std::optional<Playbook> findPlaybook(const QString& id);
    bool insertPlaybook(const Playbook& playbook, const QString& orgId);
    bool updatePlaybook(const Playbook& playbook);

    // table: "objections" or "playbooks".
    bool setDeleted(const QString& table, const QString& id, bool deleted, const QDateTime& now);
    QString orgIdOf(const QString& table, const QString& id);
    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    bool affectedOne(QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
};
