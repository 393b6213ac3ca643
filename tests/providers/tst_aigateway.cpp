#include "services/providers/AiGateway.h"
#include "services/providers/AiUsageLedger.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using HubTest::FakeLlmServer;

namespace {
LlmRequest request()
{
    LlmRequest request;
    request.feature = QStringLiteral("lead_summary");
    request.promptVersion = QStringLiteral("summary-v3");
    request.leadId = QStringLiteral("lead-42");
    request.messages = { { QStringLiteral("user"), QStringLiteral("Summarise this lead") } };
    return request;
}
} // namespace

class TestAiGateway : public QObject
{
    Q_OBJECT

private:
    void configure(AiGateway& gateway, const HubTest::TempWorkspace& ws, const FakeLlmServer& server)
    {
        LlmSettings settings;
        settings.baseUrl = server.baseUrl();
        settings.model = QStringLiteral("gpt-4o-mini");
        settings.timeoutMs = 5000;
        settings.maxRetries = 0;
        gateway.setSettings(settings);
        gateway.setIdentity(ws.identity().orgId, ws.identity().userId);
    }

    std::optional<LlmResult> run(AiGateway& gateway)
    {
        return HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, std::function<void(const LlmResult&)> done) {
                gateway.complete(request(), context, std::move(done));
            },
            QStringLiteral("AiGateway::complete"));
    }

    QNetworkAccessManager m_network;

private slots:
    void initTestCase() { QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); }

    void overBudgetIsRefusedWithoutNetwork()
    {
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::completion(QStringLiteral("must not be fetched")));
        AiGateway gateway(&ws.executor(), &m_network);
        configure(gateway, ws, server);
        const QString org = ws.identity().orgId;
        ws.runBlocking([&](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            QVERIFY(ledger.setBudget(org, {}, 1'000'000));
            AiUsageEntry spent;
            spent.orgId = org;
            spent.feature = QStringLiteral("earlier");
            spent.costMicros = 1'500'000;
            QVERIFY(ledger.record(spent));
        });
        const auto result = run(gateway);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::BudgetExceeded);
        QCOMPARE(result->error.message,
            QStringLiteral("This month’s AI budget of €1.00 is used up (€1.50). Raise it in Settings → AI; everything "
                           "else keeps working."));
        QCOMPARE(server.requestCount(), 0);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM ai_usage")), 1);
    }

    void usageIsRecordedAfterACall()
    {
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::completion(QStringLiteral("A bakery."), 1000, 2000));
        AiGateway gateway(&ws.executor(), &m_network);
        configure(gateway, ws, server);
        AiPriceTable prices = AiPriceTable::defaults();
        prices.setPrice(QString::fromLatin1(FakeLlmServer::kModel), { 1'000'000, 2'000'000 });
        gateway.setPriceTable(prices);
        QSignalSpy recorded(&gateway, &AiGateway::usageRecorded);

        const auto result = run(gateway);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(result->content, QStringLiteral("A bakery."));
        QVERIFY(recorded.count() == 1 || recorded.wait(HubTest::kAsyncTimeoutMs));

        ws.runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral(
                "SELECT org_id, user_id, feature, model, prompt_version, input_tokens, output_tokens, cost_micros, "
                "lead_id FROM ai_usage")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), ws.identity().orgId);
            QCOMPARE(query.value(1).toString(), ws.identity().userId);
            QCOMPARE(query.value(2).toString(), QStringLiteral("lead_summary"));
            QCOMPARE(query.value(3).toString(), QString::fromLatin1(FakeLlmServer::kModel));
            QCOMPARE(query.value(4).toString(), QStringLiteral("summary-v3"));
            QCOMPARE(query.value(5).toInt(), 1000);
            QCOMPARE(query.value(6).toInt(), 2000);
            QCOMPARE(query.value(7).toLongLong(), 5000);
            QCOMPARE(query.value(8).toString(), QStringLiteral("lead-42"));
            QVERIFY(!query.next());
        });
    }

    void failedCallThatReachedTheProviderIsRecorded()
    {
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::serverError());
        AiGateway gateway(&ws.executor(), &m_network);
        configure(gateway, ws, server);
        QSignalSpy recorded(&gateway, &AiGateway::usageRecorded);
        const auto result = run(gateway);
        QVERIFY(result);
        QCOMPARE(result->error.kind, LlmError::Server);
        QVERIFY(recorded.count() == 1 || recorded.wait(HubTest::kAsyncTimeoutMs));
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM ai_usage WHERE input_tokens = 0")), 1);
    }

    void notConfigured_data()
    {
        QTest::addColumn<QUrl>("baseUrl");
        QTest::addColumn<QString>("model");
        QTest::newRow("nothing") << QUrl() << QString();
        QTest::newRow("no model") << QUrl(QStringLiteral("http://127.0.0.1:1/v1")) << QString();
        QTest::newRow("no base URL") << QUrl() << QStringLiteral("gpt-4o-mini");
    }

    void notConfigured()
    {
        QFETCH(QUrl, baseUrl);
        QFETCH(QString, model);
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        AiGateway gateway(&ws.executor(), &m_network);
        LlmSettings settings;
        settings.baseUrl = baseUrl;
        settings.model = model;
        gateway.setSettings(settings);
        gateway.setIdentity(ws.identity().orgId, ws.identity().userId);
        const auto result = run(gateway);
        QVERIFY(result);
        QCOMPARE(result->error.kind, LlmError::NotConfigured);
        QVERIFY2(result->error.message.contains(QLatin1String("base URL"))
                && result->error.message.contains(QLatin1String("model"))
                && result->error.message.contains(QStringLiteral("Settings → AI")),
            qPrintable(result->error.message));
        QTest::qWait(50);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM ai_usage")), 0);
    }
};

QTEST_GUILESS_MAIN(TestAiGateway)
#include "tst_aigateway.moc"
