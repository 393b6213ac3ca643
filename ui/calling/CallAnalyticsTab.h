#pragma once

#include <QWidget>

class CallService;
class DailyCallsChart;
class QComboBox;
class QLabel;
class QTimer;
struct CallStats;

// Analytics: totals, today, booked, follow-up, not interested, no answer, average duration and conversion rate, with
// a chart of calls per day. Refreshes when calls change.
class CallAnalyticsTab : public QWidget
{
    Q_OBJECT

public:
    explicit CallAnalyticsTab(CallService* calls, QWidget* parent = nullptr);

    void reload();
    QString figure(const QString& name) const;

signals:
    void loaded();

private:
    void show(const CallStats& stats);

    CallService* m_calls;
    QComboBox* m_period;
    DailyCallsChart* m_chart;
    QHash<QString, QLabel*> m_figures;
    QLabel* m_empty;
    QTimer* m_reloadSoon;
};
