// Settings → AI without the key: validation, options per workspace in QSettings, budgets in the ledger, applying to
// the gateway, the connection test with unsaved values and this month's usage per feature.
#include "services/providers/AiConfiguration.h"
#include "services/providers/AiGateway.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/workspace/WorkspaceSession.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/WaitFor.h"

#include <QNetworkProxy>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using HubTest::FakeLlmServer;
using namespace Qt::StringLiterals;

class TestAiConfiguration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceSession> openSession(const QString& name)
    {
        auto session = std::make_unique<WorkspaceSession>();
        if (!session->openBlocking(m_dir.filePath(name)).ok())
            return {};
        // Budgets arrive from the database thread after opening.
        HubTest::waitUntil(
            [&] { return session->aiConfiguration()->keyState() != AiConfiguration::KeyState::Loading; });
        return session;
    }

    std::optional<AiSaveOutcome> save(WorkspaceSession& session, const AiOptions& options)
    {
        AiSaveRequest request;
        request.options = options;
        return HubTest::waitForCallback<AiSaveOutcome>(
            [&](QObject* context, std::function<void(const AiSaveOutcome&)> done) {
                session.aiConfiguration()->save(request, context, std::move(done));
            },
            QStringLiteral("AiConfiguration::save"));
    }

    std::optional<AiMonthUsage> usage(WorkspaceSession& session)
    {
        return HubTest::waitForCallback<AiMonthUsage>(
            [&](QObject* context, std::function<void(const AiMonthUsage&)> done) {
                session.aiConfiguration()->monthUsage(context, std::move(done));
            },
            QStringLiteral("AiConfiguration::monthUsage"));
    }

    AiOptions serverOptions() const
    {
        AiOptions options;
        options.baseUrl = m_server.baseUrl();
        options.model = QStringLiteral("llama3.1");
        options.timeoutSeconds = 15;
        return options;
    }

    QTemporaryDir m_dir;
    FakeLlmServer m_server;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_aiconfiguration"));
        QSettings().clear();
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<qint64>("budget"); // -1: none
        QTest::addColumn<QString>("field"); // empty: valid

        QTest::newRow("off") << QString() << QString() << 60 << qint64(-1) << QString();
        QTest::newRow("openai") << u"https://api.openai.com/v1"_s << u"gpt-4o-mini"_s << 60 << qint64(-1) << QString();
        QTest::newRow("ollama") << u"http://127.0.0.1:11434/v1"_s << u"llama3.1"_s << 5 << qint64(0) << QString();
        QTest::newRow("ftp") << u"ftp://example.com/v1"_s << u"m"_s << 60 << qint64(-1) << u"baseUrl"_s;
        QTest::newRow("no scheme") << u"localhost:11434/v1"_s << u"m"_s << 60 << qint64(-1) << u"baseUrl"_s;
        QTest::newRow("words") << u"not a url"_s << u"m"_s << 60 << qint64(-1) << u"baseUrl"_s;
        QTest::newRow("no host") << u"http:///v1"_s << u"m"_s << 60 << qint64(-1) << u"baseUrl"_s;
        QTest::newRow("injection") << u"javascript:alert(1)"_s << u"m"_s << 60 << qint64(-1) << u"baseUrl"_s;
        QTest::newRow("no model") << u"https://api.openai.com/v1"_s << u"  "_s << 60 << qint64(-1) << u"model"_s;
        QTest::newRow("timeout low") << QString() << QString() << 1 << qint64(-1) << u"timeout"_s;
        QTest::newRow("timeout high") << QString() << QString() << 6000 << qint64(-1) << u"timeout"_s;
        QTest::newRow("negative budget") << QString() << QString() << 60 << qint64(-5) << u"orgBudget"_s;
    }

    void validation()
    {
        QFETCH(QString, url);
        QFETCH(QString, model);
        QFETCH(int, timeout);
        QFETCH(qint64, budget);
        QFETCH(QString, field);
        AiOptions options;
        options.baseUrl = AiOptions::parseBaseUrl(url);
        options.model = model;
        options.timeoutSeconds = timeout;
        if (budget != -1)
            options.orgBudgetMicros = budget;
        const FieldErrors errors = options.validate();
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).message));
        } else {
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.constFirst().field, field);
            QVERIFY(!errors.constFirst().message.isEmpty());
        }
    }

    void nothingIsSavedBeforeTheWorkspaceIsOpen()
    {
        WorkspaceSession session; // not opened
        const auto outcome = save(session, serverOptions());
        QVERIFY(outcome);
        QVERIFY(!outcome->ok);
        QVERIFY(outcome->message.contains(QLatin1String("still opening")));
        QVERIFY(!session.ai()->settings().isConfigured());
        QVERIFY(QSettings().childGroups().isEmpty());
    }

    void invalidOptionsSaveNothing()
    {
        auto session = openSession(QStringLiteral("invalid.sqlite"));
        QVERIFY(session);
        AiOptions options = serverOptions();
        options.baseUrl = AiOptions::parseBaseUrl(QStringLiteral("ftp://nowhere"));
        const auto outcome = save(*session, options);
        QVERIFY(outcome);
        QVERIFY(!outcome->ok);
        QCOMPARE(outcome->fieldErrors.size(), 1);
        QCOMPARE(outcome->fieldErrors.constFirst().field, QStringLiteral("baseUrl"));
        QVERIFY(session->aiConfiguration()->options().baseUrl.isEmpty());
        QVERIFY(!session->ai()->settings().isConfigured());
    }

    void savedOptionsComeBackPerWorkspace()
    {
        QString firstId;
        {
            auto session = openSession(QStringLiteral("first.sqlite"));
            QVERIFY(session);
            firstId = session->identity().workspaceId;
            AiConfiguration* configuration = session->aiConfiguration();
            QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::NotSet);
            QVERIFY(!session->ai()->settings().isConfigured());
            AiOptions options = serverOptions();
            options.orgBudgetMicros = 25'000'000;
            options.myBudgetMicros = 5'500'000;
            const auto outcome = save(*session, options);
            QVERIFY(outcome);
            QVERIFY2(outcome->ok, qPrintable(outcome->message));
            QCOMPARE(session->ai()->settings().baseUrl, m_server.baseUrl());
            QCOMPARE(session->ai()->settings().model, QStringLiteral("llama3.1"));
            QCOMPARE(session->ai()->settings().timeoutMs, 15'000);
            QVERIFY(session->ai()->settings().apiKey.isEmpty());
            QCOMPARE(configuration->options().orgBudgetMicros, std::optional<qint64>(25'000'000));
        }
        {
            auto session = openSession(QStringLiteral("first.sqlite"));
            QVERIFY(session);
            AiConfiguration* configuration = session->aiConfiguration();
            QCOMPARE(session->identity().workspaceId, firstId);
            QCOMPARE(configuration->options().baseUrl, m_server.baseUrl());
            QCOMPARE(configuration->options().model, QStringLiteral("llama3.1"));
            QCOMPARE(configuration->options().timeoutSeconds, 15);
            QVERIFY(session->ai()->settings().isConfigured());
            QVERIFY(HubTest::waitUntil([&] { return configuration->options().orgBudgetMicros.has_value(); }));
            QCOMPARE(*configuration->options().orgBudgetMicros, 25'000'000);
            QCOMPARE(configuration->options().myBudgetMicros, std::optional<qint64>(5'500'000));

            // Clearing a budget removes the limit.
            AiOptions options = configuration->options();
            options.orgBudgetMicros.reset();
            QVERIFY(save(*session, options)->ok);
            const auto month = usage(*session);
            QVERIFY(month);
            QVERIFY(!month->orgBudgetMicros);
            QCOMPARE(month->myBudgetMicros, std::optional<qint64>(5'500'000));
        }
        {
            // Another workspace has settings of its own.
            auto session = openSession(QStringLiteral("second.sqlite"));
            QVERIFY(session);
            QVERIFY(session->identity().workspaceId != firstId);
            QVERIFY(session->aiConfiguration()->options().baseUrl.isEmpty());
            QVERIFY(!session->ai()->settings().isConfigured());
        }
        // Only non-secret values are in QSettings, grouped by workspace id.
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("ai/%1/model").arg(firstId)).toString(), QStringLiteral("llama3.1"));
    }

    void connectionTestUsesUnsavedValuesOnly()
    {
        auto session = openSession(QStringLiteral("probe.sqlite"));
        QVERIFY(session);
        AiOptions options = serverOptions();
        m_server.enqueue(FakeLlmServer::models({ QStringLiteral("llama3.1"), QStringLiteral("mistral") }));
        auto result = HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, LlmClient::Done done) {
                session->aiConfiguration()->testConnection(options, QStringLiteral("typed-key"), context,
                    std::move(done));
            },
            QStringLiteral("testConnection"));
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(result->content, QStringLiteral("llama3.1, mistral"));
        QCOMPARE(m_server.requests().constLast().path, QByteArray("/v1/models"));
        QCOMPARE(m_server.requests().constLast().headers.value("authorization"), QByteArray("Bearer typed-key"));
        QVERIFY(!session->ai()->settings().isConfigured()); // nothing applied

        m_server.enqueue(FakeLlmServer::error(401, QStringLiteral("Incorrect API key provided"), "invalid_api_key"));
        result = HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, LlmClient::Done done) {
                session->aiConfiguration()->testConnection(options, QStringLiteral("wrong"), context, std::move(done));
            },
            QStringLiteral("testConnection"));
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::Unauthorized);

        // Nothing is recorded for connection tests.
        const auto month = usage(*session);
        QVERIFY(month);
        QCOMPARE(month->totals.orgCalls, 0);
        QVERIFY(month->features.isEmpty());
    }

    void usagePerFeature()
    {
        auto session = openSession(QStringLiteral("usage.sqlite"));
        QVERIFY(session);
        const WorkspaceIdentity identity = session->identity();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        session->executor()->runBlocking([&](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            const auto add = [&](const QString& feature, const QString& user, qint64 cost, const QDateTime& at) {
                AiUsageEntry entry;
                entry.orgId = identity.orgId;
                entry.userId = user;
                entry.feature = feature;
                entry.model = QStringLiteral("gpt-4o-mini");
                entry.inputTokens = 100;
                entry.outputTokens = 20;
                entry.costMicros = cost;
                entry.createdAt = at;
                QVERIFY(ledger.record(entry));
            };
            add(QStringLiteral("lead_summary"), identity.userId, 1'000, now);
            add(QStringLiteral("lead_summary"), QStringLiteral("someone-else"), 3'000, now);
            add(QStringLiteral("proposal_draft"), identity.userId, 9'000, now);
            add(QStringLiteral("lead_summary"), identity.userId, 99'000, now.addMonths(-1)); // last month
        });
        const auto month = usage(*session);
        QVERIFY(month);
        QVERIFY(month->error.isEmpty());
        QCOMPARE(month->features.size(), 2);
        QCOMPARE(month->features.at(0).feature, QStringLiteral("proposal_draft")); // most expensive first
        QCOMPARE(month->features.at(0).calls, 1);
        QCOMPARE(month->features.at(1).feature, QStringLiteral("lead_summary"));
        QCOMPARE(month->features.at(1).calls, 2);
        QCOMPARE(month->features.at(1).inputTokens, 200);
        QCOMPARE(month->features.at(1).outputTokens, 40);
        QCOMPARE(month->features.at(1).costMicros, 4'000);
        QCOMPARE(month->totals.orgMicros, 13'000);
        QCOMPARE(month->totals.userMicros, 10'000);
        QCOMPARE(session->aiConfiguration()->formatMoney(1'234'567), QStringLiteral("€1.23"));
    }
};

QTEST_GUILESS_MAIN(TestAiConfiguration)
#include "tst_aiconfiguration.moc"
