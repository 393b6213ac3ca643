#include "services/providers/HttpRetry.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>

namespace HttpRetry {

int askedWaitMs(const QNetworkReply* reply, int capMs)
{
    const int cap = std::max(0, capMs);
    bool ok = false;
    const int milliseconds = reply->rawHeader("retry-after-ms").trimmed().toInt(&ok);
    if (ok && milliseconds >= 0)
        return std::min(milliseconds, cap);
    const QByteArray retryAfter = reply->rawHeader("retry-after").trimmed();
    if (retryAfter.isEmpty())
        return -1;
    const double seconds = retryAfter.toDouble(&ok);
    if (ok && seconds >= 0)
        return int(std::min<double>(seconds * 1000.0, cap));
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(retryAfter), Qt::RFC2822Date);
    if (when.isValid())
        return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, cap));
    return -1;
}

int exponentialWaitMs(int baseMs, int retries, int capMs)
{
    const qint64 exponential = qint64(std::max(1, baseMs)) << std::clamp(retries, 0, 16);
    const qint64 jitter = QRandomGenerator::global()->bounded(int(std::min<qint64>(exponential / 4, 1 << 20)) + 1);
    return int(std::min<qint64>(std::min<qint64>(exponential, 8000) + jitter, std::max(0, capMs)));
}

int waitMs(const QNetworkReply* reply, int baseMs, int retries, int capMs)
{
    const int asked = askedWaitMs(reply, capMs);
    return asked >= 0 ? asked : exponentialWaitMs(baseMs, retries, capMs);
}

QString scrubbed(QString text, const QStringList& secrets)
{
    for (const QString& secret : secrets) {
        if (secret.size() >= 4)
            text.replace(secret, QStringLiteral("***"));
    }
    return text;
}

void abandon(QNetworkReply* reply, QObject* receiver)
{
    if (!reply)
        return;
    QObject::disconnect(reply, nullptr, receiver, nullptr);
    reply->abort();
    reply->deleteLater();
}

} // namespace HttpRetry
