#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// Where and how to reach the ElevenLabs text-to-speech API (PROVIDERS.md; base URL configurable for tests).
struct SpeechSettings
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.elevenlabs.io"));
    QString apiKey;
    QString modelId = QStringLiteral("eleven_multilingual_v2");
    // Raw 16-bit little-endian mono PCM: played with QAudioSink on every platform without a codec.
    int sampleRate = 22050;
    int timeoutMs = 30000;
    int maxRetries = 2;
    int retryBaseDelayMs = 500;
    int maxRetryWaitMs = 20000;

    bool isConfigured() const { return baseUrl.isValid() && !baseUrl.isEmpty() && !apiKey.isEmpty(); }
    QString outputFormat() const { return QStringLiteral("pcm_%1").arg(sampleRate); }
};

struct SpeechVoice
{
    QString id;
    QString name;
    QString category; // premade, cloned, generated, professional
    QString description; // "American, calm, female" from the voice's labels
};

struct SpeechError
{
    enum Kind { None, NotConfigured, Network, Timeout, Cancelled, Unauthorized, RateLimited, Server, BadRequest,
        BadResponse };

    Kind kind = None;
    QString message; // translated: what happened and what to do
    int httpStatus = 0;
    QString detail; // the provider's own words; never contains the API key
    int retryAfterMs = -1; // RateLimited: how long the provider asked to wait, when it said so

    static SpeechError make(Kind kind, const QString& detail = {}, int httpStatus = 0);
    static QString kindName(Kind kind);
};

// Speech as raw PCM: 16-bit signed little-endian, mono.
struct SpeechAudio
{
    QByteArray pcm;
    int sampleRate = 22050;
    int channels = 1;

    qint64 durationMs() const { return sampleRate > 0 ? qint64(pcm.size()) * 1000 / (2 * channels * sampleRate) : 0; }
};

struct SpeechResult
{
    bool ok = false;
    SpeechError error;
    SpeechAudio audio; // synthesize
    QList<SpeechVoice> voices; // listVoices

    static SpeechResult failure(const SpeechError& error)
    {
        SpeechResult result;
        result.error = error;
        return result;
    }
};
