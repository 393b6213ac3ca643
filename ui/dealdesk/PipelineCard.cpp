#include "ui/dealdesk/PipelineCard.h"

#include "ui/common/Theme.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionFocusRect>

namespace {
constexpr int kRadius = 8;
constexpr int kPadding = 10;
} // namespace

PipelineCard::PipelineCard(const QString& caption, const QColor& accent, QWidget* parent)
    : QAbstractButton(parent)
    , m_caption(caption)
    , m_accent(accent)
{
    setCheckable(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setText(caption);
    setFigures(0, {});
}

void PipelineCard::setFigures(int count, const QString& amount)
{
    m_count = count;
    m_amount = amount;
    setAccessibleName(QStringLiteral("%1: %2 %3").arg(m_caption, QLocale().toString(count), amount));
    update();
}

QSize PipelineCard::sizeHint() const
{
    const QFontMetrics metrics(font());
    return { std::max(120, metrics.horizontalAdvance(m_caption) + 2 * kPadding + 8),
        metrics.height() * 3 + 2 * kPadding + 6 };
}

QSize PipelineCard::minimumSizeHint() const
{
    const QSize hint = sizeHint();
    return { 96, hint.height() };
}

void PipelineCard::enterEvent(QEnterEvent* event)
{
    m_hovered = true;
    update();
    QAbstractButton::enterEvent(event);
}

void PipelineCard::leaveEvent(QEvent* event)
{
    m_hovered = false;
    update();
    QAbstractButton::leaveEvent(event);
}

void PipelineCard::paintEvent(QPaintEvent*)
{
    const Theme* theme = Theme::instance();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(frame, kRadius, kRadius);
    const QColor surface = theme->color(QStringLiteral("surface")).isValid() ? theme->color(QStringLiteral("surface"))
                                                                             : palette().base().color();
    QColor border = theme->color(QStringLiteral("border")).isValid() ? theme->color(QStringLiteral("border"))
                                                                     : palette().mid().color();
    QColor fill = surface;
    if (isChecked()) {
        fill = m_accent;
        fill.setAlpha(theme->isDark() ? 60 : 28);
        border = m_accent;
    } else if (m_hovered) {
        border = m_accent;
    }
    painter.fillPath(path, fill);
    painter.setPen(QPen(border, isChecked() ? 1.6 : 1.0));
    painter.drawPath(path);

    // The accent bar on the left says which group this is at a glance.
    painter.save();
    painter.setClipPath(path);
    painter.fillRect(QRectF(frame.left(), frame.top(), 4, frame.height()), m_accent);
    painter.restore();

    const QColor text = palette().windowText().color();
    const QColor muted = theme->color(QStringLiteral("muted")).isValid() ? theme->color(QStringLiteral("muted"))
                                                                         : palette().placeholderText().color();
    const QRect inner = rect().adjusted(kPadding + 4, kPadding - 2, -kPadding, -kPadding + 2);
    QFont captionFont = font();
    captionFont.setPointSizeF(font().pointSizeF() * 0.9);
    QFont countFont = font();
    countFont.setPointSizeF(font().pointSizeF() * 1.45);
    countFont.setWeight(QFont::DemiBold);
    const QFontMetrics captionMetrics(captionFont);
    const QFontMetrics countMetrics(countFont);

    painter.setFont(captionFont);
    painter.setPen(muted);
    painter.drawText(QRect(inner.left(), inner.top(), inner.width(), captionMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, captionMetrics.elidedText(m_caption, Qt::ElideRight, inner.width()));

    const int countTop = inner.top() + captionMetrics.height() + 1;
    painter.setFont(countFont);
    painter.setPen(text);
    const QString countText = QLocale().toString(m_count);
    painter.drawText(QRect(inner.left(), countTop, inner.width(), countMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, countText);

    painter.setFont(captionFont);
    painter.setPen(muted);
    const int amountLeft = inner.left() + countMetrics.horizontalAdvance(countText) + 8;
    painter.drawText(QRect(amountLeft, countTop, inner.right() - amountLeft, countMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        captionMetrics.elidedText(m_amount, Qt::ElideRight, inner.right() - amountLeft));

    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = rect().adjusted(3, 3, -3, -3);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}
