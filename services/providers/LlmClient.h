#pragma once

#include "services/providers/LlmTypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// OpenAI-compatible Chat Completions over HTTP (PROVIDERS.md section 3). Every call answers exactly once through
// its callback, on the thread that owns the client, and only while the context object lives; destroying the context
// aborts the call silently. Timeouts, retries (429/5xx with backoff and Retry-After) and structured-output repair
// happen inside the call.
class LlmClient : public QObject
{
    Q_OBJECT

public:
    using RequestId = quint64;
    using Done = std::function<void(const LlmResult&)>;
    using Delta = std::function<void(const QString&)>;

    LlmClient(QNetworkAccessManager* network, LlmSettings settings, QObject* parent = nullptr);
    ~LlmClient() override;

    void setSettings(const LlmSettings& settings) { m_settings = settings; }
    const LlmSettings& settings() const { return m_settings; }

    RequestId complete(const LlmRequest& request, QObject* context, Done done);
    RequestId stream(const LlmRequest& request, QObject* context, Delta onDelta, Done done);
    // GET {baseUrl}/models: content lists the model ids the server offers.
    RequestId testConnection(QObject* context, Done done);

    // Answers the call with Cancelled (if its context still lives); unknown ids are ignored.
    void cancel(RequestId id);
    int pendingCount() const { return int(m_calls.size()); }

private:
    struct Call;

    RequestId start(std::unique_ptr<Call> call);
    void send(Call& call);
    void onFinished(RequestId id);
    void onReadyRead(RequestId id);
    void onTimeout(RequestId id);
    void handleSuccess(Call& call, const QByteArray& body);
    void handleStreamEnd(Call& call);
    void handleContent(Call& call, const QString& content);
    void consumeSse(Call& call, const QByteArray& bytes, bool atEnd);
    bool dispatchSseEvent(Call& call, const QByteArray& data);
    bool retryLater(Call& call, int waitMs);
    int backoffMs(const Call& call, QNetworkReply* reply) const;
    void finish(RequestId id, LlmResult result);
    void abortReply(Call& call);
    QString scrub(QString text) const;
    QJsonObject requestBody(const Call& call) const;
    QUrl endpoint(const QString& path) const;

    QNetworkAccessManager* m_network;
    LlmSettings m_settings;
    QHash<RequestId, std::shared_ptr<Call>> m_calls;
    RequestId m_nextId = 1;
};
