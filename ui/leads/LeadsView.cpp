#include "ui/leads/LeadsView.h"

#include "models/Ids.h"
#include "models/LeadListModel.h"
#include "services/calling/StoredCallScriptSource.h"
#include "services/imports/LeadCsvExporter.h"
#include "services/leads/LeadStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/calling/LeadContactActions.h"
#include "ui/common/MessageBoxes.h"
#include "ui/hygiene/DuplicatesDialog.h"
#include "ui/imports/ImportHistoryDialog.h"
#include "ui/imports/ImportWizard.h"
#include "ui/intelligence/IntelligencePanel.h"
#include "ui/intelligence/ProfileBatchDialog.h"
#include "ui/leads/EmptyLeadsState.h"
#include "ui/leads/KanbanColumn.h"
#include "ui/leads/LeadCommands.h"
#include "ui/leads/LeadDetailPanel.h"
#include "ui/leads/LeadDialog.h"
#include "ui/leads/LeadFilterBar.h"
#include "ui/leads/LeadKanbanView.h"
#include "ui/leads/LeadTableView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

LeadsView::LeadsView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_undoStack(undoStack)
    , m_filterBar(new LeadFilterBar(this))
    , m_stack(new QStackedWidget(this))
    , m_kanban(new LeadKanbanView(session->leads(), this))
    , m_table(new LeadTableView(session->leads(), this))
    , m_empty(new EmptyLeadsState(this))
    , m_detail(new LeadDetailPanel(session->leads(), session->timeline(), undoStack, this))
    , m_count(new QLabel(this))
    , m_kanbanButton(new QToolButton(this))
    , m_tableButton(new QToolButton(this))
    , m_bulkMove(new QToolButton(this))
    , m_bulkTag(new QToolButton(this))
    , m_bulkDelete(new QToolButton(this))
    , m_bulkProfiles(new QToolButton(this))
{
    setObjectName(QStringLiteral("LeadsView"));
    auto* title = new QLabel(tr("Leads"), this);
    title->setObjectName(QStringLiteral("ViewTitle"));
    m_count->setObjectName(QStringLiteral("EmptyStateText"));

    m_kanbanButton->setObjectName(QStringLiteral("kanbanModeButton"));
    m_kanbanButton->setIcon(QIcon(QStringLiteral(":/icons/kanban.svg")));
    m_kanbanButton->setText(tr("Board"));
    m_tableButton->setObjectName(QStringLiteral("tableModeButton"));
    m_tableButton->setIcon(QIcon(QStringLiteral(":/icons/table.svg")));
    m_tableButton->setText(tr("Table"));
    for (QToolButton* button : { m_kanbanButton, m_tableButton }) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }
    m_kanbanButton->setToolTip(tr("Kanban board (Ctrl+1)"));
    m_tableButton->setToolTip(tr("Table (Ctrl+2)"));
    connect(m_kanbanButton, &QToolButton::clicked, this, [this] { setMode(Mode::Kanban); });
    connect(m_tableButton, &QToolButton::clicked, this, [this] { setMode(Mode::Table); });

    auto* newButton = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("New lead"), this);
    newButton->setObjectName(QStringLiteral("newLeadButton"));
    newButton->setProperty("primary", true);
    newButton->setToolTip(tr("Create a lead (N)"));
    connect(newButton, &QPushButton::clicked, this, &LeadsView::newLead);

    m_bulkMove->setObjectName(QStringLiteral("bulkMoveButton"));
    m_bulkMove->setText(tr("Move to"));
    m_bulkMove->setPopupMode(QToolButton::InstantPopup);
    m_bulkTag->setObjectName(QStringLiteral("bulkTagButton"));
    m_bulkTag->setIcon(QIcon(QStringLiteral(":/icons/tag.svg")));
    m_bulkTag->setText(tr("Tag"));
    m_bulkTag->setPopupMode(QToolButton::InstantPopup);
    m_bulkTag->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* tagMenu = new QMenu(m_bulkTag);
    tagMenu->addAction(tr("Add tag…"), this, [this] { promptTag(selectedIds(), true); });
    tagMenu->addAction(tr("Remove tag…"), this, [this] { promptTag(selectedIds(), false); });
    m_bulkTag->setMenu(tagMenu);
    m_bulkDelete->setObjectName(QStringLiteral("bulkDeleteButton"));
    m_bulkDelete->setIcon(QIcon(QStringLiteral(":/icons/trash.svg")));
    m_bulkDelete->setText(tr("Delete"));
    m_bulkDelete->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_bulkDelete, &QToolButton::clicked, this, &LeadsView::deleteSelected);
    m_bulkProfiles->setObjectName(QStringLiteral("bulkProfilesButton"));
    m_bulkProfiles->setText(tr("AI profiles…"));
    m_bulkProfiles->setToolTip(tr("Write AI profiles for the selected leads in the background"));
    connect(m_bulkProfiles, &QToolButton::clicked, this, [this] { generateProfiles(selectedIds()); });

    auto* importButton = new QToolButton(this);
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setText(tr("Import"));
    importButton->setToolTip(tr("Import leads from a CSV file (Ctrl+I)"));
    importButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto* importMenu = new QMenu(importButton);
    importMenu->addAction(tr("Import history…"), this, &LeadsView::showImportHistory);
    importMenu->addAction(tr("Export this list to CSV…"), this, &LeadsView::exportLeads);
    importMenu->addSeparator();
    importMenu->addAction(tr("Find duplicates…"), this, &LeadsView::findDuplicates);
    importButton->setMenu(importMenu);
    connect(importButton, &QToolButton::clicked, this, [this] { importLeads(); });

    // The row's buttons keep their full labels; the lead count gives way first when the detail panel is open.
    for (QWidget* button : std::initializer_list<QWidget*> { m_bulkMove, m_bulkTag, m_bulkProfiles, m_bulkDelete,
             m_kanbanButton, m_tableButton, importButton, newButton })
        button->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    m_count->setMinimumWidth(1);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addSpacing(8);
    titleRow->addWidget(m_count);
    titleRow->addStretch();
    titleRow->addWidget(m_bulkMove);
    titleRow->addWidget(m_bulkTag);
    titleRow->addWidget(m_bulkProfiles);
    titleRow->addWidget(m_bulkDelete);
    titleRow->addSpacing(6);
    titleRow->addWidget(m_kanbanButton);
    titleRow->addWidget(m_tableButton);
    titleRow->addSpacing(6);
    titleRow->addWidget(importButton);
    titleRow->addWidget(newButton);

    auto* tableHolder = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableHolder);
    tableLayout->setContentsMargins(16, 8, 16, 16);
    tableLayout->addWidget(m_table);
    m_stack->addWidget(m_kanban);
    m_stack->addWidget(tableHolder);
    m_stack->addWidget(m_empty);

    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 16, 0, 0);
    auto* top = new QVBoxLayout;
    top->setContentsMargins(16, 0, 16, 0);
    top->addLayout(titleRow);
    top->addWidget(m_filterBar);
    mainLayout->addLayout(top);
    mainLayout->addWidget(m_stack, 1);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("leadsSplitter"));
    splitter->addWidget(main);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    m_detail->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_filterBar, &LeadFilterBar::filterChanged, this, &LeadsView::applyFilter);
    connect(m_kanban, &LeadKanbanView::openRequested, this, &LeadsView::openLead);
    connect(m_table, &LeadTableView::openRequested, this, &LeadsView::openLead);
    connect(m_kanban, &LeadKanbanView::statusDropRequested, this, &LeadsView::changeStatus);
    connect(m_kanban, &LeadKanbanView::contextMenuRequested, this, &LeadsView::showContextMenu);
    connect(m_table, &LeadTableView::contextMenuRequested, this, &LeadsView::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LeadsView::updateBulkActions);
    connect(m_table->leadModel(), &LeadListModel::totalsChanged, this, [this] {
        m_count->setText(tr("%n lead(s)", nullptr, m_table->leadModel()->total()));
        m_count->setToolTip(m_count->text()); // the label gives way first when the detail panel is open
        refreshEmptyState();
    });
    connect(m_empty, &EmptyLeadsState::newLeadRequested, this, &LeadsView::newLead);
    connect(m_empty, &EmptyLeadsState::sampleDataRequested, this, &LeadsView::loadSampleData);
    auto* choicesTimer = new QTimer(this);
    choicesTimer->setSingleShot(true);
    choicesTimer->setInterval(500);
    connect(choicesTimer, &QTimer::timeout, this, &LeadsView::refreshChoices);
    connect(session->leads(), &LeadStore::leadsUpserted, choicesTimer, qOverload<>(&QTimer::start));
    connect(session->leads(), &LeadStore::leadsReset, choicesTimer, qOverload<>(&QTimer::start));
    connect(session->leads(), &LeadStore::stagesChanged, this, &LeadsView::reloadStages);
    connect(session->leads(), &LeadStore::writeFailed, this, [this](const QString& error) {
        MessageBoxes::critical(this, tr("Change not saved"),
            tr("Business Hub could not save this change, so nothing was changed.\n\n%1").arg(error));
    });
    m_detail->setContactActions(new LeadContactActions(session->callingRuntime(),
        new StoredCallScriptSource(session->callScripts(), this), m_detail));
    auto* intelligence = new IntelligencePanel(session, m_detail);
    m_detail->setIntelligencePanel(intelligence);
    connect(intelligence, &IntelligencePanel::openAiSettingsRequested, this, [this] {
        if (auto* window = qobject_cast<MainWindow*>(this->window()))
            window->openSettings(PreferencesDialog::aiPage());
    });
    buildActions();
    updateBulkActions();
}

