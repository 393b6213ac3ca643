#include "services/providers/AiPriceTable.h"

AiPriceTable AiPriceTable::defaults()
{
    // Public list prices in USD per 1M tokens, used as an estimate in the workspace currency.
    AiPriceTable table;
    table.setPrice(QStringLiteral("gpt-4o-mini"), { 150'000, 600'000 });
    table.setPrice(QStringLiteral("gpt-4o"), { 2'500'000, 10'000'000 });
    table.setPrice(QStringLiteral("gpt-4.1-mini"), { 400'000, 1'600'000 });
    table.setPrice(QStringLiteral("gpt-4.1-nano"), { 100'000, 400'000 });
    table.setPrice(QStringLiteral("gpt-4.1"), { 2'000'000, 8'000'000 });
    return table;
}

void AiPriceTable::setPrice(const QString& model, ModelPrice price)
{
    m_prices.insert(model.trimmed().toLower(), price);
}

std::optional<ModelPrice> AiPriceTable::price(const QString& model) const
{
    const QString key = model.trimmed().toLower();
    if (const auto it = m_prices.constFind(key); it != m_prices.constEnd())
        return *it;
    qsizetype bestLength = 0;
    std::optional<ModelPrice> best;
    for (auto it = m_prices.constBegin(); it != m_prices.constEnd(); ++it) {
        const qsizetype length = it.key().size();
        const bool datedVariant = key.startsWith(it.key() + QLatin1Char('-')) && key.size() > length + 1
            && key.at(length + 1).isDigit();
        if (length > bestLength && datedVariant) {
            bestLength = length;
            best = *it;
        }
    }
    return best;
}

qint64 AiPriceTable::estimateMicros(const QString& model, int inputTokens, int outputTokens) const
{
    const std::optional<ModelPrice> known = price(model);
    if (!known)
        return 0;
    const qint64 total = qint64(inputTokens) * known->inputMicrosPerMillion
        + qint64(outputTokens) * known->outputMicrosPerMillion;
    return (total + 999'999) / 1'000'000; // round up: a budget should not be exceeded by rounding
}
