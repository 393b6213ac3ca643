#pragma once

#include <QString>

// Why a workspace file could or could not be opened, with a message the user can act on.
struct OpenResult
{
    enum class Status { Ok, CannotOpen, NotBusinessHub, NewerSchema, MigrationFailed };

    Status status = Status::Ok;
    QString message;
    int schemaVersion = 0;

    bool ok() const { return status == Status::Ok; }
};
