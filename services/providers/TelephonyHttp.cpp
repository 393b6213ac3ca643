#include "services/providers/TelephonyHttp.h"

#include "services/providers/HttpRetry.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <algorithm>

struct TelephonyHttp::Pending
{
    TelephonyHttpRequest request;
    QPointer<QObject> context;
    bool hasContext = false;
    Done done;
    QPointer<QNetworkReply> reply;
    QTimer timeout;
    int retries = 0;
    bool finished = false;
};

TelephonyHttp::TelephonyHttp(QNetworkAccessManager* network, ErrorReader errorReader, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_errorReader(std::move(errorReader))
{
}

void TelephonyHttp::send(const TelephonyHttpRequest& request, QObject* context, Done done)
{
    auto pending = std::make_shared<Pending>();
    pending->request = request;
    pending->context = context;
    pending->hasContext = context != nullptr;
    pending->done = std::move(done);
    pending->timeout.setSingleShot(true);
    pending->timeout.setTimerType(Qt::PreciseTimer);
    std::weak_ptr<Pending> weak = pending;
    connect(&pending->timeout, &QTimer::timeout, this, [this, weak] {
        if (const std::shared_ptr<Pending> alive = weak.lock())
            finish(alive, { TelephonyError::make(TelephonyError::Timeout), 0, {} });
    });
    if (context) {
        // A closed window drops its requests without an answer.
        connect(context, &QObject::destroyed, &pending->timeout, [weak] {
            const std::shared_ptr<Pending> pending = weak.lock();
            if (!pending)
                return;
            pending->finished = true;
            pending->timeout.stop();
            if (QNetworkReply* reply = pending->reply) {
                reply->abort();
                reply->deleteLater();
            }
        });
    }
    // Always asynchronous, so callers see one behaviour.
    QTimer::singleShot(0, this, [this, pending] { attempt(pending); });
}

void TelephonyHttp::attempt(const std::shared_ptr<Pending>& pending)
{
    if (pending->finished)
        return;
    QNetworkRequest request(pending->request.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    for (const auto& [name, value] : std::as_const(pending->request.headers))
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_network->sendCustomRequest(request, pending->request.method, pending->request.body);
    pending->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, pending, reply] { onFinished(pending, reply); });
    pending->timeout.start(std::max(1, m_policy.timeoutMs));
}

void TelephonyHttp::onFinished(const std::shared_ptr<Pending>& pending, QNetworkReply* reply)
{
    reply->deleteLater();
    if (pending->finished || pending->reply != reply)
        return;
    pending->reply = nullptr;
    pending->timeout.stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const bool canRetry = pending->retries < m_policy.maxRetries;

    if (status == 0) {
        if (canRetry && pending->request.idempotent) {
            QTimer::singleShot(backoffMs(pending->retries++, reply), this, [this, pending] { attempt(pending); });
            return;
        }
        finish(pending, { TelephonyError::make(TelephonyError::Network, reply->errorString()), 0, {} });
        return;
    }
    if (status >= 200 && status < 300) {
        finish(pending, { {}, status, body });
        return;
    }
    const bool retryable = status == 429 || (pending->request.idempotent && (status == 408 || status >= 500));
    if (retryable && canRetry) {
        const int wait = backoffMs(pending->retries++, reply);
        QTimer::singleShot(wait, this, [this, pending] { attempt(pending); });
        return;
    }
    const QString detail = m_errorReader ? m_errorReader(body) : QString::fromUtf8(body.left(200));
    TelephonyError::Kind kind = TelephonyError::Rejected;
    if (status == 401 || status == 403)
        kind = TelephonyError::Unauthorized;
    else if (status == 404)
        kind = TelephonyError::NotFound;
    else if (status == 429)
        kind = TelephonyError::RateLimited;
    else if (status >= 500)
        kind = TelephonyError::Server;
    finish(pending, { TelephonyError::make(kind, detail, status), status, body });
}

int TelephonyHttp::backoffMs(int retries, QNetworkReply* reply) const
{
    return HttpRetry::waitMs(reply, m_policy.retryBaseDelayMs, retries, m_policy.maxRetryWaitMs);
}

QString TelephonyHttp::scrub(QString text) const
{
    return HttpRetry::scrubbed(std::move(text), m_secrets);
}

void TelephonyHttp::finish(const std::shared_ptr<Pending>& pending, TelephonyHttpAnswer answer)
{
    if (pending->finished)
        return;
    pending->finished = true;
    pending->timeout.stop();
    if (QNetworkReply* reply = pending->reply) {
        pending->reply = nullptr;
        QObject::disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    answer.error.detail = scrub(answer.error.detail);
    answer.error.message = scrub(answer.error.message);
    if (pending->done && (!pending->hasContext || pending->context))
        pending->done(answer);
}
