#include "services/teamserver/ScramVerifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTest>

// The verifier must be what PostgreSQL would store, or members could never log in. Checked against the
// SCRAM-SHA-256 exchange of RFC 7677 section 3 (user "user", password "pencil").
class TestScramVerifier : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheRfc7677Exchange();
    void freshSaltEveryTime();
    void nonAsciiPasswordsAreLeftToTheServer();
};

void TestScramVerifier::matchesTheRfc7677Exchange()
{
    const QByteArray salt = QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==");
    const QString verifier = ScramVerifier::compute("pencil", salt, 4096);
    QVERIFY(ScramVerifier::isVerifier(verifier));
    // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
    const QStringList parts = verifier.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(1), QStringLiteral("4096:W22ZaJ0SNY7soEsUEjb6gQ=="));
    const QStringList keys = parts.at(2).split(QLatin1Char(':'));
    QCOMPARE(keys.size(), 2);
    const QByteArray storedKey = QByteArray::fromBase64(keys.at(0).toLatin1());
    const QByteArray serverKey = QByteArray::fromBase64(keys.at(1).toLatin1());

    const QByteArray authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
                                   "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,"
                                   "i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    // The server proves itself with HMAC(ServerKey, AuthMessage): the RFC's "v=".
    QCOMPARE(QMessageAuthenticationCode::hash(authMessage, serverKey, QCryptographicHash::Sha256).toBase64(),
        QByteArray("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    // The server checks the client's proof "p=" with StoredKey: H(proof XOR HMAC(StoredKey, AuthMessage)).
    const QByteArray proof = QByteArray::fromBase64("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    const QByteArray signature = QMessageAuthenticationCode::hash(authMessage, storedKey, QCryptographicHash::Sha256);
    QCOMPARE(proof.size(), signature.size());
    QByteArray clientKey(proof.size(), '\0');
    for (int i = 0; i < proof.size(); ++i)
        clientKey[i] = char(proof.at(i) ^ signature.at(i));
    QCOMPARE(QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256), storedKey);
}

void TestScramVerifier::freshSaltEveryTime()
{
    const QString first = ScramVerifier::forServer(QStringLiteral("correct horse"));
    const QString second = ScramVerifier::forServer(QStringLiteral("correct horse"));
    QVERIFY(ScramVerifier::isVerifier(first));
    QVERIFY(first != second);
    QVERIFY(!first.contains(QLatin1String("correct horse")));
    QVERIFY(first.startsWith(QLatin1String("SCRAM-SHA-256$4096:")));
}

void TestScramVerifier::nonAsciiPasswordsAreLeftToTheServer()
{
    // PostgreSQL normalises those with SASLprep before hashing; the server does it itself.
    const QString password = QStringLiteral("Grüße-Ⅸ");
    QCOMPARE(ScramVerifier::forServer(password), password);
    QVERIFY(!ScramVerifier::isVerifier(password));
}

QTEST_GUILESS_MAIN(TestScramVerifier)
#include "tst_scramverifier.moc"
