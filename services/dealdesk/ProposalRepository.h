#pragma once

#include "models/Proposal.h"

#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

// Which proposals a list shows; empty fields do not filter.
struct ProposalQuery
{
    QString leadId;
    std::optional<Proposal::Status> status;
    bool includeDeleted = false;
};

// SQL for the proposals table. Runs on the database thread; the caller owns the transaction.
class ProposalRepository
{
public:
    explicit ProposalRepository(QSqlDatabase db);

    // Newest change first.
    QList<Proposal> list(const ProposalQuery& query = {});
    // Tombstoned proposals too, so that they can be restored.
    std::optional<Proposal> find(const QString& id);
    bool insert(const Proposal& proposal);
    // Writes every column but id, org_id and created_at and bumps rev; false when no row has that id.
    bool update(const Proposal& proposal);
    bool setDeleted(const QString& id, bool deleted, const QDateTime& now);
    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    static Proposal read(const QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
};
