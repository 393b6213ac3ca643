#include "models/RelativeTime.h"

QString RelativeTime::since(const QDateTime& time, const QDateTime& now)
{
    if (!time.isValid())
        return tr("never");
    const qint64 seconds = time.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", nullptr, static_cast<int>(seconds / 3600));
    const qint64 days = seconds / 86400;
    if (days < 30)
        return tr("%n d ago", nullptr, static_cast<int>(days));
    if (days < 365)
        return tr("%n mo ago", nullptr, static_cast<int>(days / 30));
    return tr("%n y ago", nullptr, static_cast<int>(days / 365));
}
