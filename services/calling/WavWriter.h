#pragma once

#include <QFile>
#include <QString>

// Writes 16-bit PCM to a RIFF/WAVE file as it arrives; the sizes in the header are filled in on close().
class WavWriter
{
public:
    WavWriter() = default;
    ~WavWriter();
    WavWriter(const WavWriter&) = delete;
    WavWriter& operator=(const WavWriter&) = delete;

    bool open(const QString& path, int sampleRate, int channels, int bitsPerSample = 16);
    bool write(const QByteArray& pcm);
    // Patches the header; returns false when the file could not be completed.
    bool close();
    bool isOpen() const { return m_file.isOpen(); }
    qint64 dataBytes() const { return m_dataBytes; }
    QString errorString() const { return m_file.errorString(); }

private:
    QFile m_file;
    qint64 m_dataBytes = 0;
};
