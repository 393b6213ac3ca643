// SecretStore against a real Secret Service: run through with_keychain.sh (gnome-keyring on a private session bus).
#include "services/secrets/SecretStore.h"
#include "tests/support/WaitFor.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

namespace {
using Result = std::optional<SecretResult>;
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    Result read(SecretStore& store, const QString& key)
    {
        return HubTest::waitForCallback<SecretResult>(
            [&](QObject* context, SecretStore::Done done) { store.read(key, context, std::move(done)); },
            QStringLiteral("SecretStore::read"));
    }

    Result write(SecretStore& store, const QString& key, const QString& secret)
    {
        return HubTest::waitForCallback<SecretResult>(
            [&](QObject* context, SecretStore::Done done) { store.write(key, secret, context, std::move(done)); },
            QStringLiteral("SecretStore::write"));
    }

    Result remove(SecretStore& store, const QString& key)
    {
        return HubTest::waitForCallback<SecretResult>(
            [&](QObject* context, SecretStore::Done done) { store.remove(key, context, std::move(done)); },
            QStringLiteral("SecretStore::remove"));
    }

    // A fresh key per test, so cases never see each other's entries.
    static QString freshKey(const QString& provider = QStringLiteral("llm"))
    {
        return SecretStore::keyFor(QUuid::createUuid().toString(QUuid::WithoutBraces), provider);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no session bus: run this test through tests/secrets/with_keychain.sh");
    }

    void keyNamesWorkspaceAndProvider()
    {
        QCOMPARE(
            SecretStore::keyFor(QStringLiteral("ws-1"), QStringLiteral("llm")), QStringLiteral("businesshub/ws-1/llm"));
        QCOMPARE(SecretStore::defaultService(), QStringLiteral("io.businesshub.BusinessHub"));
        QVERIFY(!SecretStore::keychainName().isEmpty());
    }

    void notSetIsNotAnError()
    {
        SecretStore store;
        const Result result = read(store, freshKey());
        QVERIFY(result);
        QCOMPARE(result->status, SecretResult::Status::NotSet);
        QVERIFY(result->secret.isEmpty());
        QVERIFY(!result->sessionOnly);
    }

    void writeReadOverwriteRemove()
    {
        SecretStore store;
        const QString key = freshKey();
        const QString first = QStringLiteral("sk-first-ÄÖÜ-%1").arg(QUuid::createUuid().toString());
        const QString second = QStringLiteral("sk-second-%1").arg(QUuid::createUuid().toString());

        Result result = write(store, key, first);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->message));
        result = read(store, key);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->message));
        QCOMPARE(result->secret, first);
        QVERIFY(!result->sessionOnly);

        // A second store (as after a restart) reads what the first wrote: it really is in the keychain.
        SecretStore restarted;
        result = read(restarted, key);
        QVERIFY(result && result->ok());
        QCOMPARE(result->secret, first);

        result = write(store, key, second);
        QVERIFY(result && result->ok());
        result = read(restarted, key);
        QVERIFY(result && result->ok());
        QCOMPARE(result->secret, second);

        result = remove(store, key);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->message));
        result = read(restarted, key);
        QVERIFY(result);
        QCOMPARE(result->status, SecretResult::Status::NotSet);

        // Removing what is not there is fine.
        result = remove(store, key);
        QVERIFY(result && result->ok());
    }

    void keysOfWorkspacesAndProvidersAreSeparate()
    {
        SecretStore store;
        const QString workspace = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString llm = SecretStore::keyFor(workspace, QStringLiteral("llm"));
        const QString vapi = SecretStore::keyFor(workspace, QStringLiteral("vapi"));
        const QString otherWorkspace = freshKey(QStringLiteral("llm"));
        QVERIFY(write(store, llm, QStringLiteral("llm-secret"))->ok());
        QVERIFY(write(store, vapi, QStringLiteral("vapi-secret"))->ok());
        QCOMPARE(read(store, llm)->secret, QStringLiteral("llm-secret"));
        QCOMPARE(read(store, vapi)->secret, QStringLiteral("vapi-secret"));
        QCOMPARE(read(store, otherWorkspace)->status, SecretResult::Status::NotSet);
        // Another service name is another namespace.
        SecretStore otherApp(nullptr, QStringLiteral("io.businesshub.Other"));
        QCOMPARE(read(otherApp, llm)->status, SecretResult::Status::NotSet);
        QVERIFY(remove(store, llm)->ok());
        QCOMPARE(read(store, vapi)->secret, QStringLiteral("vapi-secret"));
        QVERIFY(remove(store, vapi)->ok());
    }

    void storedUnderTheAppsServiceName()
    {
        // Seen from outside (libsecret's own tool): the entry carries the app id and the key.
        if (QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
            QFAIL("secret-tool is missing (package libsecret-tools, installed by scripts/bootstrap)");
        SecretStore store;
        const QString key = freshKey();
        QVERIFY(write(store, key, QStringLiteral("visible-to-secret-tool"))->ok());
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
            { QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"),
                SecretStore::defaultService() });
        QVERIFY(tool.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(tool.readAllStandardOutput()).trimmed(), QStringLiteral("visible-to-secret-tool"));
        QVERIFY(remove(store, key)->ok());
    }

    void sessionSecretAnswersFirstAndIsDroppedByWrite()
    {
        SecretStore store;
        const QString key = freshKey();
        store.setSessionSecret(key, QStringLiteral("only-in-memory"));
        QVERIFY(store.hasSessionSecret(key));
        Result result = read(store, key);
        QVERIFY(result && result->ok());
        QVERIFY(result->sessionOnly);
        QCOMPARE(result->secret, QStringLiteral("only-in-memory"));
        SecretStore other;
        QCOMPARE(read(other, key)->status, SecretResult::Status::NotSet); // never reached the keychain

        QVERIFY(write(store, key, QStringLiteral("in-keychain"))->ok());
        QVERIFY(!store.hasSessionSecret(key));
        result = read(store, key);
        QVERIFY(result && result->ok());
        QVERIFY(!result->sessionOnly);
        QCOMPARE(result->secret, QStringLiteral("in-keychain"));
        QVERIFY(remove(store, key)->ok());
    }

    void answersStopWithTheContext()
    {
        SecretStore store;
        bool answered = false;
        {
            QObject context;
            store.read(freshKey(), &context, [&answered](const SecretResult&) { answered = true; });
        }
        // A later call on the same store proves the first one has finished in the meantime.
        QVERIFY(read(store, freshKey()));
        QVERIFY(!answered);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
