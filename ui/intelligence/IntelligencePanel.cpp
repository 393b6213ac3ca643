#include "ui/intelligence/IntelligencePanel.h"

#include "models/RelativeTime.h"
#include "services/intelligence/IntelligenceStore.h"
#include "services/providers/AiConfiguration.h"
#include "services/providers/LlmTypes.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/Theme.h"
#include "ui/intelligence/AiProfileView.h"
#include "ui/intelligence/DealHeatGauge.h"
#include "ui/intelligence/IntelligenceText.h"

#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace {
void setInk(QLabel* label, const QString& colorName, QPalette::ColorRole fallback)
{
    QPalette palette = label->palette();
    const QColor themed = Theme::instance()->color(colorName);
    palette.setColor(QPalette::WindowText, themed.isValid() ? themed : label->palette().color(fallback));
    label->setPalette(palette);
}
} // namespace

IntelligencePanel::IntelligencePanel(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_store(session->intelligence())
    , m_notice(new QFrame(this))
    , m_noticeText(IntelligenceText::valueLabel(QStringLiteral("intelligenceAiNoticeText"), this))
    , m_openSettings(new QPushButton(tr("Open Settings → AI"), this))
    , m_gauge(new DealHeatGauge(this))
    , m_intent(IntelligenceText::valueLabel(QStringLiteral("intelligenceIntent"), this))
    , m_analysedAt(IntelligenceText::valueLabel(QStringLiteral("intelligenceAnalysedAt"), this))
    , m_analyse(new QPushButton(tr("Analyse"), this))
    , m_busy(IntelligenceText::valueLabel(QStringLiteral("intelligenceBusyLabel"), this))
    , m_error(IntelligenceText::valueLabel(QStringLiteral("intelligenceErrorLabel"), this))
    , m_empty(IntelligenceText::valueLabel(QStringLiteral("intelligenceEmptyState"), this))
    , m_details(new QWidget(this))
    , m_budget(IntelligenceText::valueLabel(QStringLiteral("intelligenceBudget"), m_details))
    , m_timeline(IntelligenceText::valueLabel(QStringLiteral("intelligenceTimeline"), m_details))
    , m_decisionMaker(IntelligenceText::valueLabel(QStringLiteral("intelligenceDecisionMaker"), m_details))
    , m_painPoints(IntelligenceText::valueLabel(QStringLiteral("intelligencePainPoints"), m_details))
    , m_insights(IntelligenceText::valueLabel(QStringLiteral("intelligenceInsights"), m_details))
    , m_risks(IntelligenceText::valueLabel(QStringLiteral("intelligenceRisks"), m_details))
    , m_nextAction(IntelligenceText::valueLabel(QStringLiteral("intelligenceNextAction"), m_details))
    , m_summary(IntelligenceText::valueLabel(QStringLiteral("intelligenceSummary"), m_details))
    , m_fieldsUsed(IntelligenceText::valueLabel(QStringLiteral("intelligenceFieldsUsed"), m_details))
    , m_profile(new AiProfileView(m_store, this))
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("IntelligencePanel"));

    m_notice->setObjectName(QStringLiteral("intelligenceAiNotice"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_openSettings->setObjectName(QStringLiteral("intelligenceOpenSettingsButton"));
    auto* noticeLayout = new QVBoxLayout(m_notice);
    noticeLayout->addWidget(m_noticeText);
    noticeLayout->addWidget(m_openSettings, 0, Qt::AlignLeft);
    connect(m_openSettings, &QPushButton::clicked, this, &IntelligencePanel::openAiSettingsRequested);

    m_analyse->setObjectName(QStringLiteral("intelligenceAnalyseButton"));
    m_analyse->setProperty("primary", true);
    connect(m_analyse, &QPushButton::clicked, this, &IntelligencePanel::analyse);
    QFont intentFont = m_intent->font();
    intentFont.setBold(true);
    m_intent->setFont(intentFont);
    m_analysedAt->setForegroundRole(QPalette::PlaceholderText);
    m_busy->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    setInk(m_error, QStringLiteral("danger"), QPalette::WindowText);

    auto* headline = new QVBoxLayout;
    headline->addWidget(m_intent);
    headline->addWidget(m_analysedAt);
    headline->addStretch();
    auto* actions = new QHBoxLayout;
    m_analyse->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    actions->addWidget(m_analyse);
    actions->addWidget(m_busy, 1);
    headline->addLayout(actions);
    auto* top = new QHBoxLayout;
    top->addWidget(m_gauge, 0, Qt::AlignTop);
    top->addLayout(headline, 1);

    auto* facts = new QFormLayout;
    facts->setRowWrapPolicy(QFormLayout::WrapLongRows);
    facts->addRow(tr("Budget"), m_budget);
    facts->addRow(tr("Timeline"), m_timeline);
    facts->addRow(tr("Decision maker"), m_decisionMaker);
    auto* detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addLayout(facts);
    const auto block = [this, detailsLayout](const QString& title, QLabel* value) {
        detailsLayout->addWidget(IntelligenceText::headingLabel(title, m_details));
        detailsLayout->addWidget(value);
    };
    block(tr("Summary"), m_summary);
    block(tr("Next best action"), m_nextAction);
    block(tr("Pain points"), m_painPoints);
    block(tr("Key insights"), m_insights);
    block(tr("Risks"), m_risks);
    m_fieldsUsed->setForegroundRole(QPalette::PlaceholderText);
    detailsLayout->addWidget(m_fieldsUsed);

    auto* separator = new QFrame(this);
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 8, 8, 8);
    contentLayout->addWidget(m_notice);
    contentLayout->addLayout(top);
    contentLayout->addWidget(m_error);
    contentLayout->addWidget(m_empty);
    contentLayout->addWidget(m_details);
    contentLayout->addSpacing(8);
    contentLayout->addWidget(separator);
    contentLayout->addWidget(m_profile);
    contentLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("intelligenceScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // everything wraps to the panel's width
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_store, &IntelligenceStore::intelligenceChanged, this, [this](const QString& leadId) {
        if (leadId == m_leadId)
            reload();
    });
    connect(m_store, &IntelligenceStore::analysisStarted, this, [this](const QString& leadId) {
        if (leadId == m_leadId)
            refreshBusy();
    });
    connect(m_store, &IntelligenceStore::analysisProgress, this, [this](const QString& leadId) {
        if (leadId == m_leadId)
            refreshBusy();
    });
    connect(m_store, &IntelligenceStore::analysisFinished, this, [this](const QString& leadId) {
        if (leadId == m_leadId)
            refreshBusy();
    });
    if (AiConfiguration* configuration = session->aiConfiguration())
        connect(configuration, &AiConfiguration::changed, this, &IntelligencePanel::refreshAiNotice);
    m_clock->setInterval(60'000);
    connect(m_clock, &QTimer::timeout, this, &IntelligencePanel::refreshAnalysedText);
    m_clock->start();

    m_error->hide();
    setLead({});
}

void IntelligencePanel::setLead(const QString& leadId)
{
    m_leadId = leadId;
    m_error->hide();
    m_error->clear();
    m_profile->setLead(leadId);
    showIntelligence(std::nullopt);
    refreshAiNotice();
    refreshBusy();
    if (!leadId.isEmpty())
        reload();
}

void IntelligencePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshAiNotice(); // settings may have changed while the tab was hidden
}

