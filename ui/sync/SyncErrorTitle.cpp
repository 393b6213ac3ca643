#include "ui/sync/SyncErrorTitle.h"

#include <QCoreApplication>

QString SyncErrorTitle::of(Sync::ErrorKind kind)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("SyncErrorTitle", text); };
    switch (kind) {
    case Sync::ErrorKind::WrongPassword:
        return tr("Wrong password");
    case Sync::ErrorKind::AccountDisabled:
        return tr("Account deactivated");
    case Sync::ErrorKind::ServerUnreachable:
        return tr("Server unreachable");
    case Sync::ErrorKind::TlsFailure:
        return tr("TLS verification failed");
    case Sync::ErrorKind::SchemaMismatch:
        return tr("Schema version mismatch");
    case Sync::ErrorKind::PermissionDenied:
        return tr("Permission denied");
    case Sync::ErrorKind::NotAMember:
        return tr("Not a member");
    case Sync::ErrorKind::LocalDatabase:
        return tr("Workspace file problem");
    case Sync::ErrorKind::Other:
        break;
    }
    return tr("Team server error");
}
