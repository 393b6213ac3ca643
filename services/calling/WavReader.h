#pragma once

#include <QByteArray>
#include <QString>

// The PCM of a RIFF/WAVE file (espeak-ng's output, recordings written by WavWriter). Reads the chunks in order and
// tolerates the streaming sizes (0 or 0xFFFFFFFF) that some writers leave in the header.
struct WavAudio
{
    int sampleRate = 0;
    int channels = 0;
    int bitsPerSample = 0;
    QByteArray data;
    QString error; // empty when the file was read

    bool ok() const { return error.isEmpty(); }
    double seconds() const
    {
        const int frame = channels * bitsPerSample / 8;
        return frame > 0 && sampleRate > 0 ? double(data.size()) / frame / sampleRate : 0.0;
    }

    static WavAudio read(const QString& path);
    static WavAudio parse(const QByteArray& bytes);
};
