#include "services/providers/TwilioTelephony.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

namespace {
QByteArray form(const QList<QPair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QDateTime twilioTime(const QJsonValue& value)
{
    // Twilio's REST times are RFC 2822: "Tue, 31 Aug 2010 20:36:28 +0000".
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::RFC2822Date);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString xmlEscaped(const QString& text)
{
    return text.toHtmlEscaped().replace(u'\'', QStringLiteral("&apos;"));
}
} // namespace

TwilioTelephony::TwilioTelephony(QNetworkAccessManager* network, TwilioSettings settings, QObject* parent)
    : Telephony(parent)
    , m_http(new TelephonyHttp(network, &TwilioTelephony::errorMessage, this))
{
    setSettings(settings);
}

void TwilioTelephony::setSettings(const TwilioSettings& settings)
{
    m_settings = settings;
    m_http->setPolicy(settings.policy);
    m_http->setSecrets({ settings.authToken });
}

bool TwilioTelephony::isConfigured() const
{
    return m_settings.baseUrl.isValid() && !m_settings.accountSid.isEmpty() && !m_settings.authToken.isEmpty()
        && !m_settings.fromNumber.isEmpty();
}

QString TwilioTelephony::errorMessage(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString message = object.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        return QString::fromUtf8(body.left(200)).simplified();
    const int code = object.value(QLatin1String("code")).toInt();
    return code > 0 ? QStringLiteral("%1 (Twilio error %2)").arg(message).arg(code) : message;
}

QString TwilioTelephony::bridgeTwiml(const QString& leadNumber, const QString& callerId, const QString& leadName)
{
    QString say;
    if (!leadName.trimmed().isEmpty())
        say = QStringLiteral("<Say>Connecting you to %1.</Say>").arg(xmlEscaped(leadName.trimmed().left(80)));
    return QStringLiteral("<Response>%1<Dial callerId=\"%2\" answerOnBridge=\"true\"><Number>%3</Number></Dial>"
                          "</Response>")
        .arg(say, xmlEscaped(callerId), xmlEscaped(leadNumber));
}

TelephonyHttpRequest TwilioTelephony::request(const QByteArray& method, const QString& resource) const
{
    TelephonyHttpRequest request;
    request.method = method;
    QUrl url = m_settings.baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QStringLiteral("/2010-04-01/Accounts/") + m_settings.accountSid + resource);
    request.url = url;
    const QByteArray credentials = (m_settings.accountSid + u':' + m_settings.authToken).toUtf8().toBase64();
    request.headers = { { "Authorization", "Basic " + credentials }, { "Accept", "application/json" } };
    if (method == "POST")
        request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return request;
}

ProviderCall TwilioTelephony::parseCall(const QJsonObject& object)
{
    ProviderCall call;
    call.providerCallId = object.value(QLatin1String("sid")).toString();
    call.rawStatus = object.value(QLatin1String("status")).toString();
    const QString& status = call.rawStatus;
    if (status == QLatin1String("ringing"))
        call.phase = ProviderCall::Phase::Ringing;
    else if (status == QLatin1String("in-progress"))
        call.phase = ProviderCall::Phase::InProgress;
    else if (status == QLatin1String("completed") || status == QLatin1String("busy")
        || status == QLatin1String("no-answer") || status == QLatin1String("failed")
        || status == QLatin1String("canceled"))
        call.phase = ProviderCall::Phase::Ended;
    if (call.ended()) {
        call.noAnswer = status == QLatin1String("busy") || status == QLatin1String("no-answer");
        call.failed = status == QLatin1String("failed") || status == QLatin1String("canceled");
        call.endedReason = status;
    }
    call.durationSeconds = object.value(QLatin1String("duration")).toVariant().toInt();
    call.startedAt = twilioTime(object.value(QLatin1String("start_time")));
    call.endedAt = twilioTime(object.value(QLatin1String("end_time")));
    // Twilio prices are negative strings ("-0.0130"), in price_unit.
    call.cost = std::abs(object.value(QLatin1String("price")).toVariant().toDouble());
    return call;
}

