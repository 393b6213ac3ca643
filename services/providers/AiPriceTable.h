#pragma once

#include <QHash>
#include <QString>

#include <optional>

// What a model costs per one million tokens, in millionths of the currency unit (so 150000 = 0.15 per 1M tokens).
struct ModelPrice
{
    qint64 inputMicrosPerMillion = 0;
    qint64 outputMicrosPerMillion = 0;
};

// Estimated prices per model. Dated variants ("gpt-4o-mini-2024-07-18") cost what their base model costs; models
// not in the table (local Ollama or llama.cpp models) cost nothing.
class AiPriceTable
{
public:
    static AiPriceTable defaults();

    void setPrice(const QString& model, ModelPrice price);
    std::optional<ModelPrice> price(const QString& model) const;
    bool isKnown(const QString& model) const { return price(model).has_value(); }
    qint64 estimateMicros(const QString& model, int inputTokens, int outputTokens) const;

private:
    QHash<QString, ModelPrice> m_prices;
};