void IntelligencePanel::reload()
{
    const QString leadId = m_leadId;
    m_store->fetch(leadId, this, [this, leadId](const std::optional<LeadIntelligence>& intelligence) {
        if (leadId == m_leadId)
            showIntelligence(intelligence);
    });
}

void IntelligencePanel::analyse()
{
    if (m_leadId.isEmpty())
        return;
    refreshAiNotice();
    m_error->hide();
    const QString leadId = m_leadId;
    m_store->analyse(leadId, this, [this, leadId](const AnalysisOutcome& outcome) {
        if (leadId != m_leadId)
            return;
        refreshBusy();
        if (!outcome.ok)
            showError(outcome.message);
    });
    refreshBusy();
}

void IntelligencePanel::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    refreshAiNotice();
}

void IntelligencePanel::refreshAiNotice()
{
    const bool configured = m_store->isAiConfigured();
    m_notice->setVisible(!configured);
    if (!configured) {
        m_noticeText->setText(LlmError::make(LlmError::NotConfigured).message + QLatin1Char(' ')
            + tr("Then Analyse scores this lead’s deal heat from its own fields and history."));
    }
    m_analyse->setToolTip(configured
            ? tr("Ask the AI to read this lead’s fields, notes, timeline and proposals and score the deal")
            : tr("AI is not set up: enter the base URL and model in Settings → AI first"));
}

