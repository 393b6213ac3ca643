#pragma once

#include "services/imports/ImportedRow.h"
#include "services/phone/PhoneNormalizer.h"

#include <QHash>
#include <QReadWriteLock>

// libphonenumber costs ~35 µs a number: normalise a batch on the spare cores and never the same text twice.
class PhoneBatchNormalizer
{
    Q_DECLARE_TR_FUNCTIONS(PhoneBatchNormalizer)

public:
    explicit PhoneBatchNormalizer(const QString& region);
    void normalize(QList<ImportedRow>& rows);
    // What a number is cached under: the same for spellings libphonenumber reads as one number.
    static QString cacheKey(const QString& raw);

private:
    PhoneNormalizer::Result lookup(const QString& raw);

    PhoneNormalizer m_normalizer;
    QHash<QString, PhoneNormalizer::Result> m_cache;
    QReadWriteLock m_lock;
};
