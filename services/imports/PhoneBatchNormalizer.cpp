#include "services/imports/PhoneBatchNormalizer.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

#include <optional>

PhoneBatchNormalizer::PhoneBatchNormalizer(const QString& region)
    : m_normalizer(region)
{
}

QString PhoneBatchNormalizer::cacheKey(const QString& raw)
{
    // libphonenumber ignores the separators, so "(415) 555-2671", "415.555.2671" and "415 555 2671" are one number
    // to it; anything else keeps its own key.
    const QString digits = raw.size() <= 64 ? PhoneNormalizer::plainDigits(raw) : QString();
    return digits.isEmpty() ? raw : digits;
}

PhoneNormalizer::Result PhoneBatchNormalizer::lookup(const QString& raw)
{
    const QString key = cacheKey(raw);
    std::optional<PhoneNormalizer::Result> cached;
    {
        const QReadLocker reader(&m_lock);
        const auto it = m_cache.constFind(key);
        if (it != m_cache.cend())
            cached = it.value();
    }
    // Error messages quote what was typed: only a success can be shared between spellings.
    if (cached && (cached->ok() || key == raw))
        return *cached;
    const PhoneNormalizer::Result result = m_normalizer.normalize(raw);
    if (!result.ok() && key != raw)
        return result;
    const QWriteLocker writer(&m_lock);
    if (m_cache.size() < 500000)
        m_cache.insert(key, result);
    return result;
}

void PhoneBatchNormalizer::normalize(QList<ImportedRow>& rows)
{
    const auto normalizeRow = [this](ImportedRow& row) {
        if (row.phoneInput.isEmpty() || !row.error.isEmpty())
            return;
        const PhoneNormalizer::Result result = lookup(row.phoneInput);
        row.lead.phoneRaw = row.phoneInput;
        if (result.ok())
            row.lead.phone = result.e164;
        else
            row.warnings.append(tr("Phone: %1 It was kept as typed.").arg(result.error));
    };
    // The import's writer keeps one core busy and the batch being prepared another: only cores beyond those two
    // normalise in parallel. On two cores a parallel map would take the writer's core, and the writer is the
    // import's slowest stage.
    if (QThread::idealThreadCount() > 2)
        QtConcurrent::blockingMap(rows, normalizeRow);
    else
        std::for_each(rows.begin(), rows.end(), normalizeRow);
}
