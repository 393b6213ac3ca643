#pragma once

#include "models/calling/CallScript.h"

#include <QStringList>

// A stored script as the Scripts tab edits it: the shared CallScript plus the library objections it links (ids, in
// the order they are offered) and its sync bookkeeping.
struct CallScriptEntry
{
    CallScript script;
    QStringList libraryObjectionIds;
    qint64 rev = 0;
    bool deleted = false;
};
