#include "tests/support/FakeVapiServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace HubTest {

namespace {
QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray vapiError(int status, const QString& message)
{
    return compact({ { QStringLiteral("message"), message }, { QStringLiteral("error"), QStringLiteral("Error") },
        { QStringLiteral("statusCode"), status } });
}

constexpr qsizetype kChunkBytes = 1280; // 20 ms of 16 kHz stereo s16le
} // namespace

FakeVapiServer::FakeVapiServer(QObject* parent)
    : QObject(parent)
    , m_ws(new QWebSocketServer(QStringLiteral("fake-vapi"), QWebSocketServer::NonSecureMode, this))
{
    m_http.setHandler([this](const HttpRequestRecord& request) { return handle(request); });
    connect(m_ws, &QWebSocketServer::newConnection, this, &FakeVapiServer::onListener);
}

FakeVapiServer::~FakeVapiServer() = default;

bool FakeVapiServer::listen()
{
    return m_http.listen() && m_ws->listen(QHostAddress::LocalHost, 0);
}

FakeVapiServer::Scenario FakeVapiServer::noAnswer()
{
    Scenario scenario;
    scenario.statuses = { QStringLiteral("queued"), QStringLiteral("ringing"), QStringLiteral("ended") };
    scenario.endedReason = QStringLiteral("customer-did-not-answer");
    scenario.lateAnalysisPolls = 0;
    scenario.outcome.clear();
    scenario.sentiment.clear();
    scenario.summary.clear();
    scenario.transcript.clear();
    scenario.durationSeconds = 0;
    scenario.cost = 0.01;
    return scenario;
}

FakeVapiServer::Scenario FakeVapiServer::pipelineError()
{
    Scenario scenario = noAnswer();
    scenario.statuses = { QStringLiteral("queued"), QStringLiteral("ended") };
    scenario.endedReason = QStringLiteral("pipeline-error-openai-llm-failed");
    return scenario;
}

void FakeVapiServer::setListenAudio(const QByteArray& stereoPcm, bool dropMidStream)
{
    m_audio = stereoPcm;
    m_dropMidStream = dropMidStream;
}

QList<QJsonObject> FakeVapiServer::createdCallBodies() const
{
    QList<QJsonObject> bodies;
    for (const HttpRequestRecord& request : m_http.requests()) {
        if (request.method == "POST" && request.path == "/call")
            bodies.append(request.json);
    }
    return bodies;
}

QStringList FakeVapiServer::dialledNumbers() const
{
    QStringList numbers;
    QList<FakeCall> calls = m_calls.values();
    std::sort(calls.begin(), calls.end(), [](const FakeCall& a, const FakeCall& b) { return a.id < b.id; });
    for (const FakeCall& call : calls)
        numbers.append(call.number);
    return numbers;
}

QUrl FakeVapiServer::listenUrlFor(const QString& callId) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/%2/listen").arg(m_ws->serverPort()).arg(callId));
}

QJsonObject FakeVapiServer::callObject(const FakeCall& call) const
{
    const QString status = call.endedByControl ? QStringLiteral("ended")
                                               : call.scenario.statuses.value(std::min<int>(call.step,
                                                     int(call.scenario.statuses.size()) - 1));
    const QDateTime created = QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC);
    QJsonObject object { { QStringLiteral("id"), call.id }, { QStringLiteral("orgId"), QStringLiteral("org-fake") },
        { QStringLiteral("type"), QStringLiteral("outboundPhoneCall") }, { QStringLiteral("status"), status },
        { QStringLiteral("createdAt"), created.toString(Qt::ISODateWithMs) },
        { QStringLiteral("updatedAt"), created.toString(Qt::ISODateWithMs) },
        { QStringLiteral("customer"), QJsonObject { { QStringLiteral("number"), call.number } } },
        { QStringLiteral("monitor"),
            QJsonObject { { QStringLiteral("listenUrl"), listenUrlFor(call.id).toString() },
                { QStringLiteral("controlUrl"),
                    QString(m_http.baseUrl().toString() + QStringLiteral("/%1/control").arg(call.id)) } } } };
    if (status == QLatin1String("in-progress") || status == QLatin1String("ended"))
        object.insert(QStringLiteral("startedAt"), created.addSecs(5).toString(Qt::ISODateWithMs));
    if (status != QLatin1String("ended"))
        return object;
    const Scenario& scenario = call.scenario;
    object.insert(QStringLiteral("endedReason"),
        call.endedByControl ? QStringLiteral("manually-canceled") : scenario.endedReason);
    object.insert(QStringLiteral("endedAt"), created.addSecs(5 + scenario.durationSeconds).toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("cost"), scenario.cost);
    QJsonObject artifact { { QStringLiteral("transcript"), scenario.transcript },
        { QStringLiteral("messages"),
            QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("bot") },
                { QStringLiteral("message"), scenario.transcript.section(u'\n', 0, 0) },
                { QStringLiteral("secondsFromStart"), 0.4 } } } } };
    if (scenario.durationSeconds > 0)
        artifact.insert(QStringLiteral("recording"),
            QJsonObject { { QStringLiteral("stereoUrl"), recordingUrl(call.id, "stereo") },
                { QStringLiteral("mono"), QJsonObject { { QStringLiteral("combinedUrl"), recordingUrl(call.id, "mono") } } } });
    object.insert(QStringLiteral("artifact"), artifact);
    if (call.readsSinceEnd >= scenario.lateAnalysisPolls && !scenario.summary.isEmpty()) {
        QJsonObject structured;
        if (!scenario.outcome.isEmpty())
            structured.insert(QStringLiteral("outcome"), scenario.outcome);
        if (!scenario.sentiment.isEmpty())
            structured.insert(QStringLiteral("sentiment"), scenario.sentiment);
        object.insert(QStringLiteral("analysis"),
            QJsonObject { { QStringLiteral("summary"), scenario.summary },
                { QStringLiteral("structuredData"), structured },
                { QStringLiteral("successEvaluation"), scenario.outcome == QLatin1String("booked") } });
    }
    return object;
}

