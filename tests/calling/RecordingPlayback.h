#pragma once

#include "services/audio/AudioPlayback.h"

#include <QByteArray>

namespace HubTest {

// An audio output for tests: keeps what it was asked to play instead of needing a sound card, and "plays" until
// finishPlaying() is called.
class RecordingPlayback : public AudioPlayback
{
public:
    using AudioPlayback::AudioPlayback;

    void play(const QByteArray& pcm, int sampleRate, int channels) override
    {
        m_pcm = pcm;
        m_sampleRate = sampleRate;
        m_channels = channels;
        ++m_plays;
        m_playing = true;
        emit started();
    }
    void stop() override
    {
        if (!m_playing)
            return;
        m_playing = false;
        emit finished();
    }
    bool isPlaying() const override { return m_playing; }
    void finishPlaying() { stop(); }

    QByteArray pcm() const { return m_pcm; }
    int sampleRate() const { return m_sampleRate; }
    int channels() const { return m_channels; }
    int plays() const { return m_plays; }

private:
    QByteArray m_pcm;
    int m_sampleRate = 0;
    int m_channels = 0;
    int m_plays = 0;
    bool m_playing = false;
};

} // namespace HubTest