void LeadsView::buildActions()
{
    const auto add = [this](const QKeySequence& key, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(QKeySequence(Qt::Key_N), &LeadsView::newLead);
    add(QKeySequence(Qt::Key_Slash), &LeadsView::focusSearch);
    // Delete belongs to the lead views only, so Del inside the detail panel (a note, a text field) stays local.
    for (QWidget* view : { static_cast<QWidget*>(m_kanban), static_cast<QWidget*>(m_table) }) {
        auto* remove = new QAction(tr("Delete selected leads"), view);
        remove->setShortcut(QKeySequence::Delete);
        remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(remove, &QAction::triggered, this, &LeadsView::deleteSelected);
        view->addAction(remove);
    }
    add(QKeySequence(Qt::CTRL | Qt::Key_1), [this] { setMode(Mode::Kanban); });
    add(QKeySequence(Qt::CTRL | Qt::Key_2), [this] { setMode(Mode::Table); });
}

void LeadsView::start()
{
    m_started = true;
    m_session->leads()->loadStages(this, [this](const PipelineStages& stages) {
        applyStages(stages);
        auto pending = std::make_shared<int>(static_cast<int>(stages.size()));
        for (KanbanColumn* column : m_kanban->columns()) {
            connect(column->model(), &LeadListModel::totalsChanged, this, [this, pending] {
                if (--*pending == 0 && m_firstLoadPending) {
                    m_firstLoadPending = false;
                    emit firstLoadFinished();
                }
            }, Qt::SingleShotConnection);
        }
        setMode(m_mode);
        refreshChoices();
    });
}

void LeadsView::applyStages(const PipelineStages& stages)
{
    m_stages = stages;
    QHash<QString, QString> names;
    for (const PipelineStage& stage : stages)
        names.insert(stage.key, stage.name);
    m_table->leadModel()->setStageNames(names);
    m_filterBar->setStages(stages);
    m_detail->setStages(stages);
    m_kanban->setStages(stages);
    m_table->leadModel()->setFilter(m_filterBar->filter());
}

void LeadsView::reloadStages()
{
    if (!m_started)
        return;
    m_session->leads()->loadStages(this, [this](const PipelineStages& stages) {
        const auto same = [](const PipelineStage& a, const PipelineStage& b) {
            return a.key == b.key && a.name == b.name && a.position == b.position && a.color == b.color
                && a.isClosed == b.isClosed;
        };
        if (stages.size() == m_stages.size() && std::equal(stages.begin(), stages.end(), m_stages.begin(), same))
            return;
        applyStages(stages);
        setMode(m_mode);
        refreshChoices();
    });
}

void LeadsView::setMode(Mode mode)
{
    m_mode = mode;
    m_kanbanButton->setChecked(mode == Mode::Kanban);
    m_tableButton->setChecked(mode == Mode::Table);
    m_filterBar->setStageFilterVisible(mode == Mode::Table);
    applyFilter(m_filterBar->filter());
    refreshEmptyState();
    updateBulkActions();
}

void LeadsView::refreshEmptyState()
{
    const bool empty = m_table->leadModel()->total() == 0 && !m_table->leadModel()->isLoading()
        && m_filterBar->filter().isUnfiltered() && !m_stages.isEmpty();
    if (empty)
        m_stack->setCurrentWidget(m_empty);
    else
        m_stack->setCurrentIndex(m_mode == Mode::Kanban ? 0 : 1);
}

void LeadsView::applyFilter(const LeadFilter& filter)
{
    if (!m_started)
        return;
    LeadFilter tableFilter = filter;
    const LeadFilter current = m_table->leadModel()->filter();
    tableFilter.sortKey = current.sortKey;
    tableFilter.descending = current.descending;
    m_table->leadModel()->setFilter(tableFilter);
    LeadFilter boardFilter = filter;
    boardFilter.status.clear();
    m_kanban->setBaseFilter(boardFilter);
}

void LeadsView::refreshChoices()
{
    m_session->leads()->loadFilterChoices(this, [this](const FilterChoices& choices) { m_filterBar->setChoices(choices); });
}

QString LeadsView::stageName(const QString& key) const
{
    for (const PipelineStage& stage : m_stages) {
        if (stage.key == key)
            return stage.name;
    }
    return key;
}

void LeadsView::changeStatus(const QStringList& ids, const QString& status)
{
    if (ids.isEmpty())
        return;
    m_undoStack->push(new ChangeStatusCommand(m_session->leads(), ids, status, stageName(status)));
    emit statusMessage(tr("Moved %n lead(s) to %1 — Ctrl+Z to undo", nullptr, static_cast<int>(ids.size()))
                           .arg(stageName(status)));
}

QStringList LeadsView::selectedIds() const
{
    return m_mode == Mode::Table ? m_table->selectedIds() : m_kanban->selectedIds();
}

void LeadsView::updateBulkActions()
{
    const int count = static_cast<int>(m_table->selectedIds().size());
    const bool visible = m_mode == Mode::Table && count > 0;
    for (QToolButton* button : { m_bulkMove, m_bulkTag, m_bulkDelete, m_bulkProfiles })
        button->setVisible(visible);
    if (visible) {
        delete m_bulkMove->menu();
        m_bulkMove->setMenu(createMoveMenu(m_table->selectedIds(), m_bulkMove));
        m_bulkMove->setText(tr("Move %n to", nullptr, count));
    }
}

QMenu* LeadsView::createMoveMenu(const QStringList& ids, QWidget* parent)
{
    auto* menu = new QMenu(tr("Move to"), parent);
    for (const PipelineStage& stage : std::as_const(m_stages)) {
        const QString key = stage.key;
        menu->addAction(stage.name, this, [this, ids, key] { changeStatus(ids, key); });
    }
    return menu;
}

void LeadsView::showContextMenu(const QStringList& ids, const QPoint& globalPos)
{
    if (ids.isEmpty())
        return;
    QMenu menu(this);
    if (ids.size() == 1)
        menu.addAction(tr("Open"), this, [this, id = ids.first()] { openLead(id); });
    menu.addMenu(createMoveMenu(ids, &menu));
    menu.addAction(tr("Add tag…"), this, [this, ids] { promptTag(ids, true); });
    menu.addAction(tr("Remove tag…"), this, [this, ids] { promptTag(ids, false); });
    menu.addAction(tr("Generate AI profiles…"), this, [this, ids] { generateProfiles(ids); });
    menu.addSeparator();
    menu.addAction(QIcon(QStringLiteral(":/icons/trash.svg")), tr("Delete"), this, [this, ids] {
        m_undoStack->push(new DeleteLeadsCommand(m_session->leads(), ids));
        emit statusMessage(tr("Deleted %n lead(s) — Ctrl+Z to undo", nullptr, static_cast<int>(ids.size())));
    });
    menu.exec(globalPos);
}

void LeadsView::promptTag(const QStringList& ids, bool add)
{
    if (ids.isEmpty())
        return;
    bool ok = false;
    const QString tag = QInputDialog::getText(this, add ? tr("Add tag") : tr("Remove tag"),
        tr("Tag for %n lead(s):", nullptr, static_cast<int>(ids.size())), QLineEdit::Normal, {}, &ok)
                            .simplified()
                            .remove(QLatin1Char(','));
    if (ok && !tag.isEmpty())
        m_undoStack->push(new TagLeadsCommand(m_session->leads(), ids, tag, add));
}

void LeadsView::deleteSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_undoStack->push(new DeleteLeadsCommand(m_session->leads(), ids));
    emit statusMessage(tr("Deleted %n lead(s) — Ctrl+Z to undo", nullptr, static_cast<int>(ids.size())));
}

