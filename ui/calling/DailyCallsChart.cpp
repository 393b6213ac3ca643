#include "ui/calling/DailyCallsChart.h"

#include <QLocale>
#include <QPainter>

DailyCallsChart::DailyCallsChart(QWidget* parent)
    : QWidget(parent)
{
    setMinimumHeight(160);
    setAccessibleName(tr("Calls per day"));
}

void DailyCallsChart::setData(const QList<QPair<QDate, int>>& calls, const QList<QPair<QDate, int>>& booked)
{
    m_calls = calls;
    m_booked = booked;
    update();
}

void DailyCallsChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect area = rect().adjusted(8, 8, -8, -24);
    if (m_calls.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No calls in this period."));
        return;
    }
    int peak = 1;
    for (const auto& [day, count] : m_calls)
        peak = std::max(peak, count);
    const double slot = double(area.width()) / m_calls.size();
    const QColor callsColor = palette().color(QPalette::Highlight);
    const QColor bookedColor(46, 160, 67);
    const int labelEvery = std::max(1, int(m_calls.size() / 7));
    for (int i = 0; i < m_calls.size(); ++i) {
        const int count = m_calls.at(i).second;
        const int booked = i < m_booked.size() ? m_booked.at(i).second : 0;
        const double x = area.left() + i * slot + slot * 0.15;
        const double width = slot * 0.7;
        const double height = double(area.height()) * count / peak;
        painter.fillRect(QRectF(x, area.bottom() - height, width, height), callsColor);
        const double bookedHeight = double(area.height()) * booked / peak;
        painter.fillRect(QRectF(x, area.bottom() - bookedHeight, width, bookedHeight), bookedColor);
        if (i % labelEvery == 0)
            painter.drawText(QRectF(x - slot, area.bottom() + 4, width + 2 * slot, 16), Qt::AlignHCenter,
                QLocale().toString(m_calls.at(i).first, QStringLiteral("d MMM")));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
}
