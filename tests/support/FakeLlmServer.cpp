#include "tests/support/FakeLlmServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

namespace HubTest {

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 401:
        return "Unauthorized";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject usage(int promptTokens, int completionTokens)
{
    return { { QStringLiteral("prompt_tokens"), promptTokens },
        { QStringLiteral("completion_tokens"), completionTokens },
        { QStringLiteral("total_tokens"), promptTokens + completionTokens } };
}
} // namespace

FakeLlmServer::Behaviour FakeLlmServer::completion(const QString& content, int promptTokens, int completionTokens)
{
    const QJsonObject message { { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("content"), content } };
    const QJsonObject choice { { QStringLiteral("index"), 0 }, { QStringLiteral("message"), message },
        { QStringLiteral("finish_reason"), QStringLiteral("stop") } };
    Behaviour behaviour;
    behaviour.body = compact({ { QStringLiteral("id"), QStringLiteral("chatcmpl-fake") },
        { QStringLiteral("object"), QStringLiteral("chat.completion") },
        { QStringLiteral("model"), QString::fromLatin1(kModel) }, { QStringLiteral("choices"), QJsonArray { choice } },
        { QStringLiteral("usage"), usage(promptTokens, completionTokens) } });
    behaviour.headers.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return behaviour;
}

FakeLlmServer::Behaviour FakeLlmServer::jsonOutput(const QJsonObject& object, int promptTokens, int completionTokens)
{
    return completion(QString::fromUtf8(compact(object)), promptTokens, completionTokens);
}

FakeLlmServer::Behaviour FakeLlmServer::truncatedJson(const QJsonObject& object)
{
    const QByteArray json = compact(object);
    return completion(QString::fromUtf8(json.left(json.size() / 2)));
}

FakeLlmServer::Behaviour FakeLlmServer::error(int status, const QString& message, const QByteArray& code)
{
    QJsonObject error { { QStringLiteral("message"), message }, { QStringLiteral("type"), QStringLiteral("error") } };
    if (!code.isEmpty())
        error.insert(QStringLiteral("code"), QString::fromLatin1(code));
    Behaviour behaviour;
    behaviour.status = status;
    behaviour.body = compact({ { QStringLiteral("error"), error } });
    behaviour.headers.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return behaviour;
}

FakeLlmServer::Behaviour FakeLlmServer::rateLimited(int retryAfterSeconds)
{
    Behaviour behaviour = error(429, QStringLiteral("Rate limit reached"), "rate_limit_exceeded");
    behaviour.headers.append(QPair<QByteArray, QByteArray>("Retry-After", QByteArray::number(retryAfterSeconds)));
    return behaviour;
}

FakeLlmServer::Behaviour FakeLlmServer::serverError()
{
    return error(500, QStringLiteral("The server had an error while processing your request."));
}

FakeLlmServer::Behaviour FakeLlmServer::hang()
{
    Behaviour behaviour;
    behaviour.kind = Behaviour::Kind::Hang;
    return behaviour;
}

FakeLlmServer::Behaviour FakeLlmServer::malformed()
{
    Behaviour behaviour;
    behaviour.body = "{\"id\": \"chatcmpl-fake\", \"choices\": [ this is not json";
    behaviour.headers.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return behaviour;
}

FakeLlmServer::Behaviour FakeLlmServer::stream(const QStringList& deltas, bool includeUsage)
{
    Behaviour behaviour;
    behaviour.kind = Behaviour::Kind::Stream;
    behaviour.deltas = deltas;
    behaviour.streamUsage = includeUsage;
    return behaviour;
}

FakeLlmServer::Behaviour FakeLlmServer::models(const QStringList& ids)
{
    QJsonArray data;
    for (const QString& id : ids)
        data.append(
            QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("object"), QStringLiteral("model") } });
    Behaviour behaviour;
    behaviour.body
        = compact({ { QStringLiteral("object"), QStringLiteral("list") }, { QStringLiteral("data"), data } });
    behaviour.headers.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return behaviour;
}

