#include "services/providers/VapiTelephony.h"

#include "services/providers/VapiAssistantBuilder.h"
#include "services/providers/VapiCallParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

VapiTelephony::VapiTelephony(QNetworkAccessManager* network, VapiSettings settings, QObject* parent)
    : Telephony(parent)
    , m_http(new TelephonyHttp(network, &VapiTelephony::errorMessage, this))
{
    setSettings(settings);
}

void VapiTelephony::setSettings(const VapiSettings& settings)
{
    m_settings = settings;
    m_http->setPolicy(settings.policy);
    m_http->setSecrets({ settings.apiKey });
}

bool VapiTelephony::isConfigured() const
{
    return m_settings.baseUrl.isValid() && !m_settings.apiKey.isEmpty() && !m_settings.phoneNumberId.isEmpty();
}

QString VapiTelephony::errorMessage(const QByteArray& body)
{
    // NestJS-like {"message": string | [string], "error": "...", "statusCode": n}; parsed defensively.
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue message = object.value(QLatin1String("message"));
    if (message.isArray()) {
        QStringList parts;
        for (const QJsonValue& part : message.toArray())
            parts << part.toString();
        return parts.join(QStringLiteral("; "));
    }
    if (message.isString())
        return message.toString();
    if (object.value(QLatin1String("error")).isString())
        return object.value(QLatin1String("error")).toString();
    return QString::fromUtf8(body.left(200)).simplified();
}

TelephonyHttpRequest VapiTelephony::request(const QByteArray& method, const QString& path) const
{
    TelephonyHttpRequest request;
    request.method = method;
    QUrl url = m_settings.baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    request.url = url;
    request.headers = { { "Authorization", "Bearer " + m_settings.apiKey.toUtf8() },
        { "Content-Type", "application/json" }, { "Accept", "application/json" } };
    return request;
}

void VapiTelephony::answerCall(const TelephonyHttpAnswer& answer, const CallDone& done) const
{
    if (!answer.error.ok()) {
        done(TelephonyResult<ProviderCall>::failure(answer.error));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    QJsonObject object = document.object();
    // POST /call may answer with a batch response when customers[] was used; we send one customer, but read both.
    if (object.contains(QLatin1String("results")) && !object.contains(QLatin1String("id")))
        object = object.value(QLatin1String("results")).toArray().first().toObject();
    TelephonyResult<ProviderCall> result;
    if (parseError.error != QJsonParseError::NoError || !VapiCallParser::parse(object, &result.value)) {
        const QString detail = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                             : QStringLiteral("no call id in the answer");
        done(TelephonyResult<ProviderCall>::failure(TelephonyError::make(TelephonyError::BadResponse, detail,
            answer.status)));
        return;
    }
    done(result);
}

void VapiTelephony::startCall(const OutboundCallRequest& outbound, QObject* context, CallDone done)
{
    if (!isConfigured()) {
        QTimer::singleShot(0, context ? context : this, [done] {
            done(TelephonyResult<ProviderCall>::failure(TelephonyError::make(TelephonyError::NotConfigured)));
        });
        return;
    }
    TelephonyHttpRequest post = request("POST", QStringLiteral("/call"));
    post.body = QJsonDocument(VapiAssistantBuilder::createCallBody(outbound, m_settings.phoneNumberId))
                    .toJson(QJsonDocument::Compact);
    post.idempotent = false;
    m_http->send(post, context, [this, done](const TelephonyHttpAnswer& answer) { answerCall(answer, done); });
}

void VapiTelephony::fetchCall(const QString& providerCallId, QObject* context, CallDone done)
{
    const TelephonyHttpRequest get
        = request("GET", QStringLiteral("/call/") + QString::fromUtf8(QUrl::toPercentEncoding(providerCallId)));
    m_http->send(get, context, [this, done](const TelephonyHttpAnswer& answer) { answerCall(answer, done); });
}

void VapiTelephony::endCall(const ProviderCall& call, QObject* context, Done done)
{
    if (!call.controlUrl.isValid() || call.controlUrl.isEmpty()) {
        // Without a control URL (monitoring was off) the call is still ended through the API.
        TelephonyHttpRequest remove = request("DELETE", QStringLiteral("/call/") + call.providerCallId);
        m_http->send(remove, context, [done](const TelephonyHttpAnswer& answer) { done(answer.error); });
        return;
    }
    TelephonyHttpRequest post;
    post.method = "POST";
    post.url = call.controlUrl;
    post.headers = { { "Content-Type", "application/json" } };
    post.body = R"({"type":"end-call"})";
    m_http->send(post, context, [done](const TelephonyHttpAnswer& answer) { done(answer.error); });
}

void VapiTelephony::listPhoneNumbers(QObject* context, NumbersDone done)
{
    m_http->send(request("GET", QStringLiteral("/phone-number")), context, [done](const TelephonyHttpAnswer& answer) {
        using Result = TelephonyResult<QList<ProviderPhoneNumber>>;
        if (!answer.error.ok()) {
            done(Result::failure(answer.error));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
        // GET /phone-number answers with a bare array; /v2 wraps it in {results: [...]}.
        const QJsonArray items = document.isArray() ? document.array()
                                                    : document.object().value(QLatin1String("results")).toArray();
        if (parseError.error != QJsonParseError::NoError) {
            done(Result::failure(TelephonyError::make(TelephonyError::BadResponse, parseError.errorString())));
            return;
        }
        Result result;
        for (const QJsonValue& item : items) {
            const QJsonObject object = item.toObject();
            ProviderPhoneNumber number;
            number.id = object.value(QLatin1String("id")).toString();
            number.number = object.value(QLatin1String("number")).toString();
            number.name = object.value(QLatin1String("name")).toString();
            number.provider = object.value(QLatin1String("provider")).toString();
            if (!number.id.isEmpty())
                result.value.append(number);
        }
        done(result);
    });
}
