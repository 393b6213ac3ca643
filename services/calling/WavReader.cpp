#include "services/calling/WavReader.h"

#include <QFile>
#include <QtEndian>

WavAudio WavAudio::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        WavAudio audio;
        audio.error = file.errorString();
        return audio;
    }
    return parse(file.readAll());
}

WavAudio WavAudio::parse(const QByteArray& bytes)
{
    WavAudio audio;
    if (bytes.size() < 12 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE") {
        audio.error = QStringLiteral("not a RIFF/WAVE file");
        return audio;
    }
    qsizetype at = 12;
    bool haveFormat = false;
    while (at + 8 <= bytes.size()) {
        const QByteArray id = bytes.mid(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(bytes.constData() + at + 4);
        const qsizetype body = at + 8;
        if (id == "fmt " && body + 16 <= bytes.size()) {
            const char* fmt = bytes.constData() + body;
            if (qFromLittleEndian<quint16>(fmt) != 1) {
                audio.error = QStringLiteral("not PCM");
                return audio;
            }
            audio.channels = qFromLittleEndian<quint16>(fmt + 2);
            audio.sampleRate = int(qFromLittleEndian<quint32>(fmt + 4));
            audio.bitsPerSample = qFromLittleEndian<quint16>(fmt + 14);
            haveFormat = true;
        } else if (id == "data") {
            const qsizetype available = bytes.size() - body;
            const qsizetype length = (size == 0 || size > quint32(available)) ? available : qsizetype(size);
            audio.data = bytes.mid(body, length);
            break;
        }
        at = body + qsizetype(size) + (size & 1);
    }
    if (!haveFormat)
        audio.error = QStringLiteral("no fmt chunk");
    else if (audio.channels <= 0 || audio.sampleRate <= 0 || audio.bitsPerSample != 16)
        audio.error = QStringLiteral("unsupported format");
    return audio;
}
