#include "tests/support/FakeTwilioServer.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace HubTest {

namespace {
QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpReply twilioError(int status, int code, const QString& message)
{
    return HttpReply::json(status,
        compact({ { QStringLiteral("code"), code }, { QStringLiteral("message"), message },
            { QStringLiteral("more_info"), QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code) },
            { QStringLiteral("status"), status } }));
}

QString formValue(const HttpRequestRecord& request, const QString& key)
{
    return request.form.queryItemValue(key, QUrl::FullyDecoded);
}
} // namespace

FakeTwilioServer::FakeTwilioServer(QObject* parent)
    : QObject(parent)
{
    m_http.setHandler([this](const HttpRequestRecord& request) { return handle(request); });
}

QList<HttpRequestRecord> FakeTwilioServer::requestsTo(const QByteArray& method, const QString& suffix) const
{
    QList<HttpRequestRecord> matching;
    for (const HttpRequestRecord& request : m_http.requests()) {
        if (request.method == method && QString::fromUtf8(request.path).endsWith(suffix))
            matching.append(request);
    }
    return matching;
}

QJsonObject FakeTwilioServer::callJson(const FakeCall& call) const
{
    static const QStringList steps { QStringLiteral("queued"), QStringLiteral("ringing"), QStringLiteral("in-progress") };
    const bool ended = call.hungUp || call.step >= int(steps.size());
    const QString status = call.hungUp ? QStringLiteral("completed") : (ended ? call.finalStatus : steps.at(call.step));
    const bool connected = ended && status == QLatin1String("completed");
    QJsonObject object { { QStringLiteral("sid"), call.sid }, { QStringLiteral("account_sid"), QString::fromLatin1(kAccountSid) },
        { QStringLiteral("to"), call.to }, { QStringLiteral("from"), call.from }, { QStringLiteral("status"), status },
        { QStringLiteral("direction"), QStringLiteral("outbound-api") },
        { QStringLiteral("date_created"), QStringLiteral("Mon, 02 Mar 2026 15:00:00 +0000") },
        { QStringLiteral("duration"), connected ? QStringLiteral("42") : QStringLiteral("0") },
        { QStringLiteral("price"), ended ? QJsonValue(QStringLiteral("-0.0130")) : QJsonValue() },
        { QStringLiteral("price_unit"), QStringLiteral("USD") } };
    if (call.step >= 2 || ended)
        object.insert(QStringLiteral("start_time"), QStringLiteral("Mon, 02 Mar 2026 15:00:05 +0000"));
    if (ended)
        object.insert(QStringLiteral("end_time"),
            connected ? QStringLiteral("Mon, 02 Mar 2026 15:00:47 +0000") : QStringLiteral("Mon, 02 Mar 2026 15:00:05 +0000"));
    return object;
}

HttpReply FakeTwilioServer::handle(const HttpRequestRecord& request)
{
    const QByteArray prefix = QByteArray("/2010-04-01/Accounts/") + kAccountSid;
    const QByteArray expected = "Basic " + QByteArray(QByteArray(kAccountSid) + ':' + kAuthToken).toBase64();
    if (request.headers.value("authorization") != expected)
        return twilioError(401, 20003, QStringLiteral("Authenticate"));
    if (!request.path.startsWith(prefix))
        return twilioError(404, 20404, QStringLiteral("The requested resource was not found"));
    const QString resource = QString::fromUtf8(request.path.mid(prefix.size()));

    if (request.method == "POST" && resource == QLatin1String("/Calls.json")) {
        const QString to = formValue(request, QStringLiteral("To"));
        const QString from = formValue(request, QStringLiteral("From"));
        const QString twiml = formValue(request, QStringLiteral("Twiml"));
        if (to.isEmpty() || from.isEmpty())
            return twilioError(400, 21201, QStringLiteral("No 'To' number is specified"));
        if (twiml.isEmpty() && formValue(request, QStringLiteral("Url")).isEmpty())
            return twilioError(400, 21205, QStringLiteral("Url parameter is required"));
        FakeCall call;
        call.sid = QStringLiteral("CA%1").arg(m_next++, 32, 10, QLatin1Char('0'));
        call.to = to;
        call.from = from;
        call.twiml = twiml;
        call.finalStatus = m_finalStatus;
        m_calls.insert(call.sid, call);
        return HttpReply::json(201, compact(callJson(call)));
    }
    if (resource.startsWith(QLatin1String("/Calls/")) && resource.endsWith(QLatin1String(".json"))) {
        const QString sid = resource.mid(7).chopped(5);
        if (!m_calls.contains(sid))
            return twilioError(404, 20404, QStringLiteral("The requested resource was not found"));
        FakeCall& call = m_calls[sid];
        if (request.method == "POST") {
            const QString status = formValue(request, QStringLiteral("Status"));
            if (status == QLatin1String("completed") || status == QLatin1String("canceled"))
                call.hungUp = true;
        } else {
            ++call.step;
        }
        return HttpReply::json(200, compact(callJson(call)));
    }
    if (request.method == "POST" && resource == QLatin1String("/Messages.json")) {
        const QString to = formValue(request, QStringLiteral("To"));
        if (!to.startsWith(u'+'))
            return twilioError(400, 21211, QStringLiteral("The 'To' number %1 is not a valid phone number.").arg(to));
        const QString sid = QStringLiteral("SM%1").arg(m_next++, 32, 10, QLatin1Char('0'));
        m_messageReads.insert(sid, 0);
        return HttpReply::json(201,
            compact({ { QStringLiteral("sid"), sid }, { QStringLiteral("status"), QStringLiteral("queued") },
                { QStringLiteral("to"), to }, { QStringLiteral("from"), formValue(request, QStringLiteral("From")) },
                { QStringLiteral("body"), formValue(request, QStringLiteral("Body")) },
                { QStringLiteral("num_segments"), QStringLiteral("1") }, { QStringLiteral("error_code"), QJsonValue() } }));
    }
    if (request.method == "GET" && resource.startsWith(QLatin1String("/Messages/"))) {
        const QString sid = resource.mid(10).chopped(5);
        if (!m_messageReads.contains(sid))
            return twilioError(404, 20404, QStringLiteral("The requested resource was not found"));
        const int reads = ++m_messageReads[sid];
        return HttpReply::json(200,
            compact({ { QStringLiteral("sid"), sid },
                { QStringLiteral("status"), reads >= 2 ? QStringLiteral("delivered") : QStringLiteral("sent") } }));
    }
    return twilioError(404, 20404, QStringLiteral("The requested resource was not found"));
}

} // namespace HubTest
