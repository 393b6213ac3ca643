#pragma once

#include "services/audio/AudioPlayback.h"

#include <QBuffer>
#include <QPointer>

class QAudioSink;

// AudioPlayback through Qt Multimedia's QAudioSink on the system's default output device.
class QtAudioPlayback : public AudioPlayback
{
    Q_OBJECT

public:
    explicit QtAudioPlayback(QObject* parent = nullptr);
    ~QtAudioPlayback() override;

    void play(const QByteArray& pcm, int sampleRate, int channels) override;
    void stop() override;
    bool isPlaying() const override;

private:
    void release();

    QPointer<QAudioSink> m_sink;
    QBuffer m_buffer;
};
