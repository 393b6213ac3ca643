#include "services/sync/CopyFieldBinding.h"

#include <sqlite3.h>

void bindCopyField(sqlite3_stmt* statement, int parameter, const PgBinaryCopyReader& reader, int i,
    CopyColumn::Kind kind, char* time)
{
    if (reader.isNull(i)) {
        sqlite3_bind_null(statement, parameter);
        return;
    }
    switch (kind) {
    case CopyColumn::Kind::Text:
        sqlite3_bind_text(statement, parameter, reader.data(i), reader.size(i), SQLITE_STATIC);
        break;
    case CopyColumn::Kind::Jsonb: // a version byte (1), then the JSON text
        if (reader.size(i) >= 1)
            sqlite3_bind_text(statement, parameter, reader.data(i) + 1, reader.size(i) - 1, SQLITE_STATIC);
        else
            sqlite3_bind_null(statement, parameter);
        break;
    case CopyColumn::Kind::Time:
        if (reader.time(i, time))
            sqlite3_bind_text(statement, parameter, time, 24, SQLITE_STATIC);
        else
            sqlite3_bind_null(statement, parameter);
        break;
    default:
        sqlite3_bind_int64(statement, parameter, reader.integer(i, kind));
        break;
    }
}
