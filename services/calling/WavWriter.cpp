#include "services/calling/WavWriter.h"

#include <QtEndian>

namespace {
QByteArray le32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QByteArray le16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}
} // namespace

WavWriter::~WavWriter()
{
    close();
}

bool WavWriter::open(const QString& path, int sampleRate, int channels, int bitsPerSample)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    m_dataBytes = 0;
    const quint16 blockAlign = quint16(channels * bitsPerSample / 8);
    QByteArray header;
    header += "RIFF" + le32(36) + "WAVE";
    header += "fmt " + le32(16) + le16(1) + le16(quint16(channels)) + le32(quint32(sampleRate))
        + le32(quint32(sampleRate) * blockAlign) + le16(blockAlign) + le16(quint16(bitsPerSample));
    header += "data" + le32(0);
    return m_file.write(header) == header.size();
}

bool WavWriter::write(const QByteArray& pcm)
{
    if (!m_file.isOpen())
        return false;
    const qint64 written = m_file.write(pcm);
    if (written > 0)
        m_dataBytes += written;
    return written == pcm.size();
}

bool WavWriter::close()
{
    if (!m_file.isOpen())
        return true;
    const quint32 data = quint32(std::min<qint64>(m_dataBytes, 0xFFFFFFFFLL - 36));
    bool ok = m_file.seek(4) && m_file.write(le32(36 + data)) == 4;
    ok = ok && m_file.seek(40) && m_file.write(le32(data)) == 4;
    ok = m_file.flush() && ok;
    m_file.close();
    return ok;
}
