#pragma once

#include "tests/support/LoopbackHttpServer.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace HubTest {

// Twilio's REST API on loopback (PROVIDERS.md §2): Calls.json and Messages.json under
// /2010-04-01/Accounts/{AccountSid}/, HTTP basic auth, form-encoded requests, JSON answers, Twilio-shaped errors.
// Each GET of a call moves it one step along its statuses (queued → ringing → in-progress → final status).
class FakeTwilioServer : public QObject
{
    Q_OBJECT

public:
    static constexpr const char* kAccountSid = "ACfa4e0000000000000000000000000000";
    static constexpr const char* kAuthToken = "twilio-auth-TOKEN-5678";

    explicit FakeTwilioServer(QObject* parent = nullptr);

    bool listen() { return m_http.listen(); }
    QUrl baseUrl() const { return m_http.baseUrl(); }
    // The status a call ends with: completed (default), busy, no-answer, failed.
    void setFinalStatus(const QString& status) { m_finalStatus = status; }

    const QList<HttpRequestRecord>& requests() const { return m_http.requests(); }
    QList<HttpRequestRecord> requestsTo(const QByteArray& method, const QString& suffix) const;

private:
    struct FakeCall
    {
        QString sid;
        QString to;
        QString from;
        QString twiml;
        int step = 0;
        QString finalStatus;
        bool hungUp = false;
    };

    HttpReply handle(const HttpRequestRecord& request);
    QJsonObject callJson(const FakeCall& call) const;

    LoopbackHttpServer m_http;
    QHash<QString, FakeCall> m_calls;
    QHash<QString, int> m_messageReads;
    QString m_finalStatus = QStringLiteral("completed");
    int m_next = 1;
};

} // namespace HubTest
