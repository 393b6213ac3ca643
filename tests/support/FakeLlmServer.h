#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace HubTest {

// A real HTTP/1.1 server on 127.0.0.1 that speaks the OpenAI Chat Completions wire format. Each request it receives
// takes the next scripted behaviour from the queue (an empty queue answers 500 "nothing scripted"), and every request
// is recorded so tests can assert on method, path, headers and JSON body.
//
//     HubTest::FakeLlmServer server;
//     QVERIFY(server.listen());
//     server.enqueue(HubTest::FakeLlmServer::rateLimited(1));
//     server.enqueue(HubTest::FakeLlmServer::completion(QStringLiteral("Hello")));
//     settings.baseUrl = server.baseUrl();
class FakeLlmServer : public QObject
{
    Q_OBJECT

public:
    struct Behaviour
    {
        enum class Kind { Reply, Hang, Stream };
        Kind kind = Kind::Reply;
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QStringList deltas; // Stream: one chunk per delta
        bool streamUsage = true;
        bool held = false; // answered only when releaseHeld() is called (see held())
    };

    struct Request

    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QJsonObject json;
        qint64 receivedMs = 0; // since the server was created
    };

    // 200 with choices[0].message.content = content.
    static Behaviour completion(const QString& content, int promptTokens = 12, int completionTokens = 7);
    static Behaviour jsonOutput(const QJsonObject& object, int promptTokens = 12, int completionTokens = 7);
    // The JSON of object cut off in the middle, as a model that hit max_tokens sends it.
    static Behaviour truncatedJson(const QJsonObject& object);
    static Behaviour error(int status, const QString& message, const QByteArray& code = {});
    static Behaviour rateLimited(int retryAfterSeconds);
    static Behaviour serverError();
    static Behaviour hang();
    static Behaviour malformed();
    static Behaviour stream(const QStringList& deltas, bool includeUsage = true);
    static Behaviour models(const QStringList& ids);
    // reply, but only once the test calls releaseHeld(): lets a test act while a request is in flight.
    static Behaviour held(Behaviour reply);

    static constexpr const char* kModel = "fake-model-1";

    explicit FakeLlmServer(QObject* parent = nullptr);
    ~FakeLlmServer() override;

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/v1

    void enqueue(const Behaviour& behaviour) { m_queue.enqueue(behaviour); }
    int scriptedLeft() const { return int(m_queue.size()); }
    const QList<Request>& requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    // Answers every held request (in arrival order); returns how many there were.
    int releaseHeld();
    int heldCount() const { return int(m_held.size()); }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Behaviour& behaviour);
    void writeStream(QTcpSocket* socket, const Behaviour& behaviour);

    QTcpServer m_server;
    QQueue<Behaviour> m_queue;
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QTcpSocket*> m_hanging;
    QList<QPair<QPointer<QTcpSocket>, Behaviour>> m_held;
    QElapsedTimer m_clock;
};

} // namespace HubTest
