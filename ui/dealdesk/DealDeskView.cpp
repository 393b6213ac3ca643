#include "ui/dealdesk/DealDeskView.h"

#include "services/dealdesk/DealPipelineService.h"
#include "services/dealdesk/ProposalDraftGenerator.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/leads/LeadStore.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/EmptyStatePage.h"
#include "ui/common/MessageBoxes.h"
#include "ui/dealdesk/DeleteProposalCommand.h"
#include "ui/dealdesk/PipelineHeader.h"
#include "ui/dealdesk/ProposalEditor.h"
#include "ui/dealdesk/ProposalFilterProxy.h"
#include "ui/dealdesk/ProposalListModel.h"
#include "ui/dealdesk/ProposalOpener.h"
#include "ui/dealdesk/StatusChipDelegate.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
constexpr int kReloadDelayMs = 250;

bool isNewProposalKey(const QKeyEvent* event)
{
    return event->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_N);
}
} // namespace

DealDeskView::DealDeskView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_undoStack(undoStack)
    , m_pipeline(new DealPipelineService(session->executor(), this))
    , m_generator(new ProposalDraftGenerator(session->executor(), session->ai(), this))
    , m_opener(new ProposalOpener(session, m_pipeline, m_generator, undoStack, this))
    , m_reloadTimer(new QTimer(this))
    , m_header(new PipelineHeader(this))
    , m_model(new ProposalListModel(this))
    , m_proxy(new ProposalFilterProxy(m_model, this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_noMatches(new QLabel(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("DealDeskView"));
    auto* title = new QLabel(tr("Deal Desk"), this);
    title->setObjectName(QStringLiteral("ViewTitle"));
    m_count->setObjectName(QStringLiteral("EmptyStateText"));

    auto* generate = new QPushButton(tr("Generate draft…"), this);
    generate->setObjectName(QStringLiteral("generateDraftButton"));
    generate->setToolTip(tr("Let AI draft a proposal from a lead's details, analysis and profile (Ctrl+Shift+N)"));
    connect(generate, &QPushButton::clicked, this, &DealDeskView::generateDraft);
    auto* create = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("New proposal"), this);
    create->setObjectName(QStringLiteral("newProposalButton"));
    create->setProperty("primary", true);
    create->setToolTip(tr("Write a proposal for a lead (Ctrl+N)"));
    connect(create, &QPushButton::clicked, this, &DealDeskView::newProposal);

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_count);
    titleRow->addStretch();
    titleRow->addWidget(generate);
    titleRow->addWidget(create);

    m_search->setObjectName(QStringLiteral("proposalSearch"));
    m_search->setPlaceholderText(tr("Search proposals by title, lead or company…   /"));
    m_search->setClearButtonEnabled(true);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    for (Proposal::Status status : Proposal::allStatuses())
        m_statusFilter->addItem(Proposal::statusLabel(status), static_cast<int>(status));
    auto* clear = new QPushButton(tr("Clear filters"), this);
    clear->setObjectName(QStringLiteral("clearFiltersButton"));
    connect(clear, &QPushButton::clicked, this, [this] { setFilter({}); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        ProposalFilter filter = m_proxy->filter();
        filter.search = text;
        setFilter(filter);
    });
    connect(m_statusFilter, &QComboBox::activated, this, [this] {
        ProposalFilter filter = m_proxy->filter();
        const int value = m_statusFilter->currentData().toInt();
        filter.status = value < 0 ? std::nullopt : std::optional(static_cast<Proposal::Status>(value));
        setFilter(filter);
    });
    connect(m_proxy, &ProposalFilterProxy::filterChanged, clear,
        [clear](const ProposalFilter& filter) { clear->setVisible(!filter.isUnfiltered()); });
    clear->hide();
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_statusFilter);
    filterRow->addWidget(clear);

    m_table->setObjectName(QStringLiteral("proposalTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(ProposalListModel::Status, new StatusChipDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(ProposalListModel::Title, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSortIndicator(ProposalListModel::Updated, Qt::DescendingOrder);
    const QList<QPair<int, int>> widths { { ProposalListModel::Lead, 240 }, { ProposalListModel::Status, 110 },
        { ProposalListModel::Total, 120 }, { ProposalListModel::Currency, 80 }, { ProposalListModel::ValidUntil, 120 },
        { ProposalListModel::Updated, 110 } };
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() == ProposalListModel::Lead)
            emit leadRequested(index.data(ProposalListModel::LeadIdRole).toString());
        else
            openProposal(index.data(ProposalListModel::IdRole).toString());
    });
    connect(m_table, &QTableView::customContextMenuRequested, this, &DealDeskView::showContextMenu);

    m_noMatches->setObjectName(QStringLiteral("EmptyStateText"));
    m_noMatches->setText(tr("No proposal matches these filters. Clear the filters to see every proposal."));
    m_noMatches->setAlignment(Qt::AlignCenter);
    m_noMatches->hide();
    auto* listPage = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_noMatches);
    m_stack->addWidget(listPage);
    m_stack->addWidget(buildEmptyState());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);
    layout->addLayout(titleRow);
    layout->addWidget(m_header);
    layout->addWidget(m_stack, 1);

    connect(m_header, &PipelineHeader::intentClicked, this, &DealDeskView::toggleIntent);
    connect(m_header, &PipelineHeader::statusClicked, this, &DealDeskView::toggleStatus);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DealDeskView::refreshEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DealDeskView::refreshEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DealDeskView::refreshEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &DealDeskView::refreshEmptyState);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &DealDeskView::reload);
    const auto scheduleReload = [this] {
        if (m_started)
            m_reloadTimer->start();
    };
    connect(session->proposals(), &ProposalStore::proposalsChanged, this, scheduleReload);
    connect(session->leads(), &LeadStore::leadsUpserted, this, scheduleReload);
    connect(session->leads(), &LeadStore::leadsRemoved, this, scheduleReload);
    connect(session->leads(), &LeadStore::leadsReset, this, scheduleReload);
    connect(m_opener, &ProposalOpener::editorOpened, this, &DealDeskView::editorOpened);
    connect(m_opener, &ProposalOpener::leadRequested, this, &DealDeskView::leadRequested);
    connect(m_opener, &ProposalOpener::openAiSettingsRequested, this, &DealDeskView::openAiSettingsRequested);
    connect(m_opener, &ProposalOpener::statusMessage, this, &DealDeskView::statusMessage);
    connect(session->proposals(), &ProposalStore::writeFailed, this,
        [this](const QString& error) { emit statusMessage(tr("Proposal change not saved: %1").arg(error)); });

    const auto shortcut = [this](QWidget* on, const QKeySequence& key, Qt::ShortcutContext context, auto slot) {
        auto* action = new QAction(on);
        action->setShortcut(key);
        action->setShortcutContext(context);
        connect(action, &QAction::triggered, this, slot);
        on->addAction(action);
    };
    shortcut(this, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), Qt::WidgetWithChildrenShortcut,
        &DealDeskView::generateDraft);
    shortcut(this, QKeySequence(Qt::Key_Slash), Qt::WidgetWithChildrenShortcut, &DealDeskView::focusSearch);
    shortcut(this, QKeySequence::Find, Qt::WidgetWithChildrenShortcut, &DealDeskView::focusSearch);
    shortcut(m_table, QKeySequence::Delete, Qt::WidgetShortcut, &DealDeskView::deleteSelected);
    shortcut(m_table, QKeySequence(Qt::Key_Return), Qt::WidgetShortcut, [this] { openProposal(selectedId()); });
    refreshEmptyState();
}

