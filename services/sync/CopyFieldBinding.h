#pragma once

#include "services/sync/PgBinaryCopy.h"

struct sqlite3_stmt;

// Binds field i of the reader's current row to a statement parameter, as the replica stores the column's kind
// (text and JSON in place, times formatted into time, which must hold 24 characters and outlive the step).
void bindCopyField(sqlite3_stmt* statement, int parameter, const PgBinaryCopyReader& reader, int i,
    CopyColumn::Kind kind, char* time);
