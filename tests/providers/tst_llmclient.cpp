#include "services/providers/LlmClient.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/WaitFor.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

using HubTest::FakeLlmServer;

Q_DECLARE_METATYPE(HubTest::FakeLlmServer::Behaviour)

namespace {
const QString kKey = QStringLiteral("sk-test-SECRET-0123456789");

QJsonObject summarySchema()
{
    const QJsonObject string { { QStringLiteral("type"), QStringLiteral("string") } };
    const QJsonObject schema { { QStringLiteral("type"), QStringLiteral("object") },
        { QStringLiteral("additionalProperties"), false },
        { QStringLiteral("required"), QJsonArray { QStringLiteral("summary"), QStringLiteral("pain_points") } },
        { QStringLiteral("properties"),
            QJsonObject { { QStringLiteral("summary"), string },
                { QStringLiteral("pain_points"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
                        { QStringLiteral("items"), string }, { QStringLiteral("maxItems"), 5 } } } } } };
    return { { QStringLiteral("name"), QStringLiteral("lead_summary") }, { QStringLiteral("schema"), schema } };
}

QJsonObject validSummary()
{
    return { { QStringLiteral("summary"), QStringLiteral("Bakery chain, wants delivery routing") },
        { QStringLiteral("pain_points"), QJsonArray { QStringLiteral("late vans"), QStringLiteral("manual plans") } } };
}

QJsonObject badSummary()
{
    QJsonObject object = validSummary();
    object.insert(QStringLiteral("pain_points"), QJsonArray { QStringLiteral("a"), QStringLiteral("b"), 42 });
    return object;
}

LlmRequest structuredRequest()
{
    LlmRequest request;
    request.feature = QStringLiteral("lead_summary");
    request.promptVersion = QStringLiteral("v1");
    request.messages = { { QStringLiteral("system"), QStringLiteral("You summarise leads.") },
        { QStringLiteral("user"), QStringLiteral("Lead: Müller Bakery") } };
    request.jsonSchema = summarySchema();
    request.maxTokens = 300;
    return request;
}

LlmRequest plainRequest()
{
    LlmRequest request = structuredRequest();
    request.jsonSchema.reset();
    return request;
}
} // namespace

class TestLlmClient : public QObject
{
    Q_OBJECT

private:
    LlmSettings settingsFor(const FakeLlmServer& server, const QString& key = {}) const
    {
        LlmSettings settings;
        settings.baseUrl = server.baseUrl();
        settings.model = QStringLiteral("test-model");
        settings.apiKey = key;
        settings.timeoutMs = 5000;
        settings.maxRetries = 2;
        settings.retryBaseDelayMs = 10;
        return settings;
    }

    std::optional<LlmResult> run(LlmClient& client, const LlmRequest& request)
    {
        return HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, std::function<void(const LlmResult&)> done) {
                client.complete(request, context, std::move(done));
            },
            QStringLiteral("LlmClient::complete"));
    }

    QNetworkAccessManager m_network;

