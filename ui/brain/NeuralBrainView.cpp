#include "ui/brain/NeuralBrainView.h"

#include "services/brain/BrainInsightsService.h"
#include "services/settings/AppSettings.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/brain/BrainLeadTableModel.h"
#include "ui/brain/BrainSuggestionModel.h"
#include "ui/brain/HeatBarDelegate.h"
#include "ui/common/EmptyStatePage.h"
#include "ui/pricing/ServicesCatalogDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
void addEnterShortcut(QAbstractItemView* view, const std::function<void()>& open)
{
    for (const QKeySequence& key : { QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) }) {
        auto* shortcut = new QShortcut(key, view);
        shortcut->setContext(Qt::WidgetShortcut);
        QObject::connect(shortcut, &QShortcut::activated, view, open);
    }
}
} // namespace

NeuralBrainView::NeuralBrainView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_undoStack(undoStack)
    , m_service(new BrainInsightsService(session->executor(), session->bus(), session->serviceCatalog(), this))
    , m_leaderboardModel(new BrainLeadTableModel(this))
    , m_hotModel(new BrainLeadTableModel(this))
    , m_stalledModel(new BrainLeadTableModel(this))
    , m_suggestionModel(new BrainSuggestionModel(this))
{
    setObjectName(QStringLiteral("NeuralBrainView"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildContent());
    m_pages->addWidget(buildEmptyState());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(buildHeader());
    layout->addWidget(m_pages, 1);

    auto* refreshKey = new QShortcut(QKeySequence::Refresh, this);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshKey, &QShortcut::activated, this, &NeuralBrainView::refresh);
    connect(m_service, &BrainInsightsService::insightsReady, this, &NeuralBrainView::apply);
    connect(m_service, &BrainInsightsService::loadingChanged, this,
        [this](bool loading) { m_status->setText(loading ? tr("Updating…") : QString()); });
}

QWidget* NeuralBrainView::buildHeader()
{
    auto* header = new QWidget(this);
    auto* title = new QLabel(tr("Neural Brain"), header);
    title->setObjectName(QStringLiteral("EmptyStateTitle"));
    m_summary = new QLabel(header);
    m_summary->setObjectName(QStringLiteral("brainSummary"));
    m_status = new QLabel(tr("Loading…"), header);
    m_status->setObjectName(QStringLiteral("EmptyStateText"));

    auto* stalledLabel = new QLabel(tr("Stalled after"), header);
    m_stalledDays = new QSpinBox(header);
    m_stalledDays->setObjectName(QStringLiteral("stalledDaysSpin"));
    m_stalledDays->setRange(1, 365);
    m_stalledDays->setSuffix(tr(" days without contact"));
    m_stalledDays->setValue(AppSettings::brainStalledDays());
    m_stalledDays->setToolTip(tr("An open lead with no contact for this many days counts as a stalled deal"));
    stalledLabel->setBuddy(m_stalledDays);
    connect(m_stalledDays, &QSpinBox::valueChanged, this, [this](int days) {
        AppSettings::setBrainStalledDays(days);
        m_service->setStalledDays(days);
    });

    auto* services = new QPushButton(tr("Services && prices…"), header);
    services->setObjectName(QStringLiteral("brainServicesButton"));
    services->setToolTip(tr("The price list deal values are estimated from"));
    connect(services, &QPushButton::clicked, this, &NeuralBrainView::openServices);
    auto* refresh = new QPushButton(tr("Refresh"), header);
    refresh->setObjectName(QStringLiteral("brainRefreshButton"));
    refresh->setToolTip(tr("Read the insights again (F5)"));
    connect(refresh, &QPushButton::clicked, this, &NeuralBrainView::refresh);

    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 8);
    auto* titles = new QVBoxLayout;
    titles->addWidget(title);
    titles->addWidget(m_summary);
    layout->addLayout(titles);
    layout->addStretch();
    layout->addWidget(m_status);
    layout->addWidget(stalledLabel);
    layout->addWidget(m_stalledDays);
    layout->addWidget(services);
    layout->addWidget(refresh);
    return header;
}

