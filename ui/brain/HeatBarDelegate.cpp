#include "ui/brain/HeatBarDelegate.h"

#include "ui/common/Theme.h"

#include <QApplication>
#include <QPainter>

namespace {
QString band(int heat)
{
    if (heat >= 70)
        return QStringLiteral("heatHot");
    if (heat >= 40)
        return QStringLiteral("heatWarm");
    return QStringLiteral("heatCool");
}
} // namespace

HeatBarDelegate::HeatBarDelegate(int heatRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_heatRole(heatRole)
{ }

void HeatBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int heat = index.data(m_heatRole).toInt();
    if (heat < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QRect area = option.rect.adjusted(6, 0, -6, 0);
    const int numberWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("100")) + 6;
    const int barHeight = std::max(6, option.rect.height() / 4);
    QRect track(area.left(), area.center().y() - barHeight / 2, std::max(10, area.width() - numberWidth), barHeight);
    QColor color = Theme::instance()->color(band(heat));
    if (!color.isValid())
        color = option.palette.color(QPalette::Highlight);
    QColor trackColor = option.palette.color(QPalette::Mid);
    trackColor.setAlpha(70);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, barHeight / 2.0, barHeight / 2.0);
    QRect filled = track;
    filled.setWidth(std::max(barHeight, track.width() * std::clamp(heat, 0, 100) / 100));
    painter->setBrush(color);
    painter->drawRoundedRect(filled, barHeight / 2.0, barHeight / 2.0);
    painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                          : option.palette.color(QPalette::Text));
    painter->drawText(QRect(track.right() + 6, area.top(), numberWidth, area.height()),
        Qt::AlignRight | Qt::AlignVCenter, QString::number(heat));
    painter->restore();
}

QSize HeatBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 140));
    return size;
}
