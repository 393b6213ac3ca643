#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariant>

// What the team-mode sync engine reports (DESIGN.md section 4).
namespace Sync {

enum class State { Offline, Connecting, Syncing, Online };

// Each kind has its own message; the UI can offer the matching fix (re-enter the password, check the address, …).
enum class ErrorKind {
    WrongPassword,
    AccountDisabled,
    ServerUnreachable,
    TlsFailure,
    SchemaMismatch,
    PermissionDenied,
    NotAMember,
    LocalDatabase,
    Other,
};

enum class Resolution { PickLocal, PickServer };

// The schema version of the server this build knows (hub.schema_migrations).
inline constexpr int knownServerSchemaVersion = 8;

} // namespace Sync

// A field both sides changed: the server kept its value, the local one is kept here until the user picks.
struct SyncConflict
{
    qint64 id = 0;
    QString table;
    QString rowId;
    QString column;
    QVariant localValue;
    QVariant serverValue;
    qint64 serverRev = 0;
    QDateTime createdAt;
};

// A change the server will never take (its lead left the member's view): kept out of the outbox, shown to the user
// with the reason until dismissed.
struct SyncRejectedChange
{
    qint64 id = 0;
    QString table;
    QString rowId;
    QString op;
    QString fields; // the change as JSON, as it was queued
    QString message;
    QDateTime rejectedAt;
};

// How a table's first full sync (COPY) went: what it moved and where the time went.
struct SyncCopyStats
{
    QString table;
    int rows = 0;
    qint64 bytes = 0;
    qint64 readMs = 0;   // the COPY from the server
    qint64 insertMs = 0; // writing the rows into the replica
    qint64 indexMs = 0;  // indexes, search index and list figures built at once
    qint64 commitMs = 0;
    // CPU time of the thread that did each phase (the server's own work for the COPY is not in readCpuMs).
    qint64 readCpuMs = 0;
    qint64 insertCpuMs = 0;
    qint64 indexCpuMs = 0;
    qint64 commitCpuMs = 0;
    bool bulk = false;   // into an empty table, without per-row triggers
};

Q_DECLARE_METATYPE(SyncConflict)
Q_DECLARE_METATYPE(SyncRejectedChange)
Q_DECLARE_METATYPE(SyncCopyStats)