QWidget* NeuralBrainView::buildEmptyState()
{
    auto* page = new EmptyStatePage(QStringLiteral(":/icons/brain.svg"), tr("Nothing analysed yet"),
        tr("Analyse leads from their Intelligence tab (AI must be configured in Settings → AI). The Neural Brain then "
           "ranks them by deal heat, finds stalled deals and suggests what to do next."),
        this);
    page->setObjectName(QStringLiteral("brainEmptyState"));
    QPushButton* openLead = page->addButton(tr("Open a lead to analyse"), QStringLiteral("brainOpenLeadButton"), true);
    connect(openLead, &QPushButton::clicked, this, [this] {
        if (!m_firstUnanalysedLead.isEmpty())
            emit leadRequested(m_firstUnanalysedLead);
    });
    QPushButton* settings = page->addButton(tr("Open Settings → AI"), QStringLiteral("brainAiSettingsButton"));
    connect(settings, &QPushButton::clicked, this, &NeuralBrainView::openAiSettingsRequested);
    connect(this, &NeuralBrainView::loaded, openLead, [this, openLead] {
        openLead->setEnabled(!m_firstUnanalysedLead.isEmpty());
        openLead->setToolTip(m_firstUnanalysedLead.isEmpty() ? tr("There are no open leads yet") : QString());
    });
    m_emptyStalled = page->addNote();
    return page;
}

QTableView* NeuralBrainView::buildTable(
    BrainLeadTableModel* model, const QString& objectName, const QList<int>& hiddenColumns)
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(BrainLeadTableModel::RawValueRole);
    auto* table = new QTableView(this);
    table->setObjectName(objectName);
    table->setModel(proxy);
    table->setItemDelegateForColumn(
        BrainLeadTableModel::Heat, new HeatBarDelegate(BrainLeadTableModel::HeatRole, table));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSortingEnabled(true);
    table->setMouseTracking(true);
    table->setCursor(Qt::PointingHandCursor);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(BrainLeadTableModel::NextAction, QHeaderView::Stretch);
    table->setColumnWidth(BrainLeadTableModel::Lead, 240);
    table->setColumnWidth(BrainLeadTableModel::Heat, 150);
    for (int column : hiddenColumns)
        table->setColumnHidden(column, true);
    // A click opens the lead, and so does Enter (not `activated`, which some styles send on the same click).
    auto open = [this, proxy, model](const QModelIndex& index) {
        const QString id = model->leadIdAt(proxy->mapToSource(index).row());
        if (!id.isEmpty())
            emit leadRequested(id);
    };
    connect(table, &QTableView::clicked, this, open);
    addEnterShortcut(table, [table, open] { open(table->currentIndex()); });
    return table;
}

QWidget* NeuralBrainView::buildContent()
{
    m_suggestions = new QTreeView(this);
    m_suggestions->setObjectName(QStringLiteral("brainSuggestions"));
    m_suggestions->setModel(m_suggestionModel);
    m_suggestions->setHeaderHidden(true);
    m_suggestions->setWordWrap(true);
    m_suggestions->setUniformRowHeights(false);
    m_suggestions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_suggestions->setExpandsOnDoubleClick(false);
    m_suggestions->setCursor(Qt::PointingHandCursor);
    connect(m_suggestions, &QTreeView::clicked, this, &NeuralBrainView::activateSuggestion);
    addEnterShortcut(m_suggestions, [this] { activateSuggestion(m_suggestions->currentIndex()); });

    m_leaderboard = buildTable(m_leaderboardModel, QStringLiteral("brainLeaderboard"), {});
    m_hot = buildTable(m_hotModel, QStringLiteral("brainHotLeads"), {});
    m_stalled = buildTable(m_stalledModel, QStringLiteral("brainStalledDeals"), { BrainLeadTableModel::Intent });
    m_leaderboard->sortByColumn(BrainLeadTableModel::Heat, Qt::DescendingOrder);
    m_hot->sortByColumn(BrainLeadTableModel::Heat, Qt::DescendingOrder);
    // Stalled deals keep the repository's order (hottest first, then longest without contact) until a header click.
    m_stalled->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("brainTabs"));
    m_tabs->addTab(m_leaderboard, tr("Leaderboard"));
    m_tabs->addTab(m_hot, tr("Hot leads"));
    m_tabs->addTab(m_stalled, tr("Stalled deals"));

    auto* suggestionsBox = new QWidget(this);
    auto* suggestionsLayout = new QVBoxLayout(suggestionsBox);
    suggestionsLayout->setContentsMargins(0, 0, 0, 0);
    auto* suggestionsTitle = new QLabel(tr("Suggestions"), suggestionsBox);
    suggestionsTitle->setObjectName(QStringLiteral("SectionTitle"));
    suggestionsLayout->addWidget(suggestionsTitle);
    suggestionsLayout->addWidget(m_suggestions);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("brainSplitter"));
    splitter->addWidget(suggestionsBox);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

