#include "ui/calling/CallAnalyticsTab.h"

#include "services/calling/CallService.h"
#include "ui/calling/DailyCallsChart.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

CallAnalyticsTab::CallAnalyticsTab(CallService* calls, QWidget* parent)
    : QWidget(parent)
    , m_calls(calls)
    , m_period(new QComboBox(this))
    , m_chart(new DailyCallsChart(this))
    , m_empty(new QLabel(tr("No calls yet: figures appear once agents or you have made calls."), this))
    , m_reloadSoon(new QTimer(this))
{
    m_period->setObjectName(QStringLiteral("analyticsPeriod"));
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->setCurrentIndex(1);
    m_chart->setObjectName(QStringLiteral("analyticsChart"));
    m_empty->setObjectName(QStringLiteral("analyticsEmpty"));

    const QList<QPair<QString, QString>> names { { QStringLiteral("total"), tr("Total calls") },
        { QStringLiteral("today"), tr("Today") }, { QStringLiteral("booked"), tr("Booked") },
        { QStringLiteral("followUp"), tr("Follow-up") }, { QStringLiteral("notInterested"), tr("Not interested") },
        { QStringLiteral("noAnswer"), tr("No answer") }, { QStringLiteral("averageDuration"), tr("Average duration") },
        { QStringLiteral("conversion"), tr("Conversion rate") } };
    auto* grid = new QGridLayout;
    int index = 0;
    for (const auto& [key, label] : names) {
        auto* value = new QLabel(QStringLiteral("–"), this);
        value->setObjectName(QStringLiteral("analytics_") + key);
        QFont font = value->font();
        font.setPointSizeF(font.pointSizeF() * 1.6);
        font.setBold(true);
        value->setFont(font);
        m_figures.insert(key, value);
        grid->addWidget(new QLabel(label, this), (index / 4) * 2, index % 4);
        grid->addWidget(value, (index / 4) * 2 + 1, index % 4);
        ++index;
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_period, 0, Qt::AlignRight);
    layout->addLayout(grid);
    layout->addWidget(m_empty);
    layout->addWidget(m_chart, 1);

    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(500);
    connect(m_reloadSoon, &QTimer::timeout, this, &CallAnalyticsTab::reload);
    connect(m_calls, &CallService::callFinished, m_reloadSoon, qOverload<>(&QTimer::start));
    connect(m_calls, &CallService::callChanged, m_reloadSoon, qOverload<>(&QTimer::start));
    connect(m_period, &QComboBox::currentIndexChanged, this, &CallAnalyticsTab::reload);
    reload();
}

QString CallAnalyticsTab::figure(const QString& name) const
{
    const QLabel* label = m_figures.value(name);
    return label ? label->text() : QString();
}

void CallAnalyticsTab::reload()
{
    m_calls->stats(m_period->currentData().toInt(), this, [this](const CallStats& stats) { show(stats); });
}

void CallAnalyticsTab::show(const CallStats& stats)
{
    const QLocale locale;
    m_figures.value(QStringLiteral("total"))->setText(locale.toString(stats.total));
    m_figures.value(QStringLiteral("today"))->setText(locale.toString(stats.today));
    m_figures.value(QStringLiteral("booked"))->setText(locale.toString(stats.booked));
    m_figures.value(QStringLiteral("followUp"))->setText(locale.toString(stats.followUp));
    m_figures.value(QStringLiteral("notInterested"))->setText(locale.toString(stats.notInterested));
    m_figures.value(QStringLiteral("noAnswer"))->setText(locale.toString(stats.noAnswer));
    const int seconds = int(std::lround(stats.averageDurationSeconds));
    m_figures.value(QStringLiteral("averageDuration"))
        ->setText(QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
    m_figures.value(QStringLiteral("conversion"))
        ->setText(locale.toString(stats.conversionRate * 100.0, 'f', 1) + QStringLiteral(" %"));
    m_empty->setVisible(stats.total == 0);
    m_chart->setData(stats.perDay, stats.bookedPerDay);
    emit loaded();
}
