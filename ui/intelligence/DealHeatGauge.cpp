#include "ui/intelligence/DealHeatGauge.h"

#include "ui/common/Theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {
QColor themed(const QString& name, const QColor& fallback)
{
    const QColor color = Theme::instance()->color(name);
    return color.isValid() ? color : fallback;
}
} // namespace

DealHeatGauge::DealHeatGauge(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dealHeatGauge"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setHeat(std::nullopt);
}

void DealHeatGauge::setHeat(std::optional<int> heat)
{
    if (heat)
        heat = std::clamp(*heat, 0, 100);
    m_heat = heat;
    setAccessibleName(tr("Deal heat"));
    setAccessibleDescription(heat ? tr("%1 of 100, %2").arg(*heat).arg(bandLabel(*heat)) : tr("Not analysed yet"));
    setToolTip(heat ? tr("Deal heat %1 of 100 (%2): how close the AI thinks this deal is to closing.")
                          .arg(*heat)
                          .arg(bandLabel(*heat))
                    : tr("No deal heat yet: analyse the lead to get one."));
    update();
}

QString DealHeatGauge::bandLabel(int heat)
{
    if (heat >= 70)
        //: Deal heat band
        return tr("Hot");
    if (heat >= 40)
        //: Deal heat band
        return tr("Warm");
    //: Deal heat band
    return tr("Cool");
}

QString DealHeatGauge::colorName(int heat)
{
    if (heat >= 70)
        return QStringLiteral("heatHot");
    if (heat >= 40)
        return QStringLiteral("heatWarm");
    return QStringLiteral("heatCool");
}

QSize DealHeatGauge::sizeHint() const
{
    return { 132, 92 };
}

QSize DealHeatGauge::minimumSizeHint() const
{
    return sizeHint();
}

void DealHeatGauge::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal pen = 12;
    const qreal diameter = std::min<qreal>(width() - pen, (height() - pen / 2 - 20) * 2);
    const QRectF arc((width() - diameter) / 2, pen / 2, diameter, diameter);

    QPen track(palette().color(QPalette::Mid), pen, Qt::SolidLine, Qt::RoundCap);
    track.setColor(themed(QStringLiteral("border"), palette().color(QPalette::Mid)));
    painter.setPen(track);
    painter.drawArc(arc, 180 * 16, -180 * 16);

    QColor ink = palette().color(QPalette::WindowText);
    QString number = QStringLiteral("–");
    if (m_heat) {
        const QString name = colorName(*m_heat);
        const QColor fallback = *m_heat >= 70 ? QColor(0xdc2626) : *m_heat >= 40 ? QColor(0xb45309) : QColor(0x2563eb);
        ink = themed(name, fallback);
        QPen value(ink, pen, Qt::SolidLine, Qt::RoundCap);
        painter.setPen(value);
        if (*m_heat > 0)
            painter.drawArc(arc, 180 * 16, -int(180 * 16 * (*m_heat) / 100.0));
        number = QString::number(*m_heat);
    }

    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 2.0);
    big.setBold(true);
    painter.setFont(big);
    painter.setPen(ink);
    const QRectF numberRect(
        0, arc.center().y() - QFontMetricsF(big).height() * 0.9, width(), QFontMetricsF(big).height());
    painter.drawText(numberRect, Qt::AlignCenter, number);

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    painter.setFont(small);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QString caption = m_heat ? tr("Deal heat · %1").arg(bandLabel(*m_heat)) : tr("Deal heat");
    painter.drawText(QRectF(0, height() - 20, width(), 20), Qt::AlignCenter, caption);
}