void LeadsView::generateProfiles(const QStringList& ids)
{
    if (ids.isEmpty())
        return;
    auto* dialog = new ProfileBatchDialog(m_session->intelligence(), ids, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->start();
}

void LeadsView::openLead(const QString& leadId)
{
    m_detail->openLead(leadId);
}

void LeadsView::newLead()
{
    Lead initial;
    initial.status = m_stages.isEmpty() ? QStringLiteral("new") : m_stages.first().key;
    initial.source = tr("Manual");
    LeadDialog dialog(m_stages, initial, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Lead lead = dialog.lead();
    lead.id = Ids::newId();
    m_undoStack->push(new SaveLeadCommand(m_session->leads(), Lead(), lead, [this, id = lead.id](const WriteOutcome& outcome) {
        if (outcome.ok) {
            emit statusMessage(tr("Lead created"));
            openLead(id);
        }
    }));
}

void LeadsView::loadSampleData()
{
    m_empty->sampleButton()->setEnabled(false);
    emit statusMessage(tr("Loading sample data…"));
    m_session->loadSampleData(80, this, [this](int added, const QString& error) {
        m_empty->sampleButton()->setEnabled(true);
        if (!error.isEmpty())
            MessageBoxes::critical(this, tr("Sample data"), tr("Could not load sample data: %1").arg(error));
        else
            emit statusMessage(added > 0 ? tr("Loaded %n sample lead(s)", nullptr, added)
                                         : tr("This workspace already has leads; no sample data added."));
    });
}

void LeadsView::importLeads(const QString& path)
{
    auto* wizard = new ImportWizard(m_session->imports(), m_stages, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!path.isEmpty())
        wizard->setFile(path);
    wizard->open();
}

void LeadsView::showImportHistory()
{
    auto* dialog = new ImportHistoryDialog(m_session->imports(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void LeadsView::findDuplicates()
{
    auto* dialog = new DuplicatesDialog(m_session->hygiene(), m_session->leads(), m_undoStack, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicatesDialog::leadRequested, this, &LeadsView::openLead);
    dialog->show();
    dialog->scan();
}

void LeadsView::exportLeads()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export leads"), tr("leads.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    LeadFilter filter = m_table->leadModel()->filter();
    if (m_mode == Mode::Kanban)
        filter.status.clear();
    emit statusMessage(tr("Exporting…"));
    struct Outcome
    {
        QString error;
        qint64 written = 0;
    };
    m_session->executor()->run<Outcome>(
        this,
        [path, filter](QSqlDatabase& db) {
            Outcome outcome;
            outcome.error = LeadCsvExporter(db).exportTo(path, filter, &outcome.written);
            return outcome;
        },
        [this](const Outcome& outcome) {
            if (!outcome.error.isEmpty())
                MessageBoxes::critical(this, tr("Export failed"), outcome.error);
            else
                emit statusMessage(tr("Exported %n lead(s)", nullptr, static_cast<int>(outcome.written)));
        });
}

void LeadsView::focusSearch()
{
    m_filterBar->searchEdit()->setFocus();
    m_filterBar->searchEdit()->selectAll();
}
