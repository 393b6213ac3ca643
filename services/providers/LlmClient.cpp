#include "services/providers/LlmClient.h"

#include "services/providers/HttpRetry.h"
#include "services/providers/JsonSchemaValidator.h"
#include "services/providers/SseParser.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace {
enum class Mode { Complete, Stream, Models };

// Older Ollama and llama.cpp builds only know max_tokens; OpenAI's reasoning models only accept the newer name.
bool isOpenAi(const QUrl& url)
{
    return url.host().endsWith(QLatin1String("openai.com"), Qt::CaseInsensitive);
}

QString providerMessage(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject())
        return error.toObject().value(QLatin1String("message")).toString();
    if (error.isString())
        return error.toString();
    return QString::fromUtf8(body.left(200)).simplified();
}

QString providerCode(const QByteArray& body)
{
    const QJsonValue code =
        QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject().value(QLatin1String("code"));
    return code.isDouble() ? QString::number(code.toInt()) : code.toString();
}

QJsonObject message(const QString& role, const QString& content)
{
    return { { QStringLiteral("role"), role }, { QStringLiteral("content"), content } };
}
} // namespace

struct LlmClient::Call
{
    RequestId id = 0;
    Mode mode = Mode::Complete;
    LlmRequest request;
    QJsonArray messages;
    QPointer<QObject> context;
    bool hasContext = false;
    QMetaObject::Connection contextConnection;
    Delta onDelta;
    Done done;
    QPointer<QNetworkReply> reply;
    QTimer* timeout = nullptr;
    QTimer* backoff = nullptr;
    int retries = 0;
    bool repaired = false;
    SseParser sse;
    QString streamed;
    LlmResult partial; // tokens, model and reachedProvider gathered over all attempts

    // A call usually ends inside one of its own timers' signals, so the timers go later.
    ~Call()
    {
        for (QTimer* timer : { timeout, backoff }) {
            if (timer) {
                timer->stop();
                timer->deleteLater();
            }
        }
    }
};

LlmClient::LlmClient(QNetworkAccessManager* network, LlmSettings settings, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(std::move(settings))
{
}

LlmClient::~LlmClient()
{
    for (const std::shared_ptr<Call>& call : std::as_const(m_calls)) {
        abortReply(*call);
        QObject::disconnect(call->contextConnection);
    }
    m_calls.clear();
}

LlmClient::RequestId LlmClient::complete(const LlmRequest& request, QObject* context, Done done)
{
    auto call = std::make_unique<Call>();
    call->mode = Mode::Complete;
    call->request = request;
    call->context = context;
    call->done = std::move(done);
    return start(std::move(call));
}

LlmClient::RequestId LlmClient::stream(const LlmRequest& request, QObject* context, Delta onDelta, Done done)
{
    auto call = std::make_unique<Call>();
    call->mode = Mode::Stream;
    call->request = request;
    call->context = context;
    call->onDelta = std::move(onDelta);
    call->done = std::move(done);
    return start(std::move(call));
}

LlmClient::RequestId LlmClient::testConnection(QObject* context, Done done)
{
    auto call = std::make_unique<Call>();
    call->mode = Mode::Models;
    call->context = context;
    call->done = std::move(done);
    return start(std::move(call));
}

void LlmClient::cancel(RequestId id)
{
    finish(id, LlmResult::failure(LlmError::make(LlmError::Cancelled)));
}

LlmClient::RequestId LlmClient::start(std::unique_ptr<Call> owned)
{
    std::shared_ptr<Call> call(std::move(owned));
    const RequestId id = m_nextId++;
    call->id = id;
    call->hasContext = call->context != nullptr;
    for (const LlmMessage& entry : std::as_const(call->request.messages))
        call->messages.append(message(entry.role, entry.content));
    call->timeout = new QTimer;
    call->timeout->setSingleShot(true);
    call->timeout->setTimerType(Qt::PreciseTimer);
    connect(call->timeout, &QTimer::timeout, this, [this, id] { onTimeout(id); });
    call->backoff = new QTimer;
    call->backoff->setSingleShot(true);
    // Coarse timers may fire 5 % early; a server that said "Retry-After: 1" means at least one second.
    call->backoff->setTimerType(Qt::PreciseTimer);
    connect(call->backoff, &QTimer::timeout, this, [this, id] {
        if (const std::shared_ptr<Call> call = m_calls.value(id))
            send(*call);
    });
    if (call->hasContext) {
        // A closed window drops its calls without an answer.
        call->contextConnection = connect(call->context, &QObject::destroyed, this, [this, id] {
            if (const std::shared_ptr<Call> call = m_calls.take(id))
                abortReply(*call);
        });
    }
    m_calls.insert(id, call);
    // Always answer asynchronously, even for configuration errors, so callers see one behaviour.
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            const std::shared_ptr<Call> call = m_calls.value(id);
            if (!call)
                return;
            if (!m_settings.isConfigured())
                finish(id, LlmResult::failure(LlmError::make(LlmError::NotConfigured)));
            else
                send(*call);
        },
        Qt::QueuedConnection);
    return id;
}