QString FakeVapiServer::recordingUrl(const QString& callId, const char* kind) const
{
    return baseUrl().resolved(QUrl(QStringLiteral("recordings/%1-%2.wav").arg(callId, QLatin1String(kind)))).toString();
}

// The recording of a call: the listen audio (stereo, 16 kHz, s16le) as a WAV file; the mono one is its left channel.
HttpReply FakeVapiServer::recordingReply(const QString& file) const
{
    const QString callId = file.section(u'-', 0, -2);
    if (!m_calls.contains(callId))
        return HttpReply::json(404, vapiError(404, QStringLiteral("Not found")));
    const bool stereo = file.endsWith(QLatin1String("-stereo.wav"));
    QByteArray pcm = m_audio;
    if (!stereo) {
        QByteArray left;
        left.reserve(pcm.size() / 2);
        for (qsizetype at = 0; at + 4 <= pcm.size(); at += 4)
            left.append(pcm.constData() + at, 2);
        pcm = left;
    }
    HttpReply reply;
    reply.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("audio/wav")));
    reply.body = wavFile(pcm, 16000, stereo ? 2 : 1);
    return reply;
}

QByteArray FakeVapiServer::wavFile(const QByteArray& pcm, int sampleRate, int channels)
{
    QByteArray wav;
    const auto u32 = [&wav](quint32 value) {
        for (int i = 0; i < 4; ++i)
            wav.append(char((value >> (8 * i)) & 0xff));
    };
    const auto u16 = [&wav](quint16 value) {
        wav.append(char(value & 0xff));
        wav.append(char(value >> 8));
    };
    wav.append("RIFF");
    u32(quint32(36 + pcm.size()));
    wav.append("WAVEfmt ");
    u32(16);
    u16(1);
    u16(quint16(channels));
    u32(quint32(sampleRate));
    u32(quint32(sampleRate * channels * 2));
    u16(quint16(channels * 2));
    u16(16);
    wav.append("data");
    u32(quint32(pcm.size()));
    return wav + pcm;
}

