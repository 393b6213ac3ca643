#pragma once

#include "services/sync/SyncTypes.h"

#include <QString>

// The short heading of a sync error kind ("Wrong password", "Server unreachable", …), shown before the message.
class SyncErrorTitle
{
public:
    static QString of(Sync::ErrorKind kind);
};
