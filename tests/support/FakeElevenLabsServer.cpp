#include "tests/support/FakeElevenLabsServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QtEndian>

namespace HubTest {

namespace {
QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 401:
        return "Unauthorized";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

// The samples of a RIFF/WAVE file's data chunk (espeak-ng writes 16-bit mono).
QByteArray wavSamples(const QByteArray& wav, int* sampleRate)
{
    if (wav.size() < 44 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return {};
    qsizetype pos = 12;
    while (pos + 8 <= wav.size()) {
        const QByteArray id = wav.mid(pos, 4);
        quint32 size = qFromLittleEndian<quint32>(wav.constData() + pos + 4);
        if (id == "fmt " && pos + 16 <= wav.size())
            *sampleRate = int(qFromLittleEndian<quint32>(wav.constData() + pos + 12));
        if (id == "data") {
            // espeak-ng writing to a pipe cannot seek back: the size field may say 0x7fffffff or 0.
            if (size == 0 || pos + 8 + qsizetype(size) > wav.size())
                size = quint32(wav.size() - pos - 8);
            return wav.mid(pos + 8, size & ~1u);
        }
        pos += 8 + size + (size & 1);
    }
    return {};
}

QByteArray resample(const QByteArray& pcm, int from, int to)
{
    if (from == to || from <= 0)
        return pcm;
    const qsizetype inCount = pcm.size() / 2;
    const auto* in = reinterpret_cast<const qint16*>(pcm.constData());
    const qsizetype outCount = inCount * to / from;
    QByteArray out(outCount * 2, Qt::Uninitialized);
    auto* samples = reinterpret_cast<qint16*>(out.data());
    for (qsizetype i = 0; i < outCount; ++i) {
        const double position = double(i) * from / to;
        const qsizetype left = qsizetype(position);
        const qsizetype right = std::min(left + 1, inCount - 1);
        const double weight = position - double(left);
        samples[i] = qint16(qFromLittleEndian(in[left]) * (1.0 - weight) + qFromLittleEndian(in[right]) * weight);
    }
    return out;
}
} // namespace

FakeElevenLabsServer::Behaviour FakeElevenLabsServer::error(int status, const QString& message, const QString& code)
{
    Behaviour behaviour;
    behaviour.kind = Behaviour::Kind::Reply;
    behaviour.status = status;
    behaviour.body = json({ { QStringLiteral("detail"),
        QJsonObject { { QStringLiteral("status"), code }, { QStringLiteral("message"), message } } } });
    behaviour.headers.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
    return behaviour;
}

FakeElevenLabsServer::Behaviour FakeElevenLabsServer::rateLimited(int retryAfterSeconds)
{
    Behaviour behaviour = error(429, QStringLiteral("Too many concurrent requests"), QStringLiteral("too_many_concurrent_requests"));
    behaviour.headers.append(QPair<QByteArray, QByteArray>("Retry-After", QByteArray::number(retryAfterSeconds)));
    return behaviour;
}

FakeElevenLabsServer::Behaviour FakeElevenLabsServer::serverError()
{
    return error(500, QStringLiteral("Internal server error"), QStringLiteral("internal_error"));
}

FakeElevenLabsServer::Behaviour FakeElevenLabsServer::hang()
{
    Behaviour behaviour;
    behaviour.kind = Behaviour::Kind::Hang;
    return behaviour;
}

FakeElevenLabsServer::Behaviour FakeElevenLabsServer::malformed()
{
    Behaviour behaviour;
    behaviour.kind = Behaviour::Kind::Malformed;
    return behaviour;
}

QByteArray FakeElevenLabsServer::speak(const QString& text, int sampleRate)
{
    const QString espeak = QStandardPaths::findExecutable(QStringLiteral("espeak-ng"));
    if (espeak.isEmpty())
        return {};
    QProcess process;
    process.start(espeak, { QStringLiteral("--stdout"), QStringLiteral("-v"), QStringLiteral("en"), text });
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        return {};
    int rate = 22050;
    const QByteArray samples = wavSamples(process.readAllStandardOutput(), &rate);
    return resample(samples, rate, sampleRate);
}

FakeElevenLabsServer::FakeElevenLabsServer(QObject* parent)
    : QObject(parent)
    , m_voices({ { QStringLiteral("21m00Tcm4TlvDq8ikWAM"), QStringLiteral("Rachel") },
          { QStringLiteral("pNInz6obpgDQGcFmaJgB"), QStringLiteral("Adam") } })
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeElevenLabsServer::onNewConnection);
}