QWidget* DealDeskView::buildEmptyState()
{
    auto* page = new EmptyStatePage(QStringLiteral(":/icons/dealdesk.svg"), tr("No proposals yet"),
        tr("Write a proposal for one of your leads with New proposal, or let AI draft one from what you know about the "
           "lead with Generate draft. Nothing is saved until you have reviewed it."),
        this);
    page->setObjectName(QStringLiteral("dealDeskEmpty"));
    QPushButton* create = page->addButton(
        tr("New proposal"), QStringLiteral("emptyNewProposal"), true, QIcon(QStringLiteral(":/icons/plus.svg")));
    QPushButton* generate = page->addButton(tr("Generate draft…"), QStringLiteral("emptyGenerateDraft"));
    connect(create, &QPushButton::clicked, this, &DealDeskView::newProposal);
    connect(generate, &QPushButton::clicked, this, &DealDeskView::generateDraft);
    return page;
}

void DealDeskView::start()
{
    m_started = true;
    reload();
}

void DealDeskView::reload()
{
    if (!m_started)
        return;
    m_reloadTimer->stop();
    m_pipeline->load(this, [this](const DealPipelineSnapshot& snapshot) { applySnapshot(snapshot); });
}

void DealDeskView::applySnapshot(const DealPipelineSnapshot& snapshot)
{
    if (!snapshot.error.isEmpty())
        emit statusMessage(tr("The Deal Desk could not be read completely: %1").arg(snapshot.error));
    m_snapshot = snapshot;
    m_loadedOnce = true;
    m_header->setSnapshot(snapshot);
    m_model->setProposals(snapshot.proposals);
    m_count->setText(tr("%n proposal(s)", nullptr, static_cast<int>(snapshot.proposals.size())));
    refreshEmptyState();
    emit loaded();
}

