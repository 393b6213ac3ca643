#pragma once

#include "services/sync/SyncTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

class SyncedTable;

// One change waiting in the outbox.
struct OutboxEntry
{
    qint64 seq = 0;
    QString mutationId;
    QString table;
    QString rowId;
    QString op;
    QJsonObject fields;
    QVariant baseRev; // null for a row created here
};

// The SQLite side of sync (0010_sync.sql), on the workspace's database thread. Writes that come from the server
// run with sync_control.applying = 1, so the outbox triggers ignore them.
class ReplicaStore
{
public:
    explicit ReplicaStore(QSqlDatabase& db)
        : m_db(db)
    { }

    QString lastError() const { return m_error; }

    // Remembers the server's org and user and makes sure the replica has the org row pulled rows point to.
    // Makes the workspace a replica: from now on local lead writes are queued in the outbox. A Local workspace
    // never is one, so it keeps no outbox.
    bool setReplicating(bool on);
    bool recordServer(const QString& serverOrgId, const QString& serverUserId, const QString& orgName);
    // Users of the replica that the server does not know (the local workspace's own user).
    QSet<QString> localOnlyUserIds(const QString& serverOrgId);

    // In order, after entry afterSeq.
    QList<OutboxEntry> pendingOutbox(qint64 afterSeq, int limit);
    int pendingCount();
    bool markPushFailed(qint64 seq, const QString& error);
    // The server applied (or had applied) the entry: drop it, keep the row's rev, record conflicts and show the
    // server's kept value in the row.
    bool applyPushResult(const OutboxEntry& entry, const QVariant& rowRev, const QJsonObject& conflicts,
        QList<SyncConflict>* created);

    QString cursor(const QString& table);
    // One page of pulled rows in one transaction. Columns with local changes still in the outbox keep their local
    // value (the push decides them).
    bool applyPulledRows(const SyncedTable& table, const QList<QJsonObject>& rows, QStringList* upserted,
        QStringList* removed);
    bool finishPull(const QString& table, const QString& until, const QString& syncedAt);
    QString lastSyncAt();

    // Per row id, the columns with local changes still in the outbox (a delete counts as "deleted").
    bool pendingColumns(const QString& table, QHash<QString, QSet<QString>>* pending);
    bool isEmpty(const QString& table);

    bool setApplying(bool on);
    bool ensureUser(const QString& userId, const QString& orgId);
    bool ensureOrg(const QString& orgId, const QString& name);

    QList<SyncConflict> openConflicts();
    // Marks the conflict resolved; PickLocal writes the local value as a new local change (pushed with the
    // server's rev as base, so it wins). *rowId names the row changed.
    bool resolve(qint64 conflictId, Sync::Resolution resolution, QString* rowId);

private:
    bool exec(const QString& sql, const QVariantList& binds = {});

    QSqlDatabase& m_db;
    QString m_error;
};
