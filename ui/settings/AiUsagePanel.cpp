#include "ui/settings/AiUsagePanel.h"

#include "services/providers/AiConfiguration.h"
#include "services/providers/AiGateway.h"
#include "ui/settings/AiFeatureUsageModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

AiUsagePanel::AiUsagePanel(AiConfiguration* configuration, AiGateway* gateway, QWidget* parent)
    : QWidget(parent)
    , m_configuration(configuration)
    , m_model(new AiFeatureUsageModel([configuration](qint64 micros) { return configuration->formatMoney(micros); },
          this))
    , m_orgLabel(new QLabel(this))
    , m_orgBar(new QProgressBar(this))
    , m_myLabel(new QLabel(this))
    , m_myBar(new QProgressBar(this))
    , m_table(new QTableView(this))
    , m_emptyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("aiUsagePanel"));
    m_orgLabel->setObjectName(QStringLiteral("aiOrgSpendLabel"));
    m_orgBar->setObjectName(QStringLiteral("aiOrgBudgetBar"));
    m_myLabel->setObjectName(QStringLiteral("aiMySpendLabel"));
    m_myBar->setObjectName(QStringLiteral("aiMyBudgetBar"));
    m_table->setObjectName(QStringLiteral("aiUsageTable"));
    m_emptyLabel->setObjectName(QStringLiteral("aiUsageEmptyText"));
    m_emptyLabel->setWordWrap(true);
    for (QProgressBar* bar : { m_orgBar, m_myBar }) {
        bar->setRange(0, 1000);
        bar->setTextVisible(false);
        bar->setMaximumHeight(8);
    }

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(AiFeatureUsageModel::RawValueRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AiFeatureUsageModel::Cost, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AiFeatureUsageModel::Feature, QHeaderView::Stretch);
    m_table->setMinimumHeight(120);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_orgLabel);
    layout->addWidget(m_orgBar);
    layout->addWidget(m_myLabel);
    layout->addWidget(m_myBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_emptyLabel);

    connect(gateway, &AiGateway::usageRecorded, this, &AiUsagePanel::reload);
    connect(configuration, &AiConfiguration::changed, this, &AiUsagePanel::reload);
}

void AiUsagePanel::reload()
{
    m_configuration->monthUsage(this, [this](const AiMonthUsage& usage) { display(usage); });
}

void AiUsagePanel::display(const AiMonthUsage& usage)
{
    m_model->setRows(usage.features);
    m_table->setVisible(!usage.features.isEmpty());
    m_emptyLabel->setText(usage.error.isEmpty()
            ? tr("No AI calls this month yet. Calls made by AI features appear here with their tokens and estimated "
                 "cost.")
            : tr("This month’s usage could not be read: %1").arg(usage.error));
    m_emptyLabel->setVisible(usage.features.isEmpty() || !usage.error.isEmpty());
    showSpend(m_orgLabel, m_orgBar, tr("Whole workspace"), usage.totals.orgMicros, usage.orgBudgetMicros);
    showSpend(m_myLabel, m_myBar, tr("You"), usage.totals.userMicros, usage.myBudgetMicros);
    emit reloaded();
}

void AiUsagePanel::showSpend(
    QLabel* label, QProgressBar* bar, const QString& who, qint64 spent, const std::optional<qint64>& budget)
{
    const QString spentText = m_configuration->formatMoney(spent);
    if (!budget) {
        label->setText(tr("%1: %2 spent this month, no budget set.").arg(who, spentText));
        bar->hide();
        return;
    }
    const qint64 limit = *budget;
    const double share = limit > 0 ? double(spent) / double(limit) : 1.0;
    label->setText(tr("%1: %2 of %3 spent this month (%4%).")
                       .arg(who, spentText, m_configuration->formatMoney(limit))
                       .arg(QLocale().toString(share * 100.0, 'f', 0)));
    bar->setValue(int(std::min(share, 1.0) * 1000));
    bar->setToolTip(label->text());
    bar->show();
}
