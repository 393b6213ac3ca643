#pragma once

#include <QByteArray>
#include <QString>

// What PostgreSQL stores for a SCRAM-SHA-256 password (RFC 5802/7677):
// "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>". CREATE/ALTER ROLE … PASSWORD accept it as it is, so
// a member's password is set without the password itself ever reaching the server or its statement log.
class ScramVerifier
{
public:
    static constexpr int kIterations = 4096;

    // The verifier with a fresh random salt. PostgreSQL applies SASLprep to non-ASCII passwords, which this does
    // not reimplement: for those it returns the password unchanged and the server derives the verifier itself.
    static QString forServer(const QString& password);
    // Deterministic, for tests: the verifier of an ASCII password with the given salt.
    static QString compute(const QByteArray& password, const QByteArray& salt, int iterations = kIterations);
    static bool isVerifier(const QString& text);
};