FakeLlmServer::Behaviour FakeLlmServer::held(Behaviour reply)
{
    reply.held = true;
    return reply;
}

int FakeLlmServer::releaseHeld()
{
    const QList<QPair<QPointer<QTcpSocket>, Behaviour>> held = std::exchange(m_held, {});
    int released = 0;
    for (const auto& [socket, behaviour] : held) {
        if (!socket)
            continue;
        respond(socket, behaviour);
        ++released;
    }
    return released;
}

FakeLlmServer::FakeLlmServer(QObject* parent)
    : QObject(parent)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &FakeLlmServer::onNewConnection);
}

FakeLlmServer::~FakeLlmServer()
{
    for (QTcpSocket* socket : std::as_const(m_hanging)) {
        if (socket)
            socket->abort();
    }
}

bool FakeLlmServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeLlmServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(QStringLiteral("/v1"));
    return url;
}

void FakeLlmServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_hanging.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void FakeLlmServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    request.json = QJsonDocument::fromJson(request.body).object();
    request.receivedMs = m_clock.elapsed();
    m_buffers.remove(socket);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    m_requests.append(request);
    respond(socket,
        m_queue.isEmpty() ? error(500, QStringLiteral("FakeLlmServer: nothing scripted for this request"))
                          : m_queue.dequeue());
}

void FakeLlmServer::respond(QTcpSocket* socket, const Behaviour& behaviour)
{
    if (behaviour.held) {
        Behaviour later = behaviour;
        later.held = false;
        m_held.append({ QPointer<QTcpSocket>(socket), later });
        return;
    }
    if (behaviour.kind == Behaviour::Kind::Hang) {
        m_hanging.append(socket);
        return;
    }
    if (behaviour.kind == Behaviour::Kind::Stream) {
        writeStream(socket, behaviour);
        return;
    }
    QByteArray response = "HTTP/1.1 " + QByteArray::number(behaviour.status) + ' ' + reasonPhrase(behaviour.status)
        + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(behaviour.body.size()) + "\r\n";
    for (const auto& [name, value] : behaviour.headers)
        response += name + ": " + value + "\r\n";
    response += "\r\n" + behaviour.body;
    socket->write(response);
    socket->disconnectFromHost();
}

void FakeLlmServer::writeStream(QTcpSocket* socket, const Behaviour& behaviour)
{
    socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\n\r\n");
    QList<QByteArray> events;
    events.append(": keep-alive comment\n\n");
    for (const QString& delta : behaviour.deltas) {
        const QJsonObject choice { { QStringLiteral("index"), 0 },
            { QStringLiteral("delta"), QJsonObject { { QStringLiteral("content"), delta } } } };
        events.append("data: "
            + compact({ { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
                { QStringLiteral("model"), QString::fromLatin1(kModel) },
                { QStringLiteral("choices"), QJsonArray { choice } } })
            + "\r\n\r\n");
    }
    if (behaviour.streamUsage)
        events.append("data: "
            + compact({ { QStringLiteral("choices"), QJsonArray {} },
                { QStringLiteral("model"), QString::fromLatin1(kModel) },
                { QStringLiteral("usage"), usage(21, int(behaviour.deltas.size())) } })
            + "\n\n");
    events.append("data: [DONE]\n\n");
    // Events are split in the middle and written a few milliseconds apart, so clients see partial events.
    QPointer<QTcpSocket> guard(socket);
    int delay = 0;
    for (const QByteArray& event : std::as_const(events)) {
        const qsizetype half = event.size() / 2;
        for (const QByteArray& piece : { event.left(half), event.mid(half) }) {
            QTimer::singleShot(delay, socket, [guard, piece] {
                if (guard)
                    guard->write(piece);
            });
            delay += 3;
        }
    }
    QTimer::singleShot(delay, socket, [guard] {
        if (guard)
            guard->disconnectFromHost();
    });
}

} // namespace HubTest
