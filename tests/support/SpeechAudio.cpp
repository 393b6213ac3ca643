#include "tests/support/SpeechAudio.h"

#include "services/calling/WavReader.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>

#include <cmath>

namespace HubTest {

QByteArray SpeechAudio::synthesize(const QString& text, int sampleRate, QString* error)
{
    const QString espeak = QStandardPaths::findExecutable(QStringLiteral("espeak-ng"));
    if (espeak.isEmpty()) {
        *error = QStringLiteral("espeak-ng is not installed (scripts/bootstrap installs it)");
        return {};
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("speech.wav"));
    QProcess process;
    process.start(espeak, { QStringLiteral("-w"), path, text });
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("espeak-ng failed: %1").arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return {};
    }
    const WavAudio audio = WavAudio::read(path);
    if (!audio.ok() || audio.channels != 1) {
        *error = QStringLiteral("espeak-ng wrote an unexpected file: %1").arg(audio.error);
        return {};
    }
    return resample(audio.data, audio.sampleRate, sampleRate);
}

QByteArray SpeechAudio::resample(const QByteArray& pcm, int fromRate, int toRate)
{
    const qsizetype inCount = pcm.size() / 2;
    if (inCount == 0 || fromRate <= 0 || toRate <= 0)
        return {};
    const qsizetype outCount = qsizetype(std::llround(double(inCount) * toRate / fromRate));
    QByteArray out(outCount * 2, Qt::Uninitialized);
    const char* in = pcm.constData();
    for (qsizetype i = 0; i < outCount; ++i) {
        const double position = double(i) * fromRate / toRate;
        const qsizetype index = std::min<qsizetype>(qsizetype(position), inCount - 1);
        const qsizetype next = std::min<qsizetype>(index + 1, inCount - 1);
        const double fraction = position - double(index);
        const double a = qFromLittleEndian<qint16>(in + index * 2);
        const double b = qFromLittleEndian<qint16>(in + next * 2);
        qToLittleEndian(qint16(std::lround(a + (b - a) * fraction)), out.data() + i * 2);
    }
    return out;
}

QByteArray SpeechAudio::interleave(const QByteArray& left, const QByteArray& right)
{
    const qsizetype frames = std::max(left.size(), right.size()) / 2;
    QByteArray out(frames * 4, '\0');
    for (qsizetype i = 0; i < frames; ++i) {
        if (i * 2 + 1 < left.size())
            memcpy(out.data() + i * 4, left.constData() + i * 2, 2);
        if (i * 2 + 1 < right.size())
            memcpy(out.data() + i * 4 + 2, right.constData() + i * 2, 2);
    }
    return out;
}

} // namespace HubTest
