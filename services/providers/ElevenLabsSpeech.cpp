#include "services/providers/ElevenLabsSpeech.h"

#include "services/providers/HttpRetry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace {
enum class Mode { Speech, Voices };

// Errors come as {"detail": {"status": "...", "message": "..."}} or, for validation, {"detail": [{"msg": ...}]}.
QString providerMessage(const QByteArray& body)
{
    const QJsonValue detail = QJsonDocument::fromJson(body).object().value(QLatin1String("detail"));
    if (detail.isObject()) {
        const QJsonObject object = detail.toObject();
        const QString message = object.value(QLatin1String("message")).toString();
        return message.isEmpty() ? object.value(QLatin1String("status")).toString() : message;
    }
    if (detail.isArray()) {
        QStringList messages;
        for (const QJsonValue& item : detail.toArray())
            messages.append(item.toObject().value(QLatin1String("msg")).toString());
        return messages.join(QStringLiteral("; "));
    }
    if (detail.isString())
        return detail.toString();
    return QString::fromUtf8(body.left(200)).simplified();
}

QString describeLabels(const QJsonObject& labels)
{
    QStringList parts;
    for (const char* key : { "accent", "description", "age", "gender", "use_case" }) {
        const QString value = labels.value(QLatin1String(key)).toString().trimmed();
        if (!value.isEmpty())
            parts.append(value);
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

struct ElevenLabsSpeech::Call
{
    RequestId id = 0;
    Mode mode = Mode::Speech;
    QString text;
    QString voiceId;
    QPointer<QObject> context;
    bool hasContext = false;
    QMetaObject::Connection contextConnection;
    Done done;
    QPointer<QNetworkReply> reply;
    QTimer* timeout = nullptr;
    QTimer* backoff = nullptr;
    int retries = 0;

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

ElevenLabsSpeech::ElevenLabsSpeech(QNetworkAccessManager* network, SpeechSettings settings, QObject* parent)
    : SpeechSynthesis(parent)
    , m_network(network)
    , m_settings(std::move(settings))
{
}

ElevenLabsSpeech::~ElevenLabsSpeech()
{
    for (const std::shared_ptr<Call>& call : std::as_const(m_calls)) {
        abortReply(*call);
        QObject::disconnect(call->contextConnection);
    }
    m_calls.clear();
}

SpeechSynthesis::RequestId ElevenLabsSpeech::synthesize(
    const QString& text, const QString& voiceId, QObject* context, Done done)
{
    auto call = std::make_unique<Call>();
    call->mode = Mode::Speech;
    call->text = text;
    call->voiceId = voiceId.trimmed();
    call->context = context;
    call->done = std::move(done);
    return start(std::move(call));
}

SpeechSynthesis::RequestId ElevenLabsSpeech::listVoices(QObject* context, Done done)
{
    auto call = std::make_unique<Call>();
    call->mode = Mode::Voices;
    call->context = context;
    call->done = std::move(done);
    return start(std::move(call));
}

void ElevenLabsSpeech::cancel(RequestId id)
{
    finish(id, SpeechResult::failure(SpeechError::make(SpeechError::Cancelled)));
}

SpeechSynthesis::RequestId ElevenLabsSpeech::start(std::unique_ptr<Call> owned)
{
    std::shared_ptr<Call> call(std::move(owned));
    const RequestId id = m_nextId++;
    call->id = id;
    call->hasContext = call->context != nullptr;
    call->timeout = new QTimer;
    call->timeout->setSingleShot(true);
    call->timeout->setTimerType(Qt::PreciseTimer);
    connect(call->timeout, &QTimer::timeout, this,
        [this, id] { finish(id, SpeechResult::failure(SpeechError::make(SpeechError::Timeout))); });
    call->backoff = new QTimer;
    call->backoff->setSingleShot(true);
    call->backoff->setTimerType(Qt::PreciseTimer);
    connect(call->backoff, &QTimer::timeout, this, [this, id] {
        if (const std::shared_ptr<Call> call = m_calls.value(id))
            send(*call);
    });
    if (call->hasContext) {
        call->contextConnection = connect(call->context, &QObject::destroyed, this, [this, id] {
            if (const std::shared_ptr<Call> call = m_calls.take(id))
                abortReply(*call);
        });
    }
    m_calls.insert(id, call);
    // Always answer asynchronously, even for input errors, so callers see one behaviour.
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            const std::shared_ptr<Call> call = m_calls.value(id);
            if (!call)
                return;
            static const QRegularExpression voiceId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
            if (!m_settings.isConfigured())
                finish(id, SpeechResult::failure(SpeechError::make(SpeechError::NotConfigured)));
            else if (call->mode == Mode::Speech && !voiceId.match(call->voiceId).hasMatch())
                finish(id, SpeechResult::failure(SpeechError::make(SpeechError::BadRequest,
                               tr("Choose a voice first (a voice id is letters, digits, “-” and “_”)."))));
            else if (call->mode == Mode::Speech && call->text.trimmed().isEmpty())
                finish(id, SpeechResult::failure(SpeechError::make(SpeechError::BadRequest, tr("There is no text to speak."))));
            else if (call->mode == Mode::Speech && call->text.size() > kMaxTextLength)
                finish(id, SpeechResult::failure(SpeechError::make(SpeechError::BadRequest,
                               tr("The text is longer than %1 characters.").arg(kMaxTextLength))));
            else
                send(*call);
        },
        Qt::QueuedConnection);
    return id;
}

QUrl ElevenLabsSpeech::endpoint(const QString& path) const
{
    QUrl url = m_settings.baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path, QUrl::StrictMode);
    return url;
}

