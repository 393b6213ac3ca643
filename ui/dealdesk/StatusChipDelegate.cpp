#include "ui/dealdesk/StatusChipDelegate.h"

#include "ui/common/Theme.h"
#include "ui/dealdesk/ProposalListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <optional>

namespace {
constexpr int kPaddingX = 10;
constexpr int kChipHeight = 20;
} // namespace

StatusChipDelegate::Colors StatusChipDelegate::colors(Proposal::Status status)
{
    const bool dark = Theme::instance()->isDark();
    switch (status) {
    case Proposal::Status::Draft:
        return dark ? Colors { QColor(0xcb, 0xd5, 0xe1), QColor(0x33, 0x41, 0x55) }
                    : Colors { QColor(0x47, 0x55, 0x69), QColor(0xe2, 0xe8, 0xf0) };
    case Proposal::Status::Sent:
        return dark ? Colors { QColor(0x93, 0xc5, 0xfd), QColor(0x17, 0x25, 0x54) }
                    : Colors { QColor(0x1d, 0x4e, 0xd8), QColor(0xdb, 0xea, 0xfe) };
    case Proposal::Status::Accepted:
        return dark ? Colors { QColor(0x86, 0xef, 0xac), QColor(0x05, 0x2e, 0x16) }
                    : Colors { QColor(0x15, 0x80, 0x3d), QColor(0xdc, 0xfc, 0xe7) };
    case Proposal::Status::Rejected:
        return dark ? Colors { QColor(0xfc, 0xa5, 0xa5), QColor(0x45, 0x0a, 0x0a) }
                    : Colors { QColor(0xb9, 0x1c, 0x1c), QColor(0xfe, 0xe2, 0xe2) };
    }
    return {};
}

QString StatusChipDelegate::labelStyleSheet(Proposal::Status status)
{
    const Colors chip = colors(status);
    return QStringLiteral("QLabel { color: %1; background: %2; border-radius: 10px; padding: 2px 12px; "
                          "font-weight: 600; }")
        .arg(chip.text.name(), chip.background.name());
}

void StatusChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    const QString text = base.text;
    base.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const std::optional<Proposal::Status> status
        = Proposal::statusFromKey(index.data(ProposalListModel::StatusRole).toString());
    if (!status || text.isEmpty())
        return;
    const Colors chip = colors(*status);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 2 * kPaddingX;
    const QRect rect(option.rect.left() + 6, option.rect.center().y() - kChipHeight / 2 + 1,
        std::min(width, option.rect.width() - 12), kChipHeight);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(rect, kChipHeight / 2.0, kChipHeight / 2.0);
    painter->fillPath(path, chip.background);
    painter->setPen(chip.text);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, rect.width() - 8));
    painter->restore();
}

QSize StatusChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 2 * kPaddingX + 12);
    size.setHeight(std::max(size.height(), kChipHeight + 8));
    return size;
}
