#pragma once

#include <QByteArray>
#include <QObject>

// Plays raw 16-bit little-endian PCM on the default output device. An interface so that views can be tested without
// a sound card: tests install a playback that records what it was given.
class AudioPlayback : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Replaces whatever is playing. Answers with started() or failed().
    virtual void play(const QByteArray& pcm, int sampleRate, int channels) = 0;
    virtual void stop() = 0;
    virtual bool isPlaying() const = 0;

signals:
    void started();
    // Played to the end or stopped.
    void finished();
    // Translated: why nothing can be heard ("no audio output device", …).
    void failed(const QString& message);
};