private slots:
    void initTestCase() { QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); }

    void structuredOutput()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::jsonOutput(validSummary(), 120, 40));
        LlmClient client(&m_network, settingsFor(server));
        const auto result = run(client, structuredRequest());
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(result->json, validSummary());
        QCOMPARE(result->inputTokens, 120);
        QCOMPARE(result->outputTokens, 40);
        QCOMPARE(result->model, QString::fromLatin1(FakeLlmServer::kModel));
        QVERIFY(result->reachedProvider);

        QCOMPARE(server.requestCount(), 1);
        const FakeLlmServer::Request& sent = server.requests().first();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(sent.json.value(QLatin1String("model")).toString(), QStringLiteral("test-model"));
        QCOMPARE(sent.json.value(QLatin1String("max_tokens")).toInt(), 300);
        QCOMPARE(sent.json.value(QLatin1String("messages")).toArray().size(), 2);
        const QJsonObject format = sent.json.value(QLatin1String("response_format")).toObject();
        QCOMPARE(format.value(QLatin1String("type")).toString(), QStringLiteral("json_schema"));
        const QJsonObject jsonSchema = format.value(QLatin1String("json_schema")).toObject();
        QCOMPARE(jsonSchema.value(QLatin1String("name")).toString(), QStringLiteral("lead_summary"));
        QCOMPARE(jsonSchema.value(QLatin1String("strict")).toBool(), true);
        QCOMPARE(jsonSchema.value(QLatin1String("schema")).toObject(),
            summarySchema().value(QLatin1String("schema")).toObject());
        QVERIFY2(!sent.headers.contains("authorization"), "no key set, so no Authorization header");
        QCOMPARE(client.pendingCount(), 0);
    }

    void bearerOnlyWithKey()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::completion(QStringLiteral("hi")));
        LlmClient client(&m_network, settingsFor(server, kKey));
        const auto result = run(client, plainRequest());
        QVERIFY(result && result->ok);
        QCOMPARE(result->content, QStringLiteral("hi"));
        QCOMPARE(server.requests().first().headers.value("authorization"), "Bearer " + kKey.toUtf8());
    }

    void repairRound_data()
    {
        QTest::addColumn<FakeLlmServer::Behaviour>("bad");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("schema violation") << FakeLlmServer::jsonOutput(badSummary())
                                          << QStringLiteral("$.pain_points[2]: expected string, got integer");
        QTest::newRow("truncated JSON") << FakeLlmServer::truncatedJson(validSummary())
                                        << QStringLiteral("$: the answer is not complete JSON");
        QTest::newRow("prose instead of JSON") << FakeLlmServer::completion(QStringLiteral("Sure, here you go"))
                                               << QStringLiteral("$: the answer is not complete JSON");
    }

    void repairRound()
    {
        QFETCH(FakeLlmServer::Behaviour, bad);
        QFETCH(QString, expectedError);
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(bad);
        server.enqueue(FakeLlmServer::jsonOutput(validSummary()));
        LlmClient client(&m_network, settingsFor(server));
        const auto result = run(client, structuredRequest());
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(result->json, validSummary());
        QCOMPARE(result->inputTokens, 24); // both rounds were paid for
        QCOMPARE(server.requestCount(), 2);

        const QJsonArray messages = server.requests().at(1).json.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        const QJsonObject assistant = messages.at(2).toObject();
        QCOMPARE(assistant.value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        const QString badContent = QJsonDocument::fromJson(bad.body)
                                       .object()
                                       .value(QLatin1String("choices"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QLatin1String("message"))
                                       .toObject()
                                       .value(QLatin1String("content"))
                                       .toString();
        QCOMPARE(assistant.value(QLatin1String("content")).toString(), badContent);
        const QJsonObject correction = messages.at(3).toObject();
        QCOMPARE(correction.value(QLatin1String("role")).toString(), QStringLiteral("user"));
        QVERIFY2(correction.value(QLatin1String("content")).toString().contains(expectedError),
            qPrintable(correction.value(QLatin1String("content")).toString()));
    }

    void secondViolationFails_data() { repairRound_data(); }

    void secondViolationFails()
    {
        QFETCH(FakeLlmServer::Behaviour, bad);
        QFETCH(QString, expectedError);
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(bad);
        server.enqueue(bad);
        server.enqueue(FakeLlmServer::jsonOutput(validSummary()));
        LlmClient client(&m_network, settingsFor(server));
        const auto result = run(client, structuredRequest());
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::SchemaViolation);
        QVERIFY2(result->error.detail.contains(expectedError), qPrintable(result->error.detail));
        QVERIFY(!result->error.message.isEmpty());
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.scriptedLeft(), 1);
    }

    void rateLimitHonoursRetryAfter()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::rateLimited(1));
        server.enqueue(FakeLlmServer::completion(QStringLiteral("after the wait")));
        LlmClient client(&m_network, settingsFor(server));
        const auto result = run(client, plainRequest());
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(result->content, QStringLiteral("after the wait"));
        QCOMPARE(server.requestCount(), 2);
        const qint64 gap = server.requests().at(1).receivedMs - server.requests().at(0).receivedMs;
        QVERIFY2(gap >= 1000, qPrintable(QStringLiteral("retried after %1 ms").arg(gap)));
    }

    void rateLimitCappedByMaxWait()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::rateLimited(3600));
        server.enqueue(FakeLlmServer::completion(QStringLiteral("ok")));
        LlmSettings settings = settingsFor(server);
        settings.maxRetryWaitMs = 50;
        LlmClient client(&m_network, settings);
        QElapsedTimer clock;
        clock.start();
        const auto result = run(client, plainRequest());
        QVERIFY(result && result->ok);
        QVERIFY2(clock.elapsed() < 3000, "the Retry-After wait is capped");
    }

    void serverErrorsExhaustRetries()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        for (int i = 0; i < 3; ++i)
            server.enqueue(FakeLlmServer::serverError());
        server.enqueue(FakeLlmServer::completion(QStringLiteral("too late")));
        LlmClient client(&m_network, settingsFor(server)); // maxRetries = 2
        const auto result = run(client, plainRequest());
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::Server);
        QCOMPARE(result->error.httpStatus, 500);
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(server.scriptedLeft(), 1);
    }

    void clientErrorsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("401") << 401 << QByteArray() << int(LlmError::Unauthorized);
        QTest::newRow("403") << 403 << QByteArray() << int(LlmError::Unauthorized);
        QTest::newRow("400") << 400 << QByteArray() << int(LlmError::BadResponse);
        QTest::newRow("404 model") << 404 << QByteArray("model_not_found") << int(LlmError::BadResponse);
        QTest::newRow("429 quota") << 429 << QByteArray("insufficient_quota") << int(LlmError::RateLimited);
    }

    void clientErrorsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(int, kind);
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::error(status, QStringLiteral("Incorrect API key provided: %1").arg(kKey), code));
        server.enqueue(FakeLlmServer::completion(QStringLiteral("must not be fetched")));
        LlmClient client(&m_network, settingsFor(server, kKey));
        const auto result = run(client, plainRequest());
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(int(result->error.kind), kind);
        QCOMPARE(result->error.httpStatus, status);
        QCOMPARE(server.requestCount(), 1);
        QVERIFY2(!result->error.message.contains(kKey), qPrintable(result->error.message));
        QVERIFY2(!result->error.detail.contains(kKey), qPrintable(result->error.detail));
        QVERIFY2(result->error.message.contains(QLatin1String("Incorrect API key provided")),
            "the provider's explanation is kept, only the key is masked");
    }

    void keyNeverInErrors_data()
    {
        QTest::addColumn<FakeLlmServer::Behaviour>("behaviour");
        QTest::newRow("500 echoing the key") << FakeLlmServer::error(500, QStringLiteral("bad key %1").arg(kKey));
        QTest::newRow("400 echoing the key") << FakeLlmServer::error(400, QStringLiteral("bad key %1").arg(kKey));
        QTest::newRow("malformed body") << FakeLlmServer::malformed();
        QTest::newRow("schema violation")
            << FakeLlmServer::completion(QStringLiteral("{\"summary\": \"%1\"}").arg(kKey));
    }

    void keyNeverInErrors()
    {
        QFETCH(FakeLlmServer::Behaviour, behaviour);
        FakeLlmServer server;
        QVERIFY(server.listen());
        for (int i = 0; i < 4; ++i)
            server.enqueue(behaviour);
        LlmSettings settings = settingsFor(server, kKey);
        settings.maxRetries = 0;
        LlmClient client(&m_network, settings);
        const auto result = run(client, structuredRequest());
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY2(!result->error.message.contains(kKey), qPrintable(result->error.message));
        QVERIFY2(!result->error.detail.contains(kKey), qPrintable(result->error.detail));
    }

    void malformedBodyIsBadResponse()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::malformed());
        LlmClient client(&m_network, settingsFor(server));
        const auto result = run(client, plainRequest());
        QVERIFY(result);
        QCOMPARE(result->error.kind, LlmError::BadResponse);
        QCOMPARE(server.requestCount(), 1);
    }

    void hangTimesOut()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::hang());
        LlmSettings settings = settingsFor(server);
        settings.timeoutMs = 200;
        LlmClient client(&m_network, settings);
        QElapsedTimer clock;
        clock.start();
        const auto result = run(client, plainRequest());
        QVERIFY(result);
        QCOMPARE(result->error.kind, LlmError::Timeout);
        QVERIFY(clock.elapsed() >= 200);
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(client.pendingCount(), 0);
    }

    void cancelAnswersCancelled()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::hang());
        LlmClient client(&m_network, settingsFor(server));
        QObject context;
        std::optional<LlmResult> result;
        const LlmClient::RequestId id
            = client.complete(plainRequest(), &context, [&result](const LlmResult& r) { result = r; });
        QVERIFY(HubTest::waitUntil([&] { return server.requestCount() == 1; }));
        client.cancel(id);
        QVERIFY(HubTest::waitUntil([&] { return result.has_value(); }, 2000));
        QCOMPARE(result->error.kind, LlmError::Cancelled);
        QCOMPARE(client.pendingCount(), 0);
        client.cancel(id); // a second cancel is harmless
    }

    void destroyedContextGetsNoCallback()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::hang());
        LlmSettings settings = settingsFor(server);
        settings.timeoutMs = 150;
        LlmClient client(&m_network, settings);
        auto* context = new QObject;
        int calls = 0;
        client.complete(plainRequest(), context, [&calls](const LlmResult&) { ++calls; });
        QVERIFY(HubTest::waitUntil([&] { return server.requestCount() == 1; }));
        QCOMPARE(client.pendingCount(), 1);
        delete context;
        QCOMPARE(client.pendingCount(), 0);
        QTest::qWait(400); // past the timeout: nothing may answer now
        QCOMPARE(calls, 0);
    }

    void streamingDeltasInOrder()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        const QStringList pieces { QStringLiteral("Guten "), QStringLiteral("Tag, "), QStringLiteral("Frau "),
            QStringLiteral("Müller"), QStringLiteral("!") };
        server.enqueue(FakeLlmServer::stream(pieces));
        LlmClient client(&m_network, settingsFor(server));
        QStringList deltas;
        const auto result = HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, std::function<void(const LlmResult&)> done) {
                client.stream(
                    plainRequest(), context, [&deltas](const QString& delta) { deltas.append(delta); },
                    std::move(done));
            },
            QStringLiteral("LlmClient::stream"));
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(deltas, pieces);
        QCOMPARE(result->content, pieces.join(QString()));
        QCOMPARE(result->inputTokens, 21);
        QCOMPARE(result->outputTokens, int(pieces.size()));
        const QJsonObject body = server.requests().first().json;
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool(),
            true);
    }

    void streamRetriesBeforeFirstDelta()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::serverError());
        server.enqueue(FakeLlmServer::stream({ QStringLiteral("a"), QStringLiteral("b") }, false));
        LlmClient client(&m_network, settingsFor(server));
        QStringList deltas;
        const auto result = HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, std::function<void(const LlmResult&)> done) {
                client.stream(
                    plainRequest(), context, [&deltas](const QString& delta) { deltas.append(delta); },
                    std::move(done));
            },
            QStringLiteral("LlmClient::stream"));
        QVERIFY(result && result->ok);
        QCOMPARE(result->content, QStringLiteral("ab"));
        QCOMPARE(server.requestCount(), 2);
    }

    void notConfigured()
    {
        LlmClient client(&m_network, LlmSettings {});
        const auto result = run(client, plainRequest());
        QVERIFY(result);
        QCOMPARE(result->error.kind, LlmError::NotConfigured);
        QVERIFY(result->error.message.contains(QStringLiteral("Settings → AI")));
        QVERIFY(!result->reachedProvider);
    }

    void networkErrorAfterRetries()
    {
        QUrl deadUrl;
        {
            FakeLlmServer server;
            QVERIFY(server.listen());
            deadUrl = server.baseUrl();
        }
        LlmSettings settings;
        settings.baseUrl = deadUrl;
        settings.model = QStringLiteral("m");
        settings.maxRetries = 1;
        settings.retryBaseDelayMs = 10;
        LlmClient client(&m_network, settings);
        const auto result = run(client, plainRequest());
        QVERIFY(result);
        QCOMPARE(result->error.kind, LlmError::Network);
        QVERIFY(!result->reachedProvider);
    }

    void testConnectionListsModels()
    {
        FakeLlmServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeLlmServer::models({ QStringLiteral("llama3.1:8b"), QStringLiteral("qwen2.5:7b") }));
        LlmClient client(&m_network, settingsFor(server, kKey));
        const auto result = HubTest::waitForCallback<LlmResult>(
            [&](QObject* context, std::function<void(const LlmResult&)> done) {
                client.testConnection(context, std::move(done));
            },
            QStringLiteral("LlmClient::testConnection"));
        QVERIFY(result && result->ok);
        QCOMPARE(result->content, QStringLiteral("llama3.1:8b, qwen2.5:7b"));
        QCOMPARE(server.requests().first().method, QByteArray("GET"));
        QCOMPARE(server.requests().first().path, QByteArray("/v1/models"));
    }
};

QTEST_GUILESS_MAIN(TestLlmClient)
#include "tst_llmclient.moc"