FakeElevenLabsServer::~FakeElevenLabsServer()
{
    for (QTcpSocket* socket : std::as_const(m_hanging))
        socket->abort();
}

bool FakeElevenLabsServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeElevenLabsServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

void FakeElevenLabsServer::onNewConnection()
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

void FakeElevenLabsServer::onReadyRead(QTcpSocket* socket)
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
    m_buffers.remove(socket);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    m_requests.append(request);
    respond(socket, request, m_queue.isEmpty() ? Behaviour {} : m_queue.dequeue());
}

FakeElevenLabsServer::Behaviour FakeElevenLabsServer::normalAnswer(const Request& request) const
{
    if (request.headers.value("xi-api-key") != m_apiKey.toUtf8())
        return error(401, QStringLiteral("Invalid API key"), QStringLiteral("invalid_api_key"));
    const QUrl url(QString::fromLatin1(request.path));
    Behaviour behaviour;
    behaviour.kind = Behaviour::Kind::Reply;
    if (request.method == "GET" && url.path() == QLatin1String("/v1/voices")) {
        QJsonArray voices;
        for (const auto& [id, name] : m_voices)
            voices.append(QJsonObject { { QStringLiteral("voice_id"), id }, { QStringLiteral("name"), name },
                { QStringLiteral("category"), QStringLiteral("premade") },
                { QStringLiteral("labels"),
                    QJsonObject { { QStringLiteral("accent"), QStringLiteral("american") },
                        { QStringLiteral("gender"), QStringLiteral("female") } } } });
        behaviour.body = json({ { QStringLiteral("voices"), voices } });
        behaviour.headers.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json"));
        return behaviour;
    }
    const QString prefix = QStringLiteral("/v1/text-to-speech/");
    if (request.method == "POST" && url.path().startsWith(prefix)) {
        const QString voice = url.path().mid(prefix.size());
        bool known = false;
        for (const auto& entry : m_voices)
            known = known || entry.first == voice;
        if (!known)
            return error(404, QStringLiteral("A voice with voice_id %1 does not exist.").arg(voice), QStringLiteral("voice_not_found"));
        const QString format = QUrlQuery(url).queryItemValue(QStringLiteral("output_format"));
        const int rate = format.startsWith(QLatin1String("pcm_")) ? format.mid(4).toInt() : 0;
        const QString text = request.json.value(QLatin1String("text")).toString();
        if (rate <= 0 || text.trimmed().isEmpty())
            return error(422, QStringLiteral("output_format or text is invalid"), QStringLiteral("invalid_request"));
        behaviour.body = speak(text, rate);
        if (behaviour.body.isEmpty())
            return error(500, QStringLiteral("espeak-ng is not installed on the test machine"));
        behaviour.headers.append(QPair<QByteArray, QByteArray>("Content-Type", "audio/pcm"));
        return behaviour;
    }
    return error(404, QStringLiteral("Not found"), QStringLiteral("not_found"));
}

void FakeElevenLabsServer::respond(QTcpSocket* socket, const Request& request, const Behaviour& scripted)
{
    if (scripted.kind == Behaviour::Kind::Hang) {
        m_hanging.append(socket);
        return;
    }
    Behaviour behaviour = scripted.kind == Behaviour::Kind::Normal ? normalAnswer(request) : scripted;
    if (scripted.kind == Behaviour::Kind::Malformed) {
        behaviour.status = 200;
        behaviour.headers = { QPair<QByteArray, QByteArray>("Content-Type", "application/json") };
        // Voices: cut-off JSON. Speech: JSON where the audio belongs.
        behaviour.body = request.method == "POST" ? QByteArray("{\"status\": \"ok\"}")
                                                  : QByteArray("{\"voices\": [ {\"voice_id\": \"broken");
    }
    write(socket, behaviour.status, behaviour.headers, behaviour.body);
}

void FakeElevenLabsServer::write(QTcpSocket* socket, int status, const QList<QPair<QByteArray, QByteArray>>& headers,
    const QByteArray& body)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status)
        + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : headers)
        response += name + ": " + value + "\r\n";
    response += "\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace HubTest
