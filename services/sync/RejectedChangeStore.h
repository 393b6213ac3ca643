#pragma once

#include "services/sync/SyncTypes.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// The replica's changes the server will never take (0016 sync_rejected), on the workspace's database thread.
class RejectedChangeStore
{
public:
    explicit RejectedChangeStore(QSqlDatabase& db)
        : m_db(db)
    { }

    // Moves every outbox entry of the row into sync_rejected with the reason (a code) and the user's message, in one
    // transaction; the other rows' changes stay queued. *moved: how many entries.
    bool reject(const QString& table, const QString& rowId, const QString& reason, const QString& message, int* moved);
    QList<SyncRejectedChange> open();
    bool dismiss(qint64 id);
    QString lastError() const { return m_error; }

private:
    QSqlDatabase& m_db;
    QString m_error;
};
