#pragma once

#include "services/dealdesk/DealPipeline.h"

#include <QHash>
#include <QMap>
#include <QWidget>

#include <optional>

class PipelineCard;

// The top of the Deal Desk: open deals by buying intent and proposals by status, each a card with count and value.
// Clicking a card asks the view to filter the list; the view says which cards are active.
class PipelineHeader : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineHeader(QWidget* parent = nullptr);

    void setSnapshot(const DealPipelineSnapshot& snapshot);
    void setActive(const std::optional<QString>& intent, const std::optional<Proposal::Status>& status);

    PipelineCard* intentCard(const QString& key) const { return m_intentCards.value(key); }
    PipelineCard* statusCard(Proposal::Status status) const { return m_statusCards.value(status); }

    // "High intent", "Not analysed", …
    static QString intentLabel(const QString& key);
    // "€12,500 + $800": one amount per currency, never added across currencies.
    static QString amountText(const QMap<QString, qint64>& totals);

signals:
    void intentClicked(const QString& key);
    void statusClicked(Proposal::Status status);

private:
    QHash<QString, PipelineCard*> m_intentCards;
    QMap<Proposal::Status, PipelineCard*> m_statusCards;
};
