#pragma once

#include "services/providers/TelephonyTypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// How long to wait and how often to retry; shared by the telephony adapters.
struct TelephonyHttpPolicy
{
    int timeoutMs = 20000;
    int maxRetries = 3;
    int retryBaseDelayMs = 500;
    int maxRetryWaitMs = 30000;
};

// One HTTP request of a telephony adapter.
struct TelephonyHttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Requests that place a call or send a message are retried on 429 only: after a 5xx or a lost connection the
    // provider may have acted already, and a second try could ring the lead twice.
    bool idempotent = true;
};

struct TelephonyHttpAnswer
{
    TelephonyError error;
    int status = 0;
    QByteArray body;
};

// The HTTP engine under VapiTelephony and TwilioTelephony: timeouts, retries on 429/5xx with exponential backoff that
// honours Retry-After, and a typed error for every failure. Answers once, only while the context lives.
class TelephonyHttp : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const TelephonyHttpAnswer&)>;
    // Reads the provider's error message out of an error body.
    using ErrorReader = std::function<QString(const QByteArray&)>;

    TelephonyHttp(QNetworkAccessManager* network, ErrorReader errorReader, QObject* parent = nullptr);

    void setPolicy(const TelephonyHttpPolicy& policy) { m_policy = policy; }
    const TelephonyHttpPolicy& policy() const { return m_policy; }
    // Texts that must never appear in an error detail (keys, tokens).
    void setSecrets(const QStringList& secrets) { m_secrets = secrets; }

    void send(const TelephonyHttpRequest& request, QObject* context, Done done);

private:
    struct Pending;

    void attempt(const std::shared_ptr<Pending>& pending);
    void onFinished(const std::shared_ptr<Pending>& pending, QNetworkReply* reply);
    void finish(const std::shared_ptr<Pending>& pending, TelephonyHttpAnswer answer);
    int backoffMs(int retries, QNetworkReply* reply) const;
    QString scrub(QString text) const;

    QNetworkAccessManager* m_network;
    ErrorReader m_errorReader;
    TelephonyHttpPolicy m_policy;
    QStringList m_secrets;
};