void IntelligencePanel::refreshBusy()
{
    const bool busy = !m_leadId.isEmpty() && m_store->isAnalysing(m_leadId);
    m_analyse->setEnabled(!m_leadId.isEmpty() && !busy);
    m_analyse->setText(busy ? tr("Analysing…") : tr("Analyse"));
    const QString step = busy ? m_store->analysisStep(m_leadId) : QString();
    m_busy->setText(step);
    m_busy->setVisible(busy);
}

void IntelligencePanel::refreshAnalysedText()
{
    if (!m_intelligence) {
        m_analysedAt->clear();
        return;
    }
    const QString model = m_intelligence->model.isEmpty() ? tr("an unknown model") : m_intelligence->model;
    m_analysedAt->setText(tr("Analysed %1 with %2").arg(RelativeTime::since(m_intelligence->analyzedAt), model));
    m_analysedAt->setToolTip(QLocale().toString(m_intelligence->analyzedAt.toLocalTime(), QLocale::LongFormat));
}

void IntelligencePanel::showIntelligence(const std::optional<LeadIntelligence>& intelligence)
{
    m_intelligence = intelligence;
    m_gauge->setHeat(intelligence ? intelligence->dealHeat : std::nullopt);
    m_details->setVisible(intelligence.has_value());
    m_empty->setVisible(!intelligence);
    m_empty->setText(m_leadId.isEmpty()
            ? tr("Open a lead to see its deal heat and what the AI makes of it.")
            : tr("Not analysed yet. Analyse reads this lead’s fields, notes, timeline and proposals (nothing from "
                 "other leads) and scores how close the deal is."));
    refreshAnalysedText();
    if (!intelligence) {
        m_intent->setText(m_leadId.isEmpty() ? QString() : tr("No analysis yet"));
        return;
    }
    const QString unknown = tr("Not known");
    m_intent->setText(tr("Buying intent: %1").arg(LeadIntelligence::intentLabel(intelligence->buyingIntent)));
    m_budget->setText(IntelligenceText::orPlaceholder(intelligence->budget, unknown));
    m_timeline->setText(IntelligenceText::orPlaceholder(intelligence->timeline, unknown));
    m_decisionMaker->setText(IntelligenceText::orPlaceholder(intelligence->decisionMaker, unknown));
    m_summary->setText(intelligence->summary);
    m_nextAction->setText(IntelligenceText::orPlaceholder(intelligence->nextBestAction, unknown));
    const QString none = tr("None found");
    m_painPoints->setText(IntelligenceText::bullets(intelligence->painPoints, none));
    m_insights->setText(IntelligenceText::bullets(intelligence->keyInsights, none));
    m_risks->setText(IntelligenceText::bullets(intelligence->risks, none));
    m_fieldsUsed->setText(intelligence->fieldsUsed.isEmpty()
            ? tr("Based on: no fields were recorded")
            : tr("Based on: %1").arg(IntelligenceText::fieldList(intelligence->fieldsUsed)));
}
