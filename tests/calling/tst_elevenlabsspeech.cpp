// ElevenLabsSpeech against FakeElevenLabsServer on loopback: real speech audio (espeak-ng) as PCM, the voice list,
// and every failure the UI must explain: 401, 429 with Retry-After (waited for, then given up), 500, malformed
// answers, a hanging server, cancel, a closed context and hostile voice ids.
#include "services/providers/ElevenLabsSpeech.h"
#include "tests/support/FakeElevenLabsServer.h"
#include "tests/support/WaitFor.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

#include <memory>

using HubTest::FakeElevenLabsServer;

class TestElevenLabsSpeech : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeElevenLabsServer> m_server;
    std::unique_ptr<ElevenLabsSpeech> m_speech;

    SpeechSettings settings() const
    {
        SpeechSettings s;
        s.baseUrl = m_server->baseUrl();
        s.apiKey = QStringLiteral("el-test-key");
        s.sampleRate = 16000;
        s.retryBaseDelayMs = 20;
        s.timeoutMs = 5000;
        return s;
    }

    SpeechResult say(const QString& text, const QString& voice = QStringLiteral("21m00Tcm4TlvDq8ikWAM"))
    {
        return HubTest::waitForCallback<SpeechResult>(
            [&](QObject* c, SpeechSynthesis::Done d) { m_speech->synthesize(text, voice, c, d); },
            QStringLiteral("synthesize"), 30000)
            .value_or(SpeechResult {});
    }

    SpeechResult voices()
    {
        return HubTest::waitForCallback<SpeechResult>(
            [&](QObject* c, SpeechSynthesis::Done d) { m_speech->listVoices(c, d); }, QStringLiteral("voices"))
            .value_or(SpeechResult {});
    }

