#pragma once

#include <QDate>
#include <QList>
#include <QPair>
#include <QWidget>

// A small bar chart of calls per day (booked calls drawn over them), painted with QPainter.
class DailyCallsChart : public QWidget
{
    Q_OBJECT

public:
    explicit DailyCallsChart(QWidget* parent = nullptr);

    void setData(const QList<QPair<QDate, int>>& calls, const QList<QPair<QDate, int>>& booked);
    QSize sizeHint() const override { return { 480, 200 }; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<QPair<QDate, int>> m_calls;
    QList<QPair<QDate, int>> m_booked;
};
