#include "models/Ids.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QUuid>

namespace Ids {

QString newId()
{
    // Monotonic within the process (RFC 9562 section 6.2, method 1): ids of the same millisecond carry an increasing
    // 12-bit counter in rand_a, so their text order is their creation order (timelines break time ties by id).
    static QBasicMutex mutex;
    static quint64 lastMs = 0;
    static quint32 counter = 0;
    quint64 ms = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    quint32 sequence = 0;
    {
        const QMutexLocker lock(&mutex);
        if (ms > lastMs) {
            lastMs = ms;
            counter = 0;
        } else if (++counter > 0xfff) { // counter exhausted: borrow the next millisecond
            ++lastMs;
            counter = 0;
        }
        ms = lastMs;
        sequence = counter;
    }
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<char>((ms >> (40 - 8 * i)) & 0xff);
    QRandomGenerator* random = QRandomGenerator::global();
    for (int i = 8; i < 16; ++i)
        bytes[i] = static_cast<char>(random->bounded(256));
    bytes[6] = static_cast<char>(0x70 | ((sequence >> 8) & 0x0f)); // version 7, counter high bits
    bytes[7] = static_cast<char>(sequence & 0xff);
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString toStorage(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStorage(const QString& text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

} // namespace Ids
