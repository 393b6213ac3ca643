#include "ui/leads/LeadCardDelegate.h"

#include "models/Lead.h"
#include "models/LeadListModel.h"
#include "models/Money.h"
#include "models/RelativeTime.h"
#include "ui/common/Theme.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int kMargin = 6;
constexpr int kPadding = 12;
constexpr int kCardHeight = 104;

// The deal-heat badge's colours: hot from 70 (the Neural Brain's "hot lead" line), warm from 40.
QString heatColorName(int heat)
{
    if (heat >= 70)
        return QStringLiteral("heatHot");
    if (heat >= 40)
        return QStringLiteral("heatWarm");
    return QStringLiteral("heatCool");
}

// Paints the badge right-aligned in `row` and returns its width (0 when the lead was never analysed).
qreal paintHeatBadge(QPainter* painter, const QRectF& row, const QFont& font, int heat)
{
    if (heat < 0)
        return 0;
    const Theme* theme = Theme::instance();
    const QString text = QCoreApplication::translate("LeadCardDelegate", "Heat %1").arg(heat);
    const QFontMetricsF metrics(font);
    const qreal width = metrics.horizontalAdvance(text) + 14;
    const qreal height = metrics.height() + 4;
    const QRectF badge(row.right() - width, row.center().y() - height / 2, width, height);
    QPainterPath path;
    path.addRoundedRect(badge, height / 2, height / 2);
    const QString color = heatColorName(heat);
    painter->fillPath(path, theme->color(color + QStringLiteral("Soft")));
    painter->setFont(font);
    painter->setPen(theme->color(color));
    painter->drawText(badge, Qt::AlignCenter, text);
    return width + 6;
}
} // namespace

QSize LeadCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    return { option.rect.width() > 0 ? option.rect.width() : 240, kCardHeight + 2 * kMargin };
}

void LeadCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Lead lead = index.data(LeadListModel::LeadRole).value<Lead>();
    const Theme* theme = Theme::instance();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QRectF card = QRectF(option.rect).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    QPainterPath path;
    path.addRoundedRect(card, 8, 8);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    painter->fillPath(path, theme->color(QStringLiteral("card")));
    QPen border(selected ? theme->color(QStringLiteral("accent"))
                         : (hovered ? theme->color(QStringLiteral("muted")) : theme->color(QStringLiteral("border"))));
    border.setWidthF(selected ? 2.0 : 1.0);
    painter->setPen(border);
    painter->drawPath(path);

    const QRectF content = card.adjusted(kPadding, kPadding - 2, -kPadding, -kPadding + 2);
    QFont nameFont = option.font;
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(theme->color(QStringLiteral("text")));
    const QFontMetrics nameMetrics(nameFont);
    QFont badgeFont = option.font;
    badgeFont.setPointSizeF(option.font.pointSizeF() * 0.82);
    badgeFont.setBold(true);
    const QRectF nameRow(content.left(), content.top(), content.width(), nameMetrics.height());
    const qreal badgeWidth = paintHeatBadge(painter, nameRow, badgeFont, lead.dealHeat);
    painter->setFont(nameFont);
    painter->setPen(theme->color(QStringLiteral("text")));
    const QRectF nameRect = nameRow.adjusted(0, 0, -badgeWidth, 0);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        nameMetrics.elidedText(lead.name, Qt::ElideRight, static_cast<int>(nameRect.width())));

    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(small);
    painter->setFont(small);
    painter->setPen(theme->color(QStringLiteral("muted")));
    const QString subtitle = lead.company.isEmpty() || lead.company == lead.name ? lead.contactPerson : lead.company;
    const QRectF companyRect(content.left(), nameRect.bottom() + 2, content.width(), smallMetrics.height());
    painter->drawText(companyRect, Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(subtitle, Qt::ElideRight, static_cast<int>(companyRect.width())));

    const QRectF figuresRect(content.left(), companyRect.bottom() + 6, content.width(), smallMetrics.height());
    painter->drawText(figuresRect, Qt::AlignRight | Qt::AlignVCenter, RelativeTime::since(lead.lastContactedAt));
    if (lead.valueMinor > 0) {
        QFont valueFont = small;
        valueFont.setBold(true);
        painter->setFont(valueFont);
        painter->setPen(theme->color(QStringLiteral("accent")));
        painter->drawText(figuresRect, Qt::AlignLeft | Qt::AlignVCenter, Money::format(lead.valueMinor, lead.currency));
    }

    // Tag chips, as many as fit.
    painter->setFont(small);
    qreal x = content.left();
    const qreal chipTop = figuresRect.bottom() + 6;
    const qreal chipHeight = smallMetrics.height() + 4;
    for (const QString& tag : lead.tags) {
        const qreal width = smallMetrics.horizontalAdvance(tag) + 12;
        if (x + width > content.right())
            break;
        const QRectF chip(x, chipTop, width, chipHeight);
        QPainterPath chipPath;
        chipPath.addRoundedRect(chip, chipHeight / 2, chipHeight / 2);
        painter->fillPath(chipPath, theme->color(QStringLiteral("accentSoft")));
        painter->setPen(theme->color(QStringLiteral("text")));
        painter->drawText(chip, Qt::AlignCenter, tag);
        x += width + 4;
    }
    if (option.state & QStyle::State_HasFocus && !selected) {
        QPen focus(theme->color(QStringLiteral("accent")), 1, Qt::DashLine);
        painter->setPen(focus);
        painter->drawRoundedRect(card.adjusted(2, 2, -2, -2), 6, 6);
    }
    painter->restore();
}