void NeuralBrainView::start()
{
    m_started = true;
    m_service->setOrgId(m_session->identity().orgId);
    m_service->setStalledDays(m_stalledDays->value());
    m_service->setAutoRefresh(isVisible());
    m_service->refresh();
}

void NeuralBrainView::refresh()
{
    if (m_started)
        m_service->refresh();
}

void NeuralBrainView::openServices()
{
    ServicesCatalogDialog::showFor(m_session->serviceCatalog(), m_undoStack, this);
}

bool NeuralBrainView::showsEmptyState() const
{
    return m_pages->currentIndex() == 1;
}

void NeuralBrainView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_started)
        m_service->setAutoRefresh(true);
}

void NeuralBrainView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_service->setAutoRefresh(false);
}

void NeuralBrainView::apply(const BrainInsights& insights)
{
    if (!insights.ok) {
        m_summary->setText(tr("Could not read the insights: %1").arg(insights.error));
        emit loaded();
        return;
    }
    m_leaderboardModel->setRows(insights.leaderboard);
    m_hotModel->setRows(insights.hot);
    m_stalledModel->setRows(insights.stalled);
    m_suggestionModel->setSuggestions(insights.suggestions);
    m_firstUnanalysedLead.clear();
    for (const BrainSuggestion& suggestion : insights.suggestions) {
        if (suggestion.kind == BrainSuggestion::Kind::AnalyseLeads && !suggestion.leads.isEmpty())
            m_firstUnanalysedLead = suggestion.leads.first().leadId;
    }

    m_tabs->setTabText(1, tr("Hot leads (%1)").arg(insights.hotCount));
    m_tabs->setTabText(2, tr("Stalled deals (%1)").arg(insights.stalledCount));
    m_summary->setText(tr("%n lead(s) analysed", nullptr, insights.analysedCount) + QStringLiteral(" · ")
        + tr("%n hot", nullptr, insights.hotCount) + QStringLiteral(" · ")
        + tr("%n stalled for %1+ days", nullptr, insights.stalledCount).arg(insights.stalledDays));
    m_emptyStalled->setText(insights.stalledCount > 0
            ? tr("Meanwhile, %n open lead(s) have had no contact for %1+ days.", nullptr, insights.stalledCount)
                  .arg(insights.stalledDays)
            : QString());
    m_pages->setCurrentIndex(insights.nothingAnalysed() ? 1 : 0);
    emit loaded();
}

void NeuralBrainView::activateSuggestion(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    if (!m_suggestionModel->isSuggestion(index)) {
        emit leadRequested(index.data(BrainSuggestionModel::IdRole).toString());
        return;
    }
    const auto kind = static_cast<BrainSuggestion::Kind>(index.data(BrainSuggestionModel::KindRole).toInt());
    if (kind == BrainSuggestion::Kind::PriceServices) {
        openServices();
        return;
    }
    const QStringList ids = index.data(BrainSuggestionModel::LeadIdsRole).toStringList();
    if (ids.size() == 1)
        emit leadRequested(ids.first());
    else
        m_suggestions->setExpanded(index, !m_suggestions->isExpanded(index));
}
