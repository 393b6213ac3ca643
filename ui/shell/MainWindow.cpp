#include "ui/shell/MainWindow.h"

#include "services/leads/LeadStore.h"
#include "services/settings/AppSettings.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/brain/NeuralBrainView.h"
#include "ui/calling/CallingView.h"
#include "ui/dealdesk/DealDeskView.h"
#include "ui/leads/LeadsView.h"
#include "ui/pricing/ServicesCatalogDialog.h"
#include "ui/shell/GlobalSearchDialog.h"
#include "ui/shell/NotificationBell.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/sync/ConflictsDialog.h"
#include "ui/sync/SyncStatusIndicator.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMimeData>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

MainWindow::MainWindow(WorkspaceSession* session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_undoStack(new QUndoStack(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Business Hub"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    setMinimumSize(960, 600);

    m_stack = new QStackedWidget(this);
    m_leads = new LeadsView(session, m_undoStack, m_stack);
    m_stack->addWidget(m_leads);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(buildHeader());
    rightLayout->addWidget(m_stack, 1);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar());
    layout->addWidget(right, 1);
    setCentralWidget(central);

    m_workspaceLabel = new QLabel(this);
    m_syncIndicator = new SyncStatusIndicator(this);
    connect(m_syncIndicator, &SyncStatusIndicator::conflictsRequested, this, &MainWindow::openConflicts);
    m_syncIndicator->hide(); // until start() knows whether this is a server workspace
    statusBar()->addPermanentWidget(m_syncIndicator);
    statusBar()->addPermanentWidget(m_workspaceLabel);
    connect(m_leads, &LeadsView::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    auto* dealDesk = new DealDeskView(session, m_undoStack, m_stack);
    addModule(dealDesk, QIcon(QStringLiteral(":/icons/dealdesk.svg")), tr("Deal Desk"),
        tr("Deal Desk: proposals and open deals by buying intent"), [dealDesk] { dealDesk->start(); });
    connect(dealDesk, &DealDeskView::leadRequested, this, &MainWindow::showLead);
    connect(dealDesk, &DealDeskView::openAiSettingsRequested, this, [this] { openSettings(PreferencesDialog::aiPage()); });
    connect(dealDesk, &DealDeskView::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    auto* brain = new NeuralBrainView(session, m_undoStack, m_stack);
    addModule(brain, QIcon(QStringLiteral(":/icons/brain.svg")), tr("Neural Brain"),
        tr("Neural Brain: leads by deal heat, stalled deals and what to do next"), [brain] { brain->start(); });
    connect(brain, &NeuralBrainView::leadRequested, this, &MainWindow::showLead);
    connect(brain, &NeuralBrainView::openAiSettingsRequested, this, [this] { openSettings(PreferencesDialog::aiPage()); });
    m_calling = new CallingView(session, m_undoStack, m_stack);
    addModule(m_calling, QIcon(QStringLiteral(":/icons/calling.svg")), tr("Calling"),
        tr("Calling: AI voice call scripts, voice previews and the objection library"), [this] { m_calling->start(); });
    connect(m_calling, &CallingView::openCallingSettingsRequested, this,
        [this] { openSettings(PreferencesDialog::callingPage()); });
    connect(m_calling, &CallingView::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    buildMenus();
    setAcceptDrops(true);

    if (const QScreen* screen = QGuiApplication::primaryScreen())
        resize(screen->availableSize() * 0.9);
    else
        resize(1440, 900);
    restoreGeometry(AppSettings::windowGeometry());
    restoreState(AppSettings::windowState());
    m_leads->setMode(AppSettings::leadsViewMode() == QLatin1String("table") ? LeadsView::Mode::Table
                                                                            : LeadsView::Mode::Kanban);
}

QWidget* MainWindow::buildSidebar()
{
    auto* sidebar = new QFrame(this);
    sidebar->setObjectName(QStringLiteral("Sidebar"));
    sidebar->setFixedWidth(180);
    auto* title = new QLabel(tr("Business Hub"), sidebar);
    title->setObjectName(QStringLiteral("SidebarTitle"));
    m_modules = new QListWidget(sidebar);
    m_modules->setObjectName(QStringLiteral("moduleList"));
    m_modules->setIconSize(QSize(18, 18));
    auto* leads = new QListWidgetItem(QIcon(QStringLiteral(":/icons/leads.svg")), tr("Leads"), m_modules);
    leads->setToolTip(tr("Leads: board, table and details"));
    m_modules->setCurrentRow(0);
    connect(m_modules, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 12);
    layout->addWidget(title);
    layout->addWidget(m_modules, 1);
    return sidebar;
}

QWidget* MainWindow::buildHeader()
{
    auto* header = new QFrame(this);
    header->setObjectName(QStringLiteral("Header"));
    auto* search = new QPushButton(QIcon(QStringLiteral(":/icons/search.svg")), tr("Search leads…   Ctrl+K"), header);
    search->setObjectName(QStringLiteral("GlobalSearchButton"));
    search->setFocusPolicy(Qt::NoFocus);
    connect(search, &QPushButton::clicked, this, &MainWindow::openGlobalSearch);
    m_bell = new NotificationBell(m_session->notifications(), header);
    connect(m_bell, &NotificationBell::leadRequested, m_leads, &LeadsView::openLead);

    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->addWidget(search);
    layout->addStretch();
    layout->addWidget(m_bell);
    return header;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newLead = file->addAction(QIcon(QStringLiteral(":/icons/plus.svg")), tr("&New lead…"), m_leads,
        &LeadsView::newLead);
    newLead->setShortcut(QKeySequence::New);
    QAction* importAction = file->addAction(tr("&Import leads…"), m_leads, [this] { m_leads->importLeads(); });
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addAction(tr("Import &history…"), m_leads, &LeadsView::showImportHistory);
    file->addAction(tr("&Export leads to CSV…"), m_leads, &LeadsView::exportLeads);
    QAction* duplicates = file->addAction(tr("Find &duplicates…"), m_leads, &LeadsView::findDuplicates);
    duplicates->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    file->addSeparator();
    file->addAction(QIcon(QStringLiteral(":/icons/sample.svg")), tr("Load &sample data"), m_leads,
        &LeadsView::loadSampleData);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction* redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({ QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) });
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* find = edit->addAction(QIcon(QStringLiteral(":/icons/search.svg")), tr("&Find lead…"), this,
        &MainWindow::openGlobalSearch);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    find->setObjectName(QStringLiteral("globalSearchAction"));
    edit->addSeparator();
    QAction* services = edit->addAction(tr("&Services && prices…"), this,
        [this] { ServicesCatalogDialog::showFor(m_session->serviceCatalog(), m_undoStack, this); });
    services->setObjectName(QStringLiteral("servicesCatalogAction"));
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, [this] { openSettings(); });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu* workspace = menuBar()->addMenu(tr("&Workspace"));
    QAction* syncNow = workspace->addAction(tr("&Sync now"), m_syncIndicator, &SyncStatusIndicator::syncNow);
    syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction* conflicts = workspace->addAction(tr("Sync &conflicts…"), this, &MainWindow::openConflicts);
    conflicts->setObjectName(QStringLiteral("syncConflictsAction"));
    workspace->addSeparator();
    workspace->addAction(tr("&Workspaces and members…"), this, [this] { openSettings(PreferencesDialog::workspacePage()); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(QIcon(QStringLiteral(":/icons/kanban.svg")), tr("&Board"), this,
        [this] { m_leads->setMode(LeadsView::Mode::Kanban); });
    view->addAction(QIcon(QStringLiteral(":/icons/table.svg")), tr("&Table"), this,
        [this] { m_leads->setMode(LeadsView::Mode::Table); });
}

void MainWindow::start()
{
    if (m_session->workspace().isServer()) {
        m_workspaceLabel->setText(tr("Team · %1").arg(m_session->workspace().name));
        m_workspaceLabel->setToolTip(m_session->workspace().describe());
    } else {
        m_workspaceLabel->setText(tr("Local workspace · %1").arg(QFileInfo(m_session->path()).fileName()));
        m_workspaceLabel->setToolTip(m_session->path());
    }
    m_syncIndicator->setEngine(m_session->sync());
    m_syncIndicator->setVisible(m_session->sync() != nullptr);
    m_leads->start();
    m_bell->reload();
    m_started = true;
    for (const auto& startModule : std::as_const(m_moduleStarters))
        startModule();
}

void MainWindow::addModule(QWidget* view, const QIcon& icon, const QString& name, const QString& toolTip,
    std::function<void()> start)
{
    m_stack->addWidget(view);
    auto* item = new QListWidgetItem(icon, name, m_modules);
    item->setToolTip(toolTip);
    if (!start)
        return;
    if (m_started)
        start();
    else
        m_moduleStarters.append(std::move(start));
}

void MainWindow::showModule(QWidget* view)
{
    const int index = m_stack->indexOf(view);
    if (index >= 0)
        m_modules->setCurrentRow(index);
}

void MainWindow::showLead(const QString& leadId)
{
    m_modules->setCurrentRow(0);
    m_leads->openLead(leadId);
}

PreferencesDialog* MainWindow::openSettings(const QString& page)
{
    auto* dialog = findChild<PreferencesDialog*>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog || !dialog->isVisible()) { // a closed one is already on its way out (WA_DeleteOnClose)
        dialog = new PreferencesDialog(this, m_session, m_registry);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &PreferencesDialog::workspaceSwitchRequested, this, [this, dialog](const QString& id) {
            dialog->close();
            emit workspaceSwitchRequested(id);
        });
        dialog->open();
    }
    dialog->showPage(page);
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

ConflictsDialog* MainWindow::openConflicts()
{
    auto* dialog = findChild<ConflictsDialog*>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog || !dialog->isVisible()) {
        dialog = new ConflictsDialog(m_session->sync(), m_session->leads(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void MainWindow::openGlobalSearch()
{
    auto* dialog = new GlobalSearchDialog(m_session->leads(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GlobalSearchDialog::leadChosen, m_leads, &LeadsView::openLead);
    const QPoint topCenter = mapToGlobal(QPoint((width() - dialog->width()) / 2, 60));
    dialog->move(topCenter);
    dialog->show();
    dialog->input()->setFocus();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!importablePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = importablePath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    m_modules->setCurrentRow(0);
    m_leads->importLeads(path);
}

QString MainWindow::importablePath(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const QString path = mime->urls().first().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt") ? path
                                                                                                           : QString();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    AppSettings::setWindowGeometry(saveGeometry(), saveState());
    AppSettings::setLeadsViewMode(m_leads->mode() == LeadsView::Mode::Table ? QStringLiteral("table")
                                                                             : QStringLiteral("kanban"));
    QMainWindow::closeEvent(event);
}
