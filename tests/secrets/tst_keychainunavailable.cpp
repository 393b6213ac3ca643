// No keychain reachable (the session bus address points nowhere): SecretStore says so clearly, secrets can be used for
// this session only, nothing reaches the disk, and AI keeps working for servers without a key.
#include "services/providers/AiConfiguration.h"
#include "services/providers/AiGateway.h"
#include "services/secrets/SecretStore.h"
#include "services/workspace/WorkspaceSession.h"
#include "tests/secrets/SecretScan.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/WaitFor.h"

#include <QNetworkProxy>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using HubTest::FakeLlmServer;

namespace {
const QString kSecret = QStringLiteral("sk-unavailable-7f3c1e9a-session-only");
} // namespace

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private:
    std::optional<SecretResult> call(const std::function<void(QObject*, SecretStore::Done)>& start)
    {
        return HubTest::waitForCallback<SecretResult>(start, QStringLiteral("SecretStore"));
    }

    std::optional<AiSaveOutcome> save(AiConfiguration* configuration, const AiSaveRequest& request)
    {
        return HubTest::waitForCallback<AiSaveOutcome>(
            [&](QObject* context, std::function<void(const AiSaveOutcome&)> done) {
                configuration->save(request, context, std::move(done));
            },
            QStringLiteral("AiConfiguration::save"));
    }

    std::unique_ptr<WorkspaceSession> openSession()
    {
        auto session = std::make_unique<WorkspaceSession>();
        if (!session->openBlocking(m_dir.filePath(QStringLiteral("ws.sqlite"))).ok())
            return {};
        return session;
    }

    AiOptions options() const
    {
        AiOptions options;
        options.baseUrl = m_server.baseUrl();
        options.model = QStringLiteral("local-model");
        options.timeoutSeconds = 10;
        return options;
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_noBus;
    FakeLlmServer m_server;

private slots:
    void initTestCase()
    {
        // No session bus: what a headless box without a keyring looks like.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_noBus.filePath(QStringLiteral("no-bus")).toUtf8());
        qunsetenv("DISPLAY");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychainunavailable"));
        QSettings().clear();
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
    }

    void storeSaysUnavailable()
    {
        SecretStore store;
        const QString key = SecretStore::keyFor(QStringLiteral("ws"), QStringLiteral("llm"));
        for (const auto& result :
            { call([&](QObject* c, SecretStore::Done d) { store.read(key, c, std::move(d)); }),
                call([&](QObject* c, SecretStore::Done d) { store.write(key, kSecret, c, std::move(d)); }),
                call([&](QObject* c, SecretStore::Done d) { store.remove(key, c, std::move(d)); }) }) {
            QVERIFY(result);
            QCOMPARE(result->status, SecretResult::Status::Unavailable);
            QVERIFY(!result->ok());
            QVERIFY2(result->message.contains(SecretStore::keychainName()), qPrintable(result->message));
            QVERIFY2(result->message.contains(QLatin1String("this session only")), qPrintable(result->message));
            QVERIFY(!result->message.contains(kSecret));
        }
    }

    void sessionOnlySecretLivesInMemory()
    {
        SecretStore store;
        const QString key = SecretStore::keyFor(QStringLiteral("ws"), QStringLiteral("vapi"));
        store.setSessionSecret(key, kSecret);
        auto result = call([&](QObject* c, SecretStore::Done d) { store.read(key, c, std::move(d)); });
        QVERIFY(result && result->ok());
        QVERIFY(result->sessionOnly);
        QCOMPARE(result->secret, kSecret);
        // Removing it succeeds although the keychain cannot be asked: nothing is left anywhere.
        result = call([&](QObject* c, SecretStore::Done d) { store.remove(key, c, std::move(d)); });
        QVERIFY(result && result->ok());
        QVERIFY(result->sessionOnly);
        QVERIFY(!store.hasSessionSecret(key));
        result = call([&](QObject* c, SecretStore::Done d) { store.read(key, c, std::move(d)); });
        QVERIFY(result);
        QCOMPARE(result->status, SecretResult::Status::Unavailable);
    }

    void aiConfigurationOffersSessionOnly()
    {
        auto session = openSession();
        QVERIFY(session);
        AiConfiguration* configuration = session->aiConfiguration();
        QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::NotSet); // nothing stored: keychain not asked

        AiSaveRequest request;
        request.options = options();
        request.keyChange = AiSaveRequest::KeyChange::Replace;
        request.newKey = kSecret;
        auto outcome = save(configuration, request);
        QVERIFY(outcome);
        QVERIFY(!outcome->ok);
        QVERIFY(outcome->keyUnavailable);
        QVERIFY2(outcome->message.contains(QLatin1String("this session only")), qPrintable(outcome->message));
        QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::Unavailable);
        // The rest of the settings is saved all the same, and the key is not in use.
        QCOMPARE(configuration->options().baseUrl, m_server.baseUrl());
        QCOMPARE(session->ai()->settings().model, QStringLiteral("local-model"));
        QVERIFY(session->ai()->settings().apiKey.isEmpty());

        request.sessionOnly = true;
        outcome = save(configuration, request);
        QVERIFY(outcome);
        QVERIFY2(outcome->ok, qPrintable(outcome->message));
        QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::SessionOnly);
        QVERIFY(configuration->keyMessage().contains(QLatin1String("this session only")));
        QCOMPARE(session->ai()->settings().apiKey, kSecret);

        // The session-only key is sent to the server.
        m_server.enqueue(FakeLlmServer::models({ QStringLiteral("local-model") }));
        const auto tested = HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, LlmClient::Done done) {
                configuration->testConnection(options(), QString(), context, std::move(done));
            },
            QStringLiteral("testConnection"));
        QVERIFY(tested && tested->ok);
        QCOMPARE(m_server.requests().constLast().headers.value("authorization"), "Bearer " + kSecret.toUtf8());

        // Nothing on disk: not in the settings file, not in the workspace folder, not under the test-mode folders.
        QSettings settings;
        settings.sync();
        QVERIFY(QFile::exists(settings.fileName()));
        QVERIFY(HubTest::readFile(settings.fileName()).contains("local-model")); // the right file is searched
        QVERIFY(!HubTest::containsSecret(HubTest::readFile(settings.fileName()), kSecret));
        QCOMPARE(HubTest::filesContainingSecret(m_dir.path(), kSecret), QStringList());
        const QString testData = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        QCOMPARE(HubTest::filesContainingSecret(testData, kSecret), QStringList());
        QCOMPARE(HubTest::filesContainingSecret(QFileInfo(settings.fileName()).absolutePath(), kSecret),
            QStringList());
    }

    void keyThatCannotBeReadLeavesAiUsableWithoutKey()
    {
        // A key was stored while the keychain worked; now the keychain is gone.
        QString workspaceId;
        {
            auto session = openSession();
            QVERIFY(session);
            workspaceId = session->identity().workspaceId;
            AiSaveRequest request;
            request.options = options();
            const auto outcome = save(session->aiConfiguration(), request);
            QVERIFY(outcome && outcome->ok);
        }
        QSettings().setValue(QStringLiteral("ai/%1/apiKeyStored").arg(workspaceId), true);
        auto session = openSession();
        QVERIFY(session);
        AiConfiguration* configuration = session->aiConfiguration();
        QVERIFY(HubTest::waitUntil(
            [&] { return configuration->keyState() != AiConfiguration::KeyState::Loading; }));
        QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::Unavailable);
        QVERIFY2(configuration->keyMessage().contains(QLatin1String("could not be read")),
            qPrintable(configuration->keyMessage()));
        QVERIFY(configuration->keyMessage().contains(QLatin1String("no key")));
        QVERIFY(session->ai()->settings().isConfigured());
        QVERIFY(session->ai()->settings().apiKey.isEmpty());

        m_server.enqueue(FakeLlmServer::completion(QStringLiteral("Hello from a local model")));
        LlmRequest request;
        request.feature = QStringLiteral("keyless");
        request.messages = { { QStringLiteral("user"), QStringLiteral("Hi") } };
        const auto result = HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, LlmClient::Done done) { session->ai()->complete(request, context, std::move(done)); },
            QStringLiteral("AiGateway::complete"));
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(result->content, QStringLiteral("Hello from a local model"));
        QVERIFY(!m_server.requests().constLast().headers.contains("authorization"));
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
