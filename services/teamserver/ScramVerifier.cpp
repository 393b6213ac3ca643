#include "services/teamserver/ScramVerifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <algorithm>

namespace {
QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}
} // namespace

QString ScramVerifier::forServer(const QString& password)
{
    const bool ascii = std::all_of(password.cbegin(), password.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii)
        return password;
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray salt(reinterpret_cast<const char*>(words), sizeof(words));
    return compute(password.toLatin1(), salt, kIterations);
}

QString ScramVerifier::compute(const QByteArray& password, const QByteArray& salt, int iterations)
{
    const QByteArray salted
        = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password, salt, iterations, 32);
    const QByteArray clientKey = hmac(salted, QByteArrayLiteral("Client Key"));
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey = hmac(salted, QByteArrayLiteral("Server Key"));
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
            QString::fromLatin1(serverKey.toBase64()));
}

bool ScramVerifier::isVerifier(const QString& text)
{
    return text.startsWith(QLatin1String("SCRAM-SHA-256$"));
}
