#pragma once

#include "services/providers/SpeechSynthesis.h"

#include <QHash>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// ElevenLabs: POST /v1/text-to-speech/{voice_id}?output_format=pcm_<rate> with the xi-api-key header answers raw PCM;
// GET /v1/voices lists the account's voices. Timeouts, retries of 429/5xx honouring Retry-After, typed errors.
class ElevenLabsSpeech : public SpeechSynthesis
{
    Q_OBJECT

public:
    static constexpr int kMaxTextLength = 2500;

    ElevenLabsSpeech(QNetworkAccessManager* network, SpeechSettings settings, QObject* parent = nullptr);
    ~ElevenLabsSpeech() override;

    void setSettings(const SpeechSettings& settings) { m_settings = settings; }
    const SpeechSettings& settings() const { return m_settings; }

    RequestId synthesize(const QString& text, const QString& voiceId, QObject* context, Done done) override;
    RequestId listVoices(QObject* context, Done done) override;
    void cancel(RequestId id) override;
    int pendingCount() const { return int(m_calls.size()); }

private:
    struct Call;

    RequestId start(std::unique_ptr<Call> call);
    void send(Call& call);
    void onFinished(RequestId id);
    int backoffMs(const Call& call, QNetworkReply* reply) const;
    static int retryAfterMs(QNetworkReply* reply);
    SpeechResult parseVoices(const QByteArray& body) const;
    SpeechResult parseAudio(QNetworkReply* reply, const QByteArray& body) const;
    void finish(RequestId id, SpeechResult result);
    void abortReply(Call& call);
    QString scrub(QString text) const;
    QUrl endpoint(const QString& path) const;

    QNetworkAccessManager* m_network;
    SpeechSettings m_settings;
    QHash<RequestId, std::shared_ptr<Call>> m_calls;
    RequestId m_nextId = 1;
};
