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
inline constexpr int knownServerSchemaVersion = 6;

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

Q_DECLARE_METATYPE(SyncConflict)
