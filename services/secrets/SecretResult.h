#pragma once

#include <QString>

// The answer of one SecretStore call. A secret that is missing is NotSet, not an error; Unavailable means the keychain
// itself could not be used (no Secret Service, access denied, locked) and message says what to do.
struct SecretResult
{
    enum class Status { Ok, NotSet, Unavailable, Failed };

    Status status = Status::Ok;
    QString secret; // read: the stored secret when Ok
    bool sessionOnly = false; // the secret lives in memory for this run of the app only
    QString message; // translated, for the user; empty when Ok
    QString detail; // the keychain's own error text (never contains a secret)

    bool ok() const { return status == Status::Ok; }
    bool notSet() const { return status == Status::NotSet; }
    bool unavailable() const { return status == Status::Unavailable; }
};