void ElevenLabsSpeech::send(Call& call)
{
    const RequestId id = call.id;
    if (call.mode == Mode::Voices) {
        QNetworkRequest request(endpoint(QStringLiteral("/v1/voices")));
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("xi-api-key", m_settings.apiKey.toUtf8());
        call.reply = m_network->get(request);
    } else {
        QUrl url = endpoint(QStringLiteral("/v1/text-to-speech/")
            + QString::fromLatin1(QUrl::toPercentEncoding(call.voiceId)));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("output_format"), m_settings.outputFormat());
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Accept", "audio/pcm, application/octet-stream, audio/*");
        request.setRawHeader("xi-api-key", m_settings.apiKey.toUtf8());
        QJsonObject body { { QStringLiteral("text"), call.text } };
        if (!m_settings.modelId.isEmpty())
            body.insert(QStringLiteral("model_id"), m_settings.modelId);
        call.reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    connect(call.reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    call.timeout->start(std::max(1, m_settings.timeoutMs));
}

int ElevenLabsSpeech::retryAfterMs(QNetworkReply* reply)
{
    return HttpRetry::askedWaitMs(reply, 3600 * 1000);
}

// What the provider asks for even when it is longer than the longest wait allowed: the caller then gives up.
int ElevenLabsSpeech::backoffMs(const Call& call, QNetworkReply* reply) const
{
    const int asked = retryAfterMs(reply);
    return asked >= 0
        ? asked
        : HttpRetry::exponentialWaitMs(m_settings.retryBaseDelayMs, call.retries, m_settings.maxRetryWaitMs);
}

void ElevenLabsSpeech::onFinished(RequestId id)
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
        if (call->retries < m_settings.maxRetries) {
            ++call->retries;
            call->backoff->start(backoffMs(*call, reply));
            return;
        }
        finish(id, SpeechResult::failure(SpeechError::make(SpeechError::Network, reply->errorString())));
        return;
    }
    if (status >= 200 && status < 300) {
        finish(id, call->mode == Mode::Voices ? parseVoices(body) : parseAudio(reply, body));
        return;
    }
    const QString detail = QStringLiteral("HTTP %1: %2").arg(status).arg(providerMessage(body));
    if (status == 401 || status == 403) {
        finish(id, SpeechResult::failure(SpeechError::make(SpeechError::Unauthorized, detail, status)));
        return;
    }
    const bool retryable = status == 429 || status == 408 || status >= 500;
    const int wait = backoffMs(*call, reply);
    if (retryable && call->retries < m_settings.maxRetries && wait <= m_settings.maxRetryWaitMs) {
        ++call->retries;
        call->backoff->start(wait);
        return;
    }
    SpeechError error = SpeechError::make(status == 429 ? SpeechError::RateLimited
            : retryable                                  ? SpeechError::Server
                                                         : SpeechError::BadRequest,
        detail, status);
    if (status == 429)
        error.retryAfterMs = retryAfterMs(reply);
    finish(id, SpeechResult::failure(error));
}

SpeechResult ElevenLabsSpeech::parseVoices(const QByteArray& body) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.object().value(QLatin1String("voices")).isArray())
        return SpeechResult::failure(SpeechError::make(SpeechError::BadResponse,
            tr("the voice list is not the expected JSON (%1)").arg(parseError.errorString())));
    SpeechResult result;
    result.ok = true;
    static const QRegularExpression voiceId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    for (const QJsonValue& value : document.object().value(QLatin1String("voices")).toArray()) {
        const QJsonObject object = value.toObject();
        SpeechVoice voice;
        voice.id = object.value(QLatin1String("voice_id")).toString();
        voice.name = object.value(QLatin1String("name")).toString().simplified().left(100);
        voice.category = object.value(QLatin1String("category")).toString();
        voice.description = describeLabels(object.value(QLatin1String("labels")).toObject());
        if (!voiceId.match(voice.id).hasMatch())
            continue; // a voice we could not address anyway
        if (voice.name.isEmpty())
            voice.name = voice.id;
        result.voices.append(voice);
    }
    std::sort(result.voices.begin(), result.voices.end(), [](const SpeechVoice& a, const SpeechVoice& b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return result;
}

SpeechResult ElevenLabsSpeech::parseAudio(QNetworkReply* reply, const QByteArray& body) const
{
    const QString contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (contentType.contains(QLatin1String("json"), Qt::CaseInsensitive) || contentType.startsWith(QLatin1String("text/")))
        return SpeechResult::failure(SpeechError::make(SpeechError::BadResponse,
            tr("expected audio, got %1: %2").arg(contentType, QString::fromUtf8(body.left(120)).simplified())));
    if (body.isEmpty() || body.size() % 2 != 0)
        return SpeechResult::failure(SpeechError::make(SpeechError::BadResponse,
            tr("the audio is not 16-bit PCM (%n byte(s))", nullptr, int(body.size()))));
    SpeechResult result;
    result.ok = true;
    result.audio.pcm = body;
    result.audio.sampleRate = m_settings.sampleRate;
    result.audio.channels = 1;
    return result;
}

void ElevenLabsSpeech::abortReply(Call& call)
{
    if (call.timeout)
        call.timeout->stop();
    if (call.backoff)
        call.backoff->stop();
    HttpRetry::abandon(std::exchange(call.reply, nullptr), this);
}

QString ElevenLabsSpeech::scrub(QString text) const
{
    return HttpRetry::scrubbed(std::move(text), { m_settings.apiKey });
}

void ElevenLabsSpeech::finish(RequestId id, SpeechResult result)
{
    const std::shared_ptr<Call> call = m_calls.take(id);
    if (!call)
        return;
    abortReply(*call);
    QObject::disconnect(call->contextConnection);
    result.error.message = scrub(result.error.message);
    result.error.detail = scrub(result.error.detail);
    if (call->done && (!call->hasContext || call->context))
        call->done(result);
}
