#include "services/imports/PhoneBatchNormalizer.h"

#include <QtConcurrent/QtConcurrentMap>

PhoneBatchNormalizer::PhoneBatchNormalizer(const QString& region)
    : m_normalizer(region)
{
}

PhoneNormalizer::Result PhoneBatchNormalizer::lookup(const QString& raw)
{
    {
        const QReadLocker reader(&m_lock);
        const auto it = m_cache.constFind(raw);
        if (it != m_cache.cend())
            return it.value();
    }
    const PhoneNormalizer::Result result = m_normalizer.normalize(raw);
    const QWriteLocker writer(&m_lock);
    if (m_cache.size() < 500000)
        m_cache.insert(raw, result);
    return result;
}

void PhoneBatchNormalizer::normalize(QList<ImportedRow>& rows)
{
    QtConcurrent::blockingMap(rows, [this](ImportedRow& row) {
        if (row.phoneInput.isEmpty() || !row.error.isEmpty())
            return;
        const PhoneNormalizer::Result result = lookup(row.phoneInput);
        row.lead.phoneRaw = row.phoneInput;
        if (result.ok())
            row.lead.phone = result.e164;
        else
            row.warnings.append(tr("Phone: %1 It was kept as typed.").arg(result.error));
    });
}
