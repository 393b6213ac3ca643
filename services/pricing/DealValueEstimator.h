#pragma once

#include "models/pricing/ServiceOffering.h"

#include <QList>
#include <QString>
#include <QStringList>

// What the price list says a text (notes, activities, call transcripts) is worth.
struct DealValueEstimate {
    qint64 valueMinor = 0; // sum of the prices of matchedServices, in currency
    QString currency;
    QStringList matchedServices; // service names, in catalog order, each once
    QStringList matchedKeywords; // the catalog's keywords that were found, each once
    QStringList otherCurrencyServices; // matched, but priced in another currency: not in valueMinor
    bool overflow = false; // the sum exceeded qint64; valueMinor is then the largest value

    // True when at least one service in the estimate's currency matched (its price may be 0).
    bool matched() const;
};

// Finds the catalog's keywords in a text and adds up the matched services' prices.
// A keyword matches whole words only ("app" does not match "happy"); a phrase matches the same words in order
// with any whitespace or punctuation between them; case and diacritics are ignored (see KeywordText). Inactive and
// deleted services are skipped; each service counts once however many of its keywords appear.
// Prices in a currency other than the estimate's are not converted (no exchange rates are kept): such services are
// listed in otherCurrencyServices and left out of the value.
class DealValueEstimator
{
public:
    // The estimate's currency is the one most active services use (the first one listed on a tie).
    static DealValueEstimate estimate(const QString& text, const QList<ServiceOffering>& services);
    // The estimate is in `currency` (the lead's or the org's), compared case-insensitively.
    static DealValueEstimate estimate(
        const QString& text, const QList<ServiceOffering>& services, const QString& currency);
    static QString dominantCurrency(const QList<ServiceOffering>& services);
};
