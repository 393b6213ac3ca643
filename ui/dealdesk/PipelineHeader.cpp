#include "ui/dealdesk/PipelineHeader.h"

#include "models/Money.h"
#include "ui/dealdesk/PipelineCard.h"
#include "ui/dealdesk/StatusChipDelegate.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>

namespace {
QColor intentColor(const QString& key)
{
    if (key == QLatin1String("critical"))
        return { 0xdc, 0x26, 0x26 };
    if (key == QLatin1String("high"))
        return { 0xea, 0x58, 0x0c };
    if (key == QLatin1String("medium"))
        return { 0xd9, 0x77, 0x06 };
    if (key == QLatin1String("low"))
        return { 0x25, 0x63, 0xeb };
    return { 0x94, 0xa3, 0xb8 };
}

QString objectKey(const QString& key)
{
    return key.isEmpty() ? QStringLiteral("none") : key;
}
} // namespace

PipelineHeader::PipelineHeader(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("PipelineHeader"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(8);

    auto* intentTitle = new QLabel(tr("Open deals by buying intent"), this);
    intentTitle->setObjectName(QStringLiteral("EmptyStateText"));
    grid->addWidget(intentTitle, 0, 0, 1, 5);
    int column = 0;
    for (const QString& key : DealPipelineSnapshot::intentKeys()) {
        auto* card = new PipelineCard(intentLabel(key), intentColor(key), this);
        card->setObjectName(QStringLiteral("intentCard_") + objectKey(key));
        connect(card, &PipelineCard::clicked, this, [this, key] { emit intentClicked(key); });
        m_intentCards.insert(key, card);
        grid->addWidget(card, 1, column++);
    }

    auto* statusTitle = new QLabel(tr("Proposals by status"), this);
    statusTitle->setObjectName(QStringLiteral("EmptyStateText"));
    grid->addWidget(statusTitle, 2, 0, 1, 5);
    column = 0;
    for (Proposal::Status status : Proposal::allStatuses()) {
        auto* card = new PipelineCard(Proposal::statusLabel(status), StatusChipDelegate::colors(status).text, this);
        card->setObjectName(QStringLiteral("statusCard_") + Proposal::statusKey(status));
        connect(card, &PipelineCard::clicked, this, [this, status] { emit statusClicked(status); });
        m_statusCards.insert(status, card);
        grid->addWidget(card, 3, column++);
    }
    for (int i = 0; i < 5; ++i)
        grid->setColumnStretch(i, 1);
}

QString PipelineHeader::intentLabel(const QString& key)
{
    if (key == QLatin1String("critical"))
        return tr("Critical intent");
    if (key == QLatin1String("high"))
        return tr("High intent");
    if (key == QLatin1String("medium"))
        return tr("Medium intent");
    if (key == QLatin1String("low"))
        return tr("Low intent");
    return tr("Not analysed");
}

QString PipelineHeader::amountText(const QMap<QString, qint64>& totals)
{
    QStringList parts;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        parts.append(Money::format(it.value(), it.key()));
    return parts.join(QStringLiteral(" + "));
}

void PipelineHeader::setSnapshot(const DealPipelineSnapshot& snapshot)
{
    for (const PipelineGroup& group : snapshot.intents) {
        if (PipelineCard* card = m_intentCards.value(group.key)) {
            card->setFigures(group.count, amountText(group.totals));
            QString tip = group.key.isEmpty()
                ? tr("%n open deal(s) not analysed yet.", nullptr, group.count)
                : tr("%n open deal(s) with %1.", nullptr, group.count).arg(intentLabel(group.key).toLower());
            if (!group.totals.isEmpty())
                tip += QLatin1Char(' ') + tr("Worth %1.").arg(amountText(group.totals));
            card->setToolTip(tip + QLatin1Char(' ') + tr("Click to show their proposals."));
        }
    }
    for (const PipelineGroup& group : snapshot.statuses) {
        const std::optional<Proposal::Status> status = Proposal::statusFromKey(group.key);
        if (PipelineCard* card = status ? m_statusCards.value(*status) : nullptr) {
            card->setFigures(group.count, amountText(group.totals));
            card->setToolTip(tr("%n proposal(s) %1. Click to show only these.", nullptr, group.count)
                                 .arg(Proposal::statusLabel(*status).toLower()));
        }
    }
}

void PipelineHeader::setActive(const std::optional<QString>& intent, const std::optional<Proposal::Status>& status)
{
    for (auto it = m_intentCards.cbegin(); it != m_intentCards.cend(); ++it)
        it.value()->setChecked(intent && *intent == it.key());
    for (auto it = m_statusCards.cbegin(); it != m_statusCards.cend(); ++it)
        it.value()->setChecked(status && *status == it.key());
}