HttpReply FakeVapiServer::handle(const HttpRequestRecord& request)
{
    if (!m_failures.isEmpty()) {
        const Failure failure = m_failures.dequeue();
        if (failure.drop) {
            HttpReply reply;
            reply.drop = true;
            return reply;
        }
        if (failure.malformed)
            return HttpReply::json(200, R"({"id": "call-broken", "status": "queued", "monitor": {)");
        HttpReply reply = HttpReply::json(failure.status,
            vapiError(failure.status, failure.status == 429 ? QStringLiteral("Too many requests")
                                                            : QStringLiteral("Internal server error")));
        if (!failure.retryAfter.isEmpty())
            reply.headers.append(qMakePair(QByteArray("Retry-After"), failure.retryAfter));
        return reply;
    }
    const QList<QByteArray> parts = request.path.split('/');
    // Recordings are public storage URLs (no key), like Vapi's.
    if (request.method == "GET" && parts.size() == 3 && parts.at(1) == "recordings")
        return recordingReply(QString::fromUtf8(parts.at(2)));
    // The control URL carries no key: whoever holds it controls the call (that is why it is a secret).
    if (request.method == "POST" && parts.size() == 3 && parts.at(2) == "control") {
        const QString id = QString::fromUtf8(parts.at(1));
        if (!m_calls.contains(id))
            return HttpReply::json(404, vapiError(404, QStringLiteral("Call not found")));
        if (request.json.value(QLatin1String("type")).toString() == QLatin1String("end-call")) {
            ++m_endCallRequests;
            m_calls[id].endedByControl = true;
        }
        return HttpReply::json(200, R"({"success":true})");
    }
    if (request.headers.value("authorization") != QByteArray("Bearer ") + kApiKey)
        return HttpReply::json(401, vapiError(401, QStringLiteral("Invalid Key. Hot tip, you may be using the "
                                                                  "private key instead of the public key, or vice versa.")));
    if (request.method == "GET" && request.path == "/phone-number") {
        const QJsonArray numbers { QJsonObject { { QStringLiteral("id"), QString::fromLatin1(kPhoneNumberId) },
                                       { QStringLiteral("number"), QStringLiteral("+14155550100") },
                                       { QStringLiteral("name"), QStringLiteral("Sales line") },
                                       { QStringLiteral("provider"), QStringLiteral("twilio") } },
            QJsonObject { { QStringLiteral("id"), QStringLiteral("pn-fake-0002") },
                { QStringLiteral("number"), QStringLiteral("+4930901820") },
                { QStringLiteral("provider"), QStringLiteral("vonage") } } };
        return HttpReply::json(200, QJsonDocument(numbers).toJson(QJsonDocument::Compact));
    }
    if (request.method == "POST" && request.path == "/call") {
        const QString number
            = request.json.value(QLatin1String("customer")).toObject().value(QLatin1String("number")).toString();
        if (number.isEmpty() || request.json.value(QLatin1String("phoneNumberId")).toString().isEmpty())
            return HttpReply::json(400,
                compact({ { QStringLiteral("message"), QJsonArray { QStringLiteral("customer.number must be set") } },
                    { QStringLiteral("error"), QStringLiteral("Bad Request") }, { QStringLiteral("statusCode"), 400 } }));
        FakeCall call;
        call.id = QStringLiteral("call-%1").arg(m_nextId++, 4, 10, QLatin1Char('0'));
        call.number = number;
        const int nth = m_callsToNumber[number]++;
        const QList<Scenario> scenarios = m_byNumber.value(number);
        call.scenario = scenarios.isEmpty() ? m_default : scenarios.value(std::min<int>(nth, int(scenarios.size()) - 1));
        call.created = request.json;
        m_calls.insert(call.id, call);
        m_lastCallId = call.id;
        return HttpReply::json(201, compact(callObject(call)));
    }
    if (parts.size() == 3 && parts.at(1) == "call") {
        const QString id = QString::fromUtf8(parts.at(2));
        if (!m_calls.contains(id))
            return HttpReply::json(404, vapiError(404, QStringLiteral("Call not found")));
        FakeCall& call = m_calls[id];
        if (request.method == "DELETE") {
            call.endedByControl = true;
            return HttpReply::json(200, compact(callObject(call)));
        }
        const bool ended = call.endedByControl || call.step >= int(call.scenario.statuses.size()) - 1;
        if (ended)
            ++call.readsSinceEnd;
        else
            ++call.step;
        if (!ended && call.step >= int(call.scenario.statuses.size()) - 1)
            call.readsSinceEnd = 0;
        return HttpReply::json(200, compact(callObject(call)));
    }
    return HttpReply::json(404, vapiError(404, QStringLiteral("Cannot %1 %2").arg(QString::fromLatin1(request.method),
                                                 QString::fromUtf8(request.path))));
}

void FakeVapiServer::onListener()
{
    while (QWebSocket* socket = m_ws->nextPendingConnection()) {
        socket->setParent(this);
        const QStringList parts = socket->requestUrl().path().split(u'/', Qt::SkipEmptyParts);
        const QString callId = parts.value(0);
        if (parts.size() != 2 || parts.at(1) != QLatin1String("listen") || !m_calls.contains(callId)) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unknown call"));
            continue;
        }
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        stream(socket, callId);
    }
}

void FakeVapiServer::stream(QWebSocket* socket, const QString& callId)
{
    socket->sendTextMessage(QString::fromUtf8(compact({ { QStringLiteral("type"), QStringLiteral("start") },
        { QStringLiteral("encoding"), QStringLiteral("linear16") }, { QStringLiteral("container"), QStringLiteral("raw") },
        { QStringLiteral("sampleRate"), 16000 }, { QStringLiteral("channels"), 2 } })));
    socket->sendTextMessage(QString::fromUtf8(compact({ { QStringLiteral("type"), QStringLiteral("transcript") },
        { QStringLiteral("role"), QStringLiteral("assistant") }, { QStringLiteral("transcriptType"), QStringLiteral("final") },
        { QStringLiteral("transcript"), m_calls.value(callId).scenario.transcript.section(u'\n', 0, 0) } })));
    const qsizetype limit = m_dropMidStream ? (m_audio.size() / 2 / kChunkBytes) * kChunkBytes : m_audio.size();
    auto offset = std::make_shared<qsizetype>(0);
    auto* timer = new QTimer(socket);
    QPointer<QWebSocket> guard(socket);
    connect(timer, &QTimer::timeout, socket, [this, guard, timer, offset, limit] {
        if (!guard)
            return;
        // A few chunks per tick: faster than real time, so tests do not wait for the whole call.
        for (int i = 0; i < 8 && *offset < limit; ++i) {
            // Odd-sized messages too, so clients must carry partial frames over.
            const qsizetype size = std::min<qsizetype>(i == 3 ? kChunkBytes + 3 : (i == 4 ? kChunkBytes - 3 : kChunkBytes),
                limit - *offset);
            guard->sendBinaryMessage(m_audio.mid(*offset, size));
            *offset += size;
            m_bytesStreamed += size;
        }
        if (*offset >= limit) {
            timer->stop();
            if (m_dropMidStream)
                guard->abort();
            else
                guard->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("call ended"));
        }
    });
    timer->start(5);
}

} // namespace HubTest
