#pragma once

#include "services/calling/WavWriter.h"

#include <QAudioFormat>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QAudioSink;
class QIODevice;
class QWebSocket;

// The audio format of a listen socket. Vapi streams raw PCM, 16 kHz, 16-bit little-endian, two interleaved channels
// (0 = customer, 1 = assistant) unless a JSON text frame says otherwise (PROVIDERS.md §1.5).
struct ListenFormat
{
    int sampleRate = 16000;
    int channels = 2;
    int frameBytes() const { return channels * 2; }
};

// Listens to a live call on Vapi's monitor.listenUrl (a WebSocket the desktop opens itself). Keeps per-channel level
// meters, plays the chosen channel(s) at the chosen volume through Qt Multimedia when an output device exists, and
// can record what is streamed to a WAV file. The listen URL is a bearer secret: it is never logged.
class CallListenClient : public QObject
{
    Q_OBJECT

public:
    enum class Channel { Both, Customer, Assistant };

    explicit CallListenClient(QObject* parent = nullptr);
    ~CallListenClient() override;

    // bearer: the Vapi public key when listen authentication is on; empty otherwise.
    void open(const QUrl& listenUrl, const QByteArray& bearer = {});
    void close();
    bool isOpen() const { return m_open; }

    void setChannel(Channel channel) { m_channel = channel; }
    Channel channel() const { return m_channel; }
    void setVolume(double volume); // 0…1
    double volume() const { return m_volume; }
    // Plays through the default audio output; false when the system has none (the meters still move).
    bool setPlaybackEnabled(bool enabled);
    bool isPlaying() const { return m_sink != nullptr; }
    static bool hasAudioOutput();

    // Writes every frame from now on, both channels as streamed, to a WAV file.
    bool startRecording(const QString& path, QString* error = nullptr);
    bool stopRecording();

    ListenFormat format() const { return m_format; }
    qint64 bytesReceived() const { return m_bytes; }
    double secondsReceived() const;

signals:
    void connected();
    void formatChanged(const ListenFormat& format);
    // Peak of the last block per channel, 0…1.
    void levelsChanged(double customer, double assistant);
    void audioReceived(qint64 totalBytes);
    void transcriptReceived(const QString& role, const QString& text, bool final);
    // The socket closed; reason is empty when it was closed on purpose or ended normally.
    void closed(const QString& reason);

private:
    void onBinary(const QByteArray& data);
    void onText(const QString& text);
    void play(const QByteArray& frames);
    void startSink();
    void stopSink();

    QWebSocket* m_socket;
    ListenFormat m_format;
    bool m_open = false;
    bool m_closing = false;
    bool m_audioSeen = false;
    QString m_socketError; // set when the connection broke
    QByteArray m_partial; // a frame split across two messages
    qint64 m_bytes = 0;
    Channel m_channel = Channel::Both;
    double m_volume = 1.0;
    bool m_playbackWanted = false;
    QAudioSink* m_sink = nullptr;
    QPointer<QIODevice> m_sinkDevice;
    std::unique_ptr<WavWriter> m_recorder;
    QString m_recordPath;
};

Q_DECLARE_METATYPE(ListenFormat)
