#pragma once

#include "services/calling/WavReader.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// A call's recording, downloaded for playback.
struct CallRecording
{
    enum class Kind { Pcm, OtherFormat, Failed };

    Kind kind = Kind::Failed;
    WavAudio audio; // Kind::Pcm: 16-bit PCM from a WAV recording (Vapi records WAV by default)
    QString error; // Kind::Failed, translated
};

// Downloads a recording once and decodes a 16-bit PCM WAV. Anything else (an mp3 recording plan) comes back as
// OtherFormat, for a media player to stream from the URL. One download at a time; a new load cancels the last.
class CallRecordingLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxBytes = 512LL * 1024 * 1024; // ~2.5 h of 16 kHz stereo

    explicit CallRecordingLoader(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~CallRecordingLoader() override;

    void load(const QUrl& url, std::function<void(const CallRecording&)> done);
    void cancel();
    bool isLoading() const;

signals:
    void progress(qint64 received, qint64 total); // total -1 when the server does not say

private:
    void finish(QNetworkReply* reply);

    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    std::function<void(const CallRecording&)> m_done;
};
