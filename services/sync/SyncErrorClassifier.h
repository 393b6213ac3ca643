#pragma once

#include "services/sync/SyncTypes.h"

#include <QString>

// Turns a failed connection or query into an error kind and a message the user can act on.
class SyncErrorClassifier
{
public:
    struct Classified
    {
        Sync::ErrorKind kind = Sync::ErrorKind::Other;
        QString message;
        // Worth trying again later on its own (the network may come back; a wrong password will not fix itself).
        bool retry = false;
    };

    // A failed connection attempt; serverText is libpq's message.
    static Classified connectFailure(const QString& serverText);
    // A failed statement on an open connection; sqlState is the SQLSTATE (empty when the connection broke).
    static Classified queryFailure(const QString& sqlState, const QString& serverText);
    // True when the statement failed because the connection is gone (reconnect, then send the same thing again).
    static bool connectionLost(const QString& sqlState, const QString& serverText);
    static Classified schemaMismatch(int serverVersion);
};
