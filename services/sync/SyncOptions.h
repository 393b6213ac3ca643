#pragma once

#include <QString>

// Tuning of the sync engine; the defaults suit the app, tests shorten the waits.
struct SyncOptions
{
    // The server organisation to sync; empty: the caller's first membership (hub.my_memberships()).
    QString orgId;
    int pageSize = 1000;
    int notifyDebounceMs = 50;
    int initialBackoffMs = 1000;
    int maxBackoffMs = 60000;
    // How often an idle connection is checked (a dead LISTEN connection tells nobody).
    int heartbeatMs = 30000;
    // Above this many rows a pull resets open lead lists instead of refreshing single leads.
    int resetThreshold = 500;
};
