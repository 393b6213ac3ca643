// The LLM API key goes to the keychain and to the server's Authorization header, and nowhere else: not into the
// QSettings file, not into the workspace's SQLite files, not into any log line, even when the server echoes it back.
// Runs through with_keychain.sh (a real Secret Service).
#include "services/providers/AiConfiguration.h"
#include "services/providers/AiGateway.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/workspace/WorkspaceSession.h"
#include "tests/secrets/SecretScan.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/WaitFor.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkProxy>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using HubTest::FakeLlmServer;

namespace {
QMutex g_logMutex;
QByteArray g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        const QMutexLocker lock(&g_logMutex);
        g_log += qFormatLogMessage(type, context, message).toUtf8() + '\n';
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray capturedLog()
{
    const QMutexLocker lock(&g_logMutex);
    return g_log;
}
} // namespace

class TestAiKeyLeak : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceSession> openSession()
    {
        auto session = std::make_unique<WorkspaceSession>();
        if (!session->openBlocking(m_dir.filePath(QStringLiteral("leak.sqlite"))).ok())
            return {};
        return session;
    }

    std::optional<LlmResult> complete(WorkspaceSession& session, const QString& feature)
    {
        LlmRequest request;
        request.feature = feature;
        request.promptVersion = QStringLiteral("leak-v1");
        request.messages = { { QStringLiteral("user"), QStringLiteral("Summarise the lead") } };
        return HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, LlmClient::Done done) { session.ai()->complete(request, context, std::move(done)); },
            QStringLiteral("AiGateway::complete"));
    }

    QTemporaryDir m_dir;
    FakeLlmServer m_server;
    const QString m_key = QStringLiteral("sk-leakcheck-%1").arg(QUuid::createUuid().toString(QUuid::Id128));

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no session bus: run this test through tests/secrets/with_keychain.sh");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_aikeyleak"));
        QSettings().clear();
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
        // Every category at debug level, so whatever any layer (Qt's network stack included) would print is seen.
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.qpa.*=false"));
        g_previousHandler = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void keyStaysInTheKeychain()
    {
        {
            auto session = openSession();
            QVERIFY(session);
            AiConfiguration* configuration = session->aiConfiguration();
            AiSaveRequest request;
            request.options.baseUrl = m_server.baseUrl();
            request.options.model = QStringLiteral("gpt-4o-mini");
            request.options.timeoutSeconds = 10;
            request.options.orgBudgetMicros = 50'000'000;
            request.keyChange = AiSaveRequest::KeyChange::Replace;
            request.newKey = m_key;
            const auto saved = HubTest::waitForCallback<AiSaveOutcome>(
                [&](QObject* context, std::function<void(const AiSaveOutcome&)> done) {
                    configuration->save(request, context, std::move(done));
                },
                QStringLiteral("AiConfiguration::save"));
            QVERIFY(saved);
            QVERIFY2(saved->ok, qPrintable(saved->message));
            QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::Stored);

            // Test connection with the stored key, a call that is recorded, and a server that echoes the key back
            // in its error (as OpenAI does for a wrong key); the app logs what it shows the user.
            m_server.enqueue(FakeLlmServer::models({ QStringLiteral("gpt-4o-mini") }));
            const auto tested = HubTest::waitForCallback<LlmResult>(
                [&](QObject* context, LlmClient::Done done) {
                    configuration->testConnection(configuration->options(), QString(), context, std::move(done));
                },
                QStringLiteral("testConnection"));
            QVERIFY(tested && tested->ok);
            m_server.enqueue(FakeLlmServer::completion(QStringLiteral("A short summary")));
            auto result = complete(*session, QStringLiteral("lead_summary"));
            QVERIFY(result && result->ok);
            m_server.enqueue(FakeLlmServer::error(401, QStringLiteral("Incorrect API key provided: %1").arg(m_key),
                "invalid_api_key"));
            result = complete(*session, QStringLiteral("lead_summary"));
            QVERIFY(result && !result->ok);
            QCOMPARE(result->error.kind, LlmError::Unauthorized);
            qWarning().noquote() << "AI call failed:" << result->error.message << result->error.detail;
            QVERIFY(HubTest::waitUntil([&] {
                int rows = 0;
                session->executor()->runBlocking([&](QSqlDatabase& db) {
                    rows = AiUsageLedger(db).monthByFeature(session->identity().orgId,
                        QDateTime::currentDateTimeUtc()).value(0).calls;
                });
                return rows == 2;
            }));
        }
        for (const FakeLlmServer::Request& request : m_server.requests())
            QCOMPARE(request.headers.value("authorization"), "Bearer " + m_key.toUtf8());

        // After a restart the key comes back from the keychain and is used again.
        {
            auto session = openSession();
            QVERIFY(session);
            AiConfiguration* configuration = session->aiConfiguration();
            QVERIFY(HubTest::waitUntil(
                [&] { return configuration->keyState() != AiConfiguration::KeyState::Loading; }));
            QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::Stored);
            QCOMPARE(session->ai()->settings().apiKey, m_key);
            QCOMPARE(configuration->options().model, QStringLiteral("gpt-4o-mini"));
            QVERIFY(HubTest::waitUntil([&] { return configuration->options().orgBudgetMicros.has_value(); }));
            QCOMPARE(*configuration->options().orgBudgetMicros, 50'000'000);
            m_server.enqueue(FakeLlmServer::completion(QStringLiteral("Again")));
            const auto result = complete(*session, QStringLiteral("follow_up"));
            QVERIFY(result && result->ok);
            QCOMPARE(m_server.requests().constLast().headers.value("authorization"), "Bearer " + m_key.toUtf8());
        }

        // Where it must not be. Each place is first shown to hold what it should, so the search is not vacuous.
        QSettings settings;
        settings.sync();
        const QByteArray settingsFile = HubTest::readFile(settings.fileName());
        QVERIFY2(settingsFile.contains(m_server.baseUrl().toString().toUtf8()), qPrintable(settings.fileName()));
        QVERIFY(!HubTest::containsSecret(settingsFile, m_key));

        const QStringList workspaceFiles = QDir(m_dir.path()).entryList(QDir::Files);
        QVERIFY2(workspaceFiles.contains(QStringLiteral("leak.sqlite")), qPrintable(workspaceFiles.join(u',')));
        QByteArray database;
        for (const QString& name : workspaceFiles)
            database += HubTest::readFile(m_dir.filePath(name));
        QVERIFY(database.contains("lead_summary"));
        QCOMPARE(HubTest::filesContainingSecret(m_dir.path(), m_key), QStringList());

        const QByteArray log = capturedLog();
        QVERIFY2(log.contains("AI call failed"), log.constData());
        QVERIFY(log.contains("rejected the API key"));
        QVERIFY2(!HubTest::containsSecret(log, m_key), log.constData());

        // The test-mode data and config folders as a whole (QSettings, caches) hold no copy either.
        for (const auto location : { QStandardPaths::GenericDataLocation, QStandardPaths::GenericConfigLocation,
                 QStandardPaths::GenericCacheLocation }) {
            const QString folder = QStandardPaths::writableLocation(location);
            QCOMPARE(HubTest::filesContainingSecret(folder, m_key), QStringList());
        }
    }
};

QTEST_GUILESS_MAIN(TestAiKeyLeak)
#include "tst_aikeyleak.moc"