void DealDeskView::refreshEmptyState()
{
    const bool none = m_loadedOnce && m_model->rowCount() == 0;
    m_stack->setCurrentIndex(none ? 1 : 0);
    m_noMatches->setVisible(!none && m_model->rowCount() > 0 && m_proxy->rowCount() == 0);
}

void DealDeskView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Coming back to the module: figures may have moved while it was hidden (e.g. a lead was analysed).
    if (m_loadedOnce)
        reload();
    if (!m_table->hasFocus() && !m_search->hasFocus())
        m_table->setFocus();
}

bool DealDeskView::event(QEvent* event)
{
    // Ctrl+N is "New lead" for the whole window; inside the Deal Desk it means "New proposal". Accepting the
    // override turns the shortcut into a key press that reaches this view.
    if (event->type() == QEvent::ShortcutOverride && isNewProposalKey(static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::KeyPress && isNewProposalKey(static_cast<QKeyEvent*>(event))) {
        newProposal();
        return true;
    }
    return QWidget::event(event);
}

void DealDeskView::setFilter(const ProposalFilter& filter)
{
    m_proxy->setFilter(filter);
    m_header->setActive(filter.intent, filter.status);
    const int index = m_statusFilter->findData(filter.status ? static_cast<int>(*filter.status) : -1);
    m_statusFilter->setCurrentIndex(std::max(0, index));
    if (m_search->text() != filter.search) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(filter.search);
    }
    refreshEmptyState();
}

void DealDeskView::toggleIntent(const QString& key)
{
    ProposalFilter filter = m_proxy->filter();
    if (filter.intent && *filter.intent == key)
        filter.intent.reset();
    else
        filter.intent = key;
    setFilter(filter);
}

void DealDeskView::toggleStatus(Proposal::Status status)
{
    ProposalFilter filter = m_proxy->filter();
    if (filter.status && *filter.status == status)
        filter.status.reset();
    else
        filter.status = status;
    setFilter(filter);
}

QString DealDeskView::selectedId() const
{
    return m_table->currentIndex().data(ProposalListModel::IdRole).toString();
}

void DealDeskView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void DealDeskView::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    if (!m_table->selectionModel()->isRowSelected(index.row(), {}))
        m_table->selectRow(index.row());
    const QString id = index.data(ProposalListModel::IdRole).toString();
    const QString leadId = index.data(ProposalListModel::LeadIdRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, id] { openProposal(id); });
    menu.addAction(tr("Open lead"), this, [this, leadId] { emit leadRequested(leadId); });
    menu.addAction(tr("Generate another draft for this lead…"), this, [this, leadId, index] {
        generateDraftFor(leadId, ProposalListModel::leadText(m_model->summaryAt(m_proxy->mapToSource(index).row())));
    });
    menu.addSeparator();
    menu.addAction(QIcon(QStringLiteral(":/icons/trash.svg")), tr("Delete"), this, &DealDeskView::deleteSelected);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void DealDeskView::deleteSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    if (rows.size() > 1)
        m_undoStack->beginMacro(tr("Delete %n proposal(s)", nullptr, static_cast<int>(rows.size())));
    for (const QModelIndex& index : rows) {
        const ProposalSummary& summary = m_model->summaryAt(m_proxy->mapToSource(index).row());
        m_undoStack->push(new DeleteProposalCommand(m_session->proposals(), summary.id, summary.title));
    }
    if (rows.size() > 1)
        m_undoStack->endMacro();
    emit statusMessage(tr("Deleted %n proposal(s) — Ctrl+Z to undo", nullptr, static_cast<int>(rows.size())));
}

void DealDeskView::newProposal()
{
    m_opener->openNew();
}

void DealDeskView::generateDraft()
{
    // Suggest the lead of the chosen proposal: a second draft for the same client is the common case.
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        const ProposalSummary& summary = m_model->summaryAt(m_proxy->mapToSource(current).row());
        m_opener->askAndGenerate(summary.leadId, ProposalListModel::leadText(summary));
    } else {
        m_opener->askAndGenerate();
    }
}

void DealDeskView::generateDraftFor(const QString& leadId, const QString& leadLabel)
{
    m_opener->generateFor(leadId, leadLabel);
}

void DealDeskView::openProposal(const QString& id)
{
    const int row = m_model->rowOf(id);
    m_opener->openExisting(id, row < 0 ? QString() : ProposalListModel::leadText(m_model->summaryAt(row)));
}
