#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace HubTest {

// A real HTTP/1.1 server on 127.0.0.1 speaking ElevenLabs' wire format: POST /v1/text-to-speech/{voice_id}
// ?output_format=pcm_<rate> answers the text spoken by espeak-ng as raw 16-bit PCM at that rate, GET /v1/voices a
// voice list. Requests without the expected xi-api-key get 401 like the real API. Each request takes the next
// scripted behaviour from the queue; an empty queue answers speech / voices normally. Every request is recorded.
class FakeElevenLabsServer : public QObject
{
    Q_OBJECT

public:
    struct Behaviour
    {
        enum class Kind { Normal, Reply, Hang, Malformed };
        Kind kind = Kind::Normal;
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    struct Request
    {
        QByteArray method;
        QByteArray path; // with the query
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QJsonObject json;
    };

    static Behaviour error(int status, const QString& message, const QString& code = QStringLiteral("error"));
    static Behaviour rateLimited(int retryAfterSeconds);
    static Behaviour serverError();
    static Behaviour hang();
    // 200 with a body that is not what was asked for: broken JSON for /v1/voices, JSON instead of audio for speech.
    static Behaviour malformed();

    explicit FakeElevenLabsServer(QObject* parent = nullptr);
    ~FakeElevenLabsServer() override;

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    void setApiKey(const QString& key) { m_apiKey = key; }
    void setVoices(const QList<QPair<QString, QString>>& idAndName) { m_voices = idAndName; }

    void enqueue(const Behaviour& behaviour) { m_queue.enqueue(behaviour); }
    const QList<Request>& requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }

    // Speech as espeak-ng says it, 16-bit mono PCM at sampleRate (espeak-ng speaks at 22050 Hz; other rates are
    // resampled). Empty when espeak-ng is not installed.
    static QByteArray speak(const QString& text, int sampleRate);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Request& request, const Behaviour& behaviour);
    Behaviour normalAnswer(const Request& request) const;
    static void write(QTcpSocket* socket, int status, const QList<QPair<QByteArray, QByteArray>>& headers,
        const QByteArray& body);

    QTcpServer m_server;
    QString m_apiKey = QStringLiteral("el-test-key");
    QList<QPair<QString, QString>> m_voices;
    QQueue<Behaviour> m_queue;
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QTcpSocket*> m_hanging;
};

} // namespace HubTest