private slots:
    void initTestCase()
    {
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY2(!FakeElevenLabsServer::speak(QStringLiteral("test"), 16000).isEmpty(),
            "espeak-ng is needed for real speech audio (scripts/bootstrap installs it)");
    }

    void init()
    {
        m_server = std::make_unique<FakeElevenLabsServer>();
        QVERIFY(m_server->listen());
        m_speech = std::make_unique<ElevenLabsSpeech>(&m_network, settings());
    }

    void cleanup()
    {
        m_speech.reset();
        m_server.reset();
    }

    void synthesizesRealSpeech()
    {
        const SpeechResult result = say(QStringLiteral("Hi Dana, this is Ava from Northwind Studio."));
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(result.audio.sampleRate, 16000);
        QCOMPARE(result.audio.channels, 1);
        // A sentence of speech lasts seconds, not milliseconds, and is not silence.
        QVERIFY2(result.audio.durationMs() > 1500 && result.audio.durationMs() < 10000,
            qPrintable(QString::number(result.audio.durationMs())));
        const auto* samples = reinterpret_cast<const qint16*>(result.audio.pcm.constData());
        int loud = 0;
        for (qsizetype i = 0; i < result.audio.pcm.size() / 2; ++i)
            loud += std::abs(samples[i]) > 2000 ? 1 : 0;
        QVERIFY(loud > 1000);

        const FakeElevenLabsServer::Request& request = m_server->requests().constLast();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM?output_format=pcm_16000"));
        QCOMPARE(request.headers.value("xi-api-key"), QByteArray("el-test-key"));
        QCOMPARE(request.json.value(QLatin1String("text")).toString(),
            QStringLiteral("Hi Dana, this is Ava from Northwind Studio."));
        QCOMPARE(request.json.value(QLatin1String("model_id")).toString(), QStringLiteral("eleven_multilingual_v2"));
    }

    void listsVoices()
    {
        m_server->setVoices({ { QStringLiteral("zeta1"), QStringLiteral("Zeta") },
            { QStringLiteral("alpha2"), QStringLiteral("alpha") }, { QStringLiteral("../bad"), QStringLiteral("Bad") } });
        const SpeechResult result = voices();
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(result.voices.size(), 2); // the voice with an unusable id is left out
        QCOMPARE(result.voices.first().name, QStringLiteral("alpha"));
        QCOMPARE(result.voices.first().description, QStringLiteral("american, female"));
        QCOMPARE(m_server->requests().constLast().path, QByteArray("/v1/voices"));
    }

    void wrongKeyIsUnauthorized()
    {
        SpeechSettings s = settings();
        s.apiKey = QStringLiteral("sk-wrong-key-123");
        m_speech->setSettings(s);
        const SpeechResult result = say(QStringLiteral("Hello"));
        QVERIFY(!result.ok);
        QCOMPARE(result.error.kind, SpeechError::Unauthorized);
        QCOMPARE(result.error.httpStatus, 401);
        QVERIFY(result.error.message.contains(QStringLiteral("Settings → Calling")));
        QVERIFY(result.error.detail.contains(QLatin1String("Invalid API key")));
        QVERIFY(!result.error.message.contains(QLatin1String("sk-wrong-key-123")));
        QCOMPARE(m_server->requestCount(), 1); // never retried
    }

    void rateLimitHonoursRetryAfter()
    {
        m_server->enqueue(FakeElevenLabsServer::rateLimited(1));
        QElapsedTimer clock;
        clock.start();
        const SpeechResult result = say(QStringLiteral("Hello again"));
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(m_server->requestCount(), 2);
    }

    void rateLimitGivesUpWithTheWait()
    {
        SpeechSettings s = settings();
        s.maxRetries = 0;
        m_speech->setSettings(s);
        m_server->enqueue(FakeElevenLabsServer::rateLimited(30));
        const SpeechResult result = say(QStringLiteral("Hello"));
        QCOMPARE(result.error.kind, SpeechError::RateLimited);
        QCOMPARE(result.error.retryAfterMs, 30000);
        QCOMPARE(result.error.httpStatus, 429);
    }

    void retryAfterBeyondTheLimitIsNotWaitedFor()
    {
        m_server->enqueue(FakeElevenLabsServer::rateLimited(3600));
        QElapsedTimer clock;
        clock.start();
        const SpeechResult result = say(QStringLiteral("Hello"));
        QCOMPARE(result.error.kind, SpeechError::RateLimited);
        QVERIFY(clock.elapsed() < 3000);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void serverErrorsAreRetriedThenReported()
    {
        for (int i = 0; i < 3; ++i)
            m_server->enqueue(FakeElevenLabsServer::serverError());
        const SpeechResult result = say(QStringLiteral("Hello"));
        QCOMPARE(result.error.kind, SpeechError::Server);
        QCOMPARE(result.error.httpStatus, 500);
        QCOMPARE(m_server->requestCount(), 3); // first try + maxRetries (2)

        m_server->enqueue(FakeElevenLabsServer::serverError());
        QVERIFY(say(QStringLiteral("Hello")).ok); // recovered on the retry
    }

    void malformedAnswersAreBadResponses()
    {
        m_server->enqueue(FakeElevenLabsServer::malformed());
        const SpeechResult speech = say(QStringLiteral("Hello"));
        QCOMPARE(speech.error.kind, SpeechError::BadResponse);
        QVERIFY(speech.error.detail.contains(QLatin1String("application/json")));
        m_server->enqueue(FakeElevenLabsServer::malformed());
        QCOMPARE(voices().error.kind, SpeechError::BadResponse);
    }

    void unknownVoiceIsABadRequest()
    {
        const SpeechResult result = say(QStringLiteral("Hello"), QStringLiteral("UnknownVoice1"));
        QCOMPARE(result.error.kind, SpeechError::BadRequest);
        QVERIFY(result.error.detail.contains(QLatin1String("does not exist")));
    }

    void hostileInputNeverReachesTheServer_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("voice");
        QTest::newRow("path traversal") << "Hello" << "../../v1/user";
        QTest::newRow("query injection") << "Hello" << "abc?output_format=mp3";
        QTest::newRow("no voice") << "Hello" << "";
        QTest::newRow("empty text") << "   " << "21m00Tcm4TlvDq8ikWAM";
        QTest::newRow("huge text") << QString(ElevenLabsSpeech::kMaxTextLength + 1, QLatin1Char('a')) << "abc";
    }

    void hostileInputNeverReachesTheServer()
    {
        QFETCH(QString, text);
        QFETCH(QString, voice);
        const SpeechResult result = say(text, voice);
        QCOMPARE(result.error.kind, SpeechError::BadRequest);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void notConfiguredWithoutKey()
    {
        SpeechSettings s = settings();
        s.apiKey.clear();
        m_speech->setSettings(s);
        QCOMPARE(say(QStringLiteral("Hello")).error.kind, SpeechError::NotConfigured);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void timeoutAndCancel()
    {
        SpeechSettings s = settings();
        s.timeoutMs = 300;
        s.maxRetries = 0;
        m_speech->setSettings(s);
        m_server->enqueue(FakeElevenLabsServer::hang());
        QCOMPARE(say(QStringLiteral("Hello")).error.kind, SpeechError::Timeout);

        s.timeoutMs = 10000;
        m_speech->setSettings(s);
        m_server->enqueue(FakeElevenLabsServer::hang());
        std::optional<SpeechResult> cancelled;
        QObject context;
        const auto id = m_speech->synthesize(QStringLiteral("Hello"), QStringLiteral("21m00Tcm4TlvDq8ikWAM"), &context,
            [&](const SpeechResult& r) { cancelled = r; });
        QVERIFY(HubTest::waitUntil([&] { return m_server->requestCount() == 2; }));
        m_speech->cancel(id);
        QVERIFY(cancelled);
        QCOMPARE(cancelled->error.kind, SpeechError::Cancelled);
        QCOMPARE(m_speech->pendingCount(), 0);
    }

    void closedContextGetsNoAnswer()
    {
        bool answered = false;
        {
            QObject context;
            m_speech->synthesize(QStringLiteral("Hello"), QStringLiteral("21m00Tcm4TlvDq8ikWAM"), &context,
                [&](const SpeechResult&) { answered = true; });
        }
        QTest::qWait(300);
        QVERIFY(!answered);
        QCOMPARE(m_speech->pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestElevenLabsSpeech)
#include "tst_elevenlabsspeech.moc"
