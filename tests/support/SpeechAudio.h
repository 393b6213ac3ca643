#pragma once

#include <QByteArray>
#include <QString>

namespace HubTest {

// Real speech for the fake listen socket: espeak-ng speaks the text to a WAV file (22,050 Hz mono), which is
// resampled here to 16 kHz signed 16-bit little-endian mono. error is set when espeak-ng is missing or failed.
struct SpeechAudio
{
    static QByteArray synthesize(const QString& text, int sampleRate, QString* error);
    // Linear-interpolation resampling of mono s16le.
    static QByteArray resample(const QByteArray& pcm, int fromRate, int toRate);
    // Two mono tracks as one interleaved stereo stream (the shorter padded with silence).
    static QByteArray interleave(const QByteArray& left, const QByteArray& right);
};

} // namespace HubTest