QUrl LlmClient::endpoint(const QString& path) const
{
    QUrl url = m_settings.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

QJsonObject LlmClient::requestBody(const Call& call) const
{
    QJsonObject body { { QStringLiteral("model"), m_settings.model }, { QStringLiteral("messages"), call.messages },
        { QStringLiteral("temperature"), call.request.temperature } };
    if (call.request.maxTokens > 0) {
        const QString key = isOpenAi(m_settings.baseUrl) ? QStringLiteral("max_completion_tokens")
                                                         : QStringLiteral("max_tokens");
        body.insert(key, call.request.maxTokens);
    }
    if (call.mode == Mode::Stream) {
        body.insert(QStringLiteral("stream"), true);
        body.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
    }
    if (call.request.jsonSchema) {
        const QJsonObject& schema = *call.request.jsonSchema;
        const QJsonObject jsonSchema { { QStringLiteral("name"), schema.value(QLatin1String("name")) },
            { QStringLiteral("schema"), schema.value(QLatin1String("schema")) }, { QStringLiteral("strict"), true } };
        body.insert(QStringLiteral("response_format"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("json_schema") },
                { QStringLiteral("json_schema"), jsonSchema } });
    }
    return body;
}

void LlmClient::send(Call& call)
{
    const RequestId id = call.id;
    QNetworkRequest request(endpoint(call.mode == Mode::Models ? QStringLiteral("/models")
                                                               : QStringLiteral("/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", call.mode == Mode::Stream ? "text/event-stream" : "application/json");
    if (!m_settings.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_settings.apiKey.toUtf8());
    call.sse.reset();
    if (call.mode == Mode::Models)
        call.reply = m_network->get(request);
    else
        call.reply = m_network->post(request, QJsonDocument(requestBody(call)).toJson(QJsonDocument::Compact));
    connect(call.reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    if (call.mode == Mode::Stream)
        connect(call.reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    call.timeout->start(std::max(1, m_settings.timeoutMs));
}

void LlmClient::onTimeout(RequestId id)
{
    // No retry after a timeout: the user has already waited the whole timeout once.
    finish(id, LlmResult::failure(LlmError::make(LlmError::Timeout)));
}

void LlmClient::onReadyRead(RequestId id)
{
    const std::shared_ptr<Call> call = m_calls.value(id);
    if (!call || !call->reply)
        return;
    const int status = call->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300)
        return; // an error body is read whole when the reply finishes
    call->partial.reachedProvider = true;
    // While tokens flow the server is alive: the timeout measures silence, not the length of the answer.
    call->timeout->start(std::max(1, m_settings.timeoutMs));
    consumeSse(*call, call->reply->readAll(), false);
}

void LlmClient::onFinished(RequestId id)
{
    const std::shared_ptr<Call> call = m_calls.value(id);
    if (!call || !call->reply)
        return;
    QNetworkReply* reply = call->reply;
    call->reply = nullptr;
    reply->deleteLater();
    call->timeout->stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();

    if (status == 0) {
        const bool canRetry = call->streamed.isEmpty() && call->retries < m_settings.maxRetries;
        if (canRetry && retryLater(*call, backoffMs(*call, reply)))
            return;
        finish(id, LlmResult::failure(LlmError::make(LlmError::Network, reply->errorString())));
        return;
    }
    call->partial.reachedProvider = true;
    if (status >= 200 && status < 300) {
        if (call->mode == Mode::Stream) {
            consumeSse(*call, body, true);
            if (m_calls.contains(id))
                handleStreamEnd(*call);
        } else {
            handleSuccess(*call, body);
        }
        return;
    }

    const QString detail = QStringLiteral("HTTP %1: %2").arg(status).arg(providerMessage(body));
    if (status == 401 || status == 403) {
        finish(id, LlmResult::failure(LlmError::make(LlmError::Unauthorized, detail, status)));
        return;
    }
    const bool quotaExhausted = status == 429 && providerCode(body) == QLatin1String("insufficient_quota");
    const bool retryable = (status == 429 && !quotaExhausted) || status == 408 || status == 409 || status >= 500;
    if (retryable && call->retries < m_settings.maxRetries && retryLater(*call, backoffMs(*call, reply)))
        return;
    LlmError::Kind kind = LlmError::BadResponse;
    if (status == 429)
        kind = LlmError::RateLimited;
    else if (retryable)
        kind = LlmError::Server;
    finish(id, LlmResult::failure(LlmError::make(kind, detail, status)));
}

int LlmClient::backoffMs(const Call& call, QNetworkReply* reply) const
{
    return HttpRetry::waitMs(reply, m_settings.retryBaseDelayMs, call.retries, m_settings.maxRetryWaitMs);
}

bool LlmClient::retryLater(Call& call, int waitMs)
{
    ++call.retries;
    call.backoff->start(std::max(0, waitMs));
    return true;
}

void LlmClient::handleSuccess(Call& call, const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        finish(call.id, LlmResult::failure(LlmError::make(LlmError::BadResponse,
                            QStringLiteral("the response is not JSON: %1").arg(parseError.errorString()))));
        return;
    }
    const QJsonObject object = document.object();
    if (call.mode == Mode::Models) {
        QStringList ids;
        for (const QJsonValue& model : object.value(QLatin1String("data")).toArray())
            ids.append(model.toObject().value(QLatin1String("id")).toString());
        LlmResult result;
        result.ok = true;
        result.content = ids.join(QStringLiteral(", "));
        finish(call.id, result);
        return;
    }
    const QJsonObject usage = object.value(QLatin1String("usage")).toObject();
    call.partial.inputTokens += usage.value(QLatin1String("prompt_tokens")).toInt();
    call.partial.outputTokens += usage.value(QLatin1String("completion_tokens")).toInt();
    if (object.contains(QLatin1String("model")))
        call.partial.model = object.value(QLatin1String("model")).toString();
    const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty()) {
        finish(call.id, LlmResult::failure(LlmError::make(LlmError::BadResponse, QStringLiteral("no choices"))));
        return;
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject reply = choice.value(QLatin1String("message")).toObject();
    const QString refusal = reply.value(QLatin1String("refusal")).toString();
    if (!refusal.isEmpty()) {
        finish(call.id, LlmResult::failure(LlmError::make(LlmError::BadResponse, refusal)));
        return;
    }
    handleContent(call, reply.value(QLatin1String("content")).toString());
}

void LlmClient::handleContent(Call& call, const QString& content)
{
    LlmResult result;
    result.content = content;
    if (!call.request.jsonSchema) {
        result.ok = true;
        finish(call.id, result);
        return;
    }
    const QStringList errors = JsonSchemaValidator(call.request.jsonSchema->value(QLatin1String("schema")).toObject())
                                   .validateText(content, result.json);
    if (errors.isEmpty()) {
        result.ok = true;
        finish(call.id, result);
        return;
    }
    const QString summary = errors.mid(0, 5).join(QStringLiteral("; "));
    if (call.repaired || call.mode == Mode::Stream) {
        finish(call.id, LlmResult::failure(LlmError::make(LlmError::SchemaViolation, summary)));
        return;
    }
    // One repair round: the model sees its own answer and exactly what was wrong with it.
    call.repaired = true;
    call.retries = 0;
    call.messages.append(message(QStringLiteral("assistant"), content));
    call.messages.append(message(QStringLiteral("user"),
        QStringLiteral("Your previous answer did not match the required JSON schema: %1. Reply again with only the "
                       "corrected JSON object, without any other text.")
            .arg(summary)));
    send(call);
}

void LlmClient::consumeSse(Call& call, const QByteArray& bytes, bool atEnd)
{
    QList<QByteArray> events = call.sse.feed(bytes);
    if (atEnd)
        events.append(call.sse.finish());
    for (const QByteArray& data : std::as_const(events)) {
        if (!dispatchSseEvent(call, data))
            return;
    }
}

bool LlmClient::dispatchSseEvent(Call& call, const QByteArray& data)
{
    if (data.trimmed() == "[DONE]")
        return true;
    QJsonParseError parseError;
    const QJsonObject chunk = QJsonDocument::fromJson(data, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        finish(call.id, LlmResult::failure(LlmError::make(LlmError::BadResponse,
                            QStringLiteral("unreadable stream chunk: %1").arg(parseError.errorString()))));
        return false;
    }
    if (chunk.value(QLatin1String("error")).isObject()) {
        const QJsonObject error = chunk.value(QLatin1String("error")).toObject();
        const QString detail = error.value(QLatin1String("message")).toString();
        finish(call.id, LlmResult::failure(LlmError::make(LlmError::BadResponse, detail)));
        return false;
    }
    if (chunk.contains(QLatin1String("model")))
        call.partial.model = chunk.value(QLatin1String("model")).toString();
    const QJsonObject usage = chunk.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        call.partial.inputTokens = usage.value(QLatin1String("prompt_tokens")).toInt();
        call.partial.outputTokens = usage.value(QLatin1String("completion_tokens")).toInt();
    }
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty())
        return true;
    const QString piece = choices.first()
                              .toObject()
                              .value(QLatin1String("delta"))
                              .toObject()
                              .value(QLatin1String("content"))
                              .toString();
    if (piece.isEmpty())
        return true;
    call.streamed += piece;
    if (call.onDelta && (!call.hasContext || call.context))
        call.onDelta(piece);
    return m_calls.contains(call.id);
}

void LlmClient::handleStreamEnd(Call& call)
{
    // Streams get no repair round: the user has already watched the broken answer arrive.
    handleContent(call, call.streamed);
}

void LlmClient::abortReply(Call& call)
{
    if (call.timeout)
        call.timeout->stop();
    if (call.backoff)
        call.backoff->stop();
    HttpRetry::abandon(std::exchange(call.reply, nullptr), this);
}

QString LlmClient::scrub(QString text) const
{
    return HttpRetry::scrubbed(std::move(text), { m_settings.apiKey });
}

void LlmClient::finish(RequestId id, LlmResult result)
{
    const std::shared_ptr<Call> call = m_calls.take(id);
    if (!call)
        return;
    abortReply(*call);
    QObject::disconnect(call->contextConnection);
    result.inputTokens = call->partial.inputTokens;
    result.outputTokens = call->partial.outputTokens;
    result.reachedProvider = call->partial.reachedProvider;
    result.model = call->partial.model.isEmpty() ? m_settings.model : call->partial.model;
    result.error.message = scrub(result.error.message);
    result.error.detail = scrub(result.error.detail);
    if (call->done && (!call->hasContext || call->context))
        call->done(result);
}
