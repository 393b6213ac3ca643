#include "models/Ids.h"

#include <QRandomGenerator>
#include <QUuid>

namespace Ids {

QString newId()
{
    const quint64 ms = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<char>((ms >> (40 - 8 * i)) & 0xff);
    QRandomGenerator* random = QRandomGenerator::global();
    for (int i = 6; i < 16; ++i)
        bytes[i] = static_cast<char>(random->bounded(256));
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x70); // version 7
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