void TwilioTelephony::startCall(const OutboundCallRequest& outbound, QObject* context, CallDone done)
{
    if (!isConfigured() || m_settings.userPhone.isEmpty()) {
        QTimer::singleShot(0, context ? context : this, [done] {
            done(TelephonyResult<ProviderCall>::failure(TelephonyError::make(TelephonyError::NotConfigured)));
        });
        return;
    }
    TelephonyHttpRequest post = request("POST", QStringLiteral("/Calls.json"));
    post.idempotent = false;
    post.body = form({ { QStringLiteral("To"), m_settings.userPhone }, { QStringLiteral("From"), m_settings.fromNumber },
        { QStringLiteral("Twiml"), bridgeTwiml(outbound.customerNumber, m_settings.fromNumber, outbound.customerName) },
        { QStringLiteral("Timeout"), QStringLiteral("30") } });
    m_http->send(post, context, [done](const TelephonyHttpAnswer& answer) {
        if (!answer.error.ok()) {
            done(TelephonyResult<ProviderCall>::failure(answer.error));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
        TelephonyResult<ProviderCall> result;
        result.value = parseCall(object);
        if (result.value.providerCallId.isEmpty())
            result.error = TelephonyError::make(TelephonyError::BadResponse, QStringLiteral("no call sid"), answer.status);
        done(result);
    });
}

void TwilioTelephony::fetchCall(const QString& callSid, QObject* context, CallDone done)
{
    m_http->send(request("GET", QStringLiteral("/Calls/%1.json").arg(callSid)), context,
        [done](const TelephonyHttpAnswer& answer) {
            if (!answer.error.ok()) {
                done(TelephonyResult<ProviderCall>::failure(answer.error));
                return;
            }
            QJsonParseError parseError;
            const QJsonObject object = QJsonDocument::fromJson(answer.body, &parseError).object();
            TelephonyResult<ProviderCall> result;
            result.value = parseCall(object);
            if (parseError.error != QJsonParseError::NoError || result.value.providerCallId.isEmpty())
                result.error = TelephonyError::make(TelephonyError::BadResponse, parseError.errorString(), answer.status);
            done(result);
        });
}

void TwilioTelephony::endCall(const ProviderCall& call, QObject* context, Done done)
{
    TelephonyHttpRequest post = request("POST", QStringLiteral("/Calls/%1.json").arg(call.providerCallId));
    // A call still ringing is cancelled, an answered one completed; "completed" ends both.
    post.body = form({ { QStringLiteral("Status"), QStringLiteral("completed") } });
    m_http->send(post, context, [done](const TelephonyHttpAnswer& answer) { done(answer.error); });
}

void TwilioTelephony::sendSms(const QString& to, const QString& text, QObject* context, SmsDone done)
{
    if (!isConfigured()) {
        QTimer::singleShot(0, context ? context : this, [done] {
            done(TelephonyResult<SmsMessage>::failure(TelephonyError::make(TelephonyError::NotConfigured)));
        });
        return;
    }
    TelephonyHttpRequest post = request("POST", QStringLiteral("/Messages.json"));
    post.idempotent = false;
    post.body = form({ { QStringLiteral("To"), to }, { QStringLiteral("From"), m_settings.fromNumber },
        { QStringLiteral("Body"), text } });
    m_http->send(post, context, [done](const TelephonyHttpAnswer& answer) {
        if (!answer.error.ok()) {
            done(TelephonyResult<SmsMessage>::failure(answer.error));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
        TelephonyResult<SmsMessage> result;
        result.value.sid = object.value(QLatin1String("sid")).toString();
        result.value.status = object.value(QLatin1String("status")).toString();
        result.value.errorCode = object.value(QLatin1String("error_code")).toVariant().toString();
        result.value.errorMessage = object.value(QLatin1String("error_message")).toString();
        if (result.value.sid.isEmpty())
            result.error = TelephonyError::make(TelephonyError::BadResponse, QStringLiteral("no message sid"), answer.status);
        done(result);
    });
}

void TwilioTelephony::fetchSms(const QString& messageSid, QObject* context, SmsDone done)
{
    m_http->send(request("GET", QStringLiteral("/Messages/%1.json").arg(messageSid)), context,
        [done](const TelephonyHttpAnswer& answer) {
            if (!answer.error.ok()) {
                done(TelephonyResult<SmsMessage>::failure(answer.error));
                return;
            }
            const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
            TelephonyResult<SmsMessage> result;
            result.value.sid = object.value(QLatin1String("sid")).toString();
            result.value.status = object.value(QLatin1String("status")).toString();
            result.value.errorCode = object.value(QLatin1String("error_code")).toVariant().toString();
            result.value.errorMessage = object.value(QLatin1String("error_message")).toString();
            if (result.value.sid.isEmpty())
                result.error = TelephonyError::make(TelephonyError::BadResponse, QStringLiteral("no message sid"));
            done(result);
        });
}
