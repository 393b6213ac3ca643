#pragma once

#include "tests/support/LoopbackHttpServer.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QQueue>
#include <QStringList>

class QWebSocket;
class QWebSocketServer;

namespace HubTest {

// Vapi on loopback (PROVIDERS.md §1): POST /call, GET /call/{id}, DELETE /call/{id}, GET /phone-number, the control
// URL (POST /{id}/control {"type":"end-call"}), the recordings (GET /recordings/{id}-mono.wav and -stereo.wav: the
// listen audio as WAV) and a QWebSocketServer that serves each call's listen URL with real PCM (16 kHz, s16le,
// stereo: customer, assistant) after a JSON format frame and transcript frames.
//
// Each GET /call/{id} moves the call one step along its scenario's statuses; once it reports "ended", the analysis
// (summary, structuredData) appears only after lateAnalysisPolls more reads, as it does at Vapi. Failures can be
// queued for the next requests: an HTTP status with a Vapi-like body (429 with Retry-After), malformed JSON or a
// dropped connection.
class FakeVapiServer : public QObject
{
    Q_OBJECT

public:
    static constexpr const char* kApiKey = "vapi-private-TEST-key-1234";
    static constexpr const char* kPhoneNumberId = "pn-fake-0001";

    struct Scenario
    {
        QStringList statuses { QStringLiteral("queued"), QStringLiteral("ringing"), QStringLiteral("in-progress"),
            QStringLiteral("ended") };
        QString endedReason = QStringLiteral("customer-ended-call");
        int lateAnalysisPolls = 1;
        QString outcome = QStringLiteral("booked"); // structuredData.outcome; empty: none
        QString sentiment = QStringLiteral("positive");
        QString summary = QStringLiteral("The lead agreed to a demo on Tuesday at 10:00.");
        QString transcript = QStringLiteral("AI: Hello Jane, this is Sam from Business Hub.\nUser: Hi, sure, tell me more.");
        int durationSeconds = 95;
        double cost = 0.42;
    };

    struct Failure
    {
        int status = 500;
        QByteArray retryAfter; // Retry-After header when set
        bool malformed = false; // 200 with a broken JSON body
        bool drop = false; // close the connection without answering
    };

    explicit FakeVapiServer(QObject* parent = nullptr);
    ~FakeVapiServer() override;

    bool listen();
    QUrl baseUrl() const { return m_http.baseUrl(); }

    void setDefaultScenario(const Scenario& scenario) { m_default = scenario; }
    void setScenarioForNumber(const QString& number, const Scenario& scenario) { m_byNumber.insert(number, { scenario }); }
    // One scenario per call to that number, in order; the last one repeats.
    void setScenariosForNumber(const QString& number, const QList<Scenario>& scenarios) { m_byNumber.insert(number, scenarios); }
    static Scenario noAnswer();
    static Scenario pipelineError();
    void enqueueFailure(const Failure& failure) { m_failures.enqueue(failure); }

    // Stereo PCM (customer left, assistant right) streamed to every listener; dropMidStream aborts halfway.
    void setListenAudio(const QByteArray& stereoPcm, bool dropMidStream = false);
    // A RIFF/WAVE file of 16-bit PCM, as the recordings are served.
    static QByteArray wavFile(const QByteArray& pcm, int sampleRate, int channels);
    qint64 bytesStreamed() const { return m_bytesStreamed; }

    const QList<HttpRequestRecord>& requests() const { return m_http.requests(); }
    QList<QJsonObject> createdCallBodies() const;
    QStringList dialledNumbers() const; // customer.number of every accepted POST /call, in order
    int endCallRequests() const { return m_endCallRequests; }
    QString lastCallId() const { return m_lastCallId; }
    QUrl listenUrlFor(const QString& callId) const;

private:
    struct FakeCall
    {
        QString id;
        QString number;
        Scenario scenario;
        int step = 0;
        int readsSinceEnd = -1;
        bool endedByControl = false;
        QJsonObject created;
    };

    HttpReply handle(const HttpRequestRecord& request);
    QString recordingUrl(const QString& callId, const char* kind) const;
    HttpReply recordingReply(const QString& file) const;
    QJsonObject callObject(const FakeCall& call) const;
    void onListener();
    void stream(QWebSocket* socket, const QString& callId);

    LoopbackHttpServer m_http;
    QWebSocketServer* m_ws;
    Scenario m_default;
    QHash<QString, QList<Scenario>> m_byNumber;
    QHash<QString, int> m_callsToNumber;
    QQueue<Failure> m_failures;
    QHash<QString, FakeCall> m_calls;
    QString m_lastCallId;
    int m_nextId = 1;
    int m_endCallRequests = 0;
    QByteArray m_audio;
    bool m_dropMidStream = false;
    qint64 m_bytesStreamed = 0;
};

} // namespace HubTest
