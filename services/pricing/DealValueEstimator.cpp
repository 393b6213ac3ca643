#include "services/pricing/DealValueEstimator.h"

#include "services/pricing/KeywordText.h"

#include <QHash>

#include <limits>

namespace {
bool usable(const ServiceOffering& service)
{
    return service.active && !service.deleted;
}

// The positions of each word in the text, so a phrase is looked up by its first word.
class WordIndex
{
public:
    explicit WordIndex(const QString& text)
        : m_words(KeywordText::words(text))
    {
        for (qsizetype i = 0; i < m_words.size(); ++i)
            m_positions[m_words.at(i)].append(i);
    }

    bool contains(const QStringList& phrase) const
    {
        if (phrase.isEmpty())
            return false;
        const auto found = m_positions.constFind(phrase.first());
        if (found == m_positions.cend())
            return false;
        for (const qsizetype start : *found) {
            if (start + phrase.size() > m_words.size())
                break;
            bool all = true;
            for (qsizetype k = 1; k < phrase.size() && all; ++k)
                all = m_words.at(start + k) == phrase.at(k);
            if (all)
                return true;
        }
        return false;
    }

private:
    QStringList m_words;
    QHash<QString, QList<qsizetype>> m_positions;
};
} // namespace

bool DealValueEstimate::matched() const
{
    return !matchedServices.isEmpty();
}

QString DealValueEstimator::dominantCurrency(const QList<ServiceOffering>& services)
{
    QHash<QString, int> counts;
    QString best;
    int bestCount = 0;
    for (const ServiceOffering& service : services) {
        if (!usable(service) || service.currency.trimmed().isEmpty())
            continue;
        const QString currency = service.currency.trimmed().toUpper();
        const int count = ++counts[currency];
        if (count > bestCount) {
            best = currency;
            bestCount = count;
        }
    }
    return best;
}

DealValueEstimate DealValueEstimator::estimate(const QString& text, const QList<ServiceOffering>& services)
{
    return estimate(text, services, dominantCurrency(services));
}

DealValueEstimate DealValueEstimator::estimate(
    const QString& text, const QList<ServiceOffering>& services, const QString& currency)
{
    DealValueEstimate result;
    result.currency = currency.trimmed().toUpper();
    if (text.trimmed().isEmpty())
        return result;

    const WordIndex index(text);
    for (const ServiceOffering& service : services) {
        if (!usable(service))
            continue;
        QStringList found;
        for (const QString& keyword : service.keywords) {
            if (index.contains(KeywordText::words(keyword)))
                found.append(keyword.simplified());
        }
        if (found.isEmpty())
            continue;
        if (service.currency.trimmed().toUpper() != result.currency) {
            result.otherCurrencyServices.append(service.name);
            continue;
        }
        result.matchedServices.append(service.name);
        for (const QString& keyword : std::as_const(found)) {
            if (!result.matchedKeywords.contains(keyword, Qt::CaseInsensitive))
                result.matchedKeywords.append(keyword);
        }
        qint64 sum = 0;
        if (qAddOverflow(result.valueMinor, std::max<qint64>(service.priceMinor, 0), &sum)) {
            result.overflow = true;
            sum = std::numeric_limits<qint64>::max();
        }
        result.valueMinor = sum;
    }
    return result;
}
