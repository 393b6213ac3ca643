#include "ui/calling/CallingView.h"

#include "services/calling/CallingConfiguration.h"
#include "services/calling/CallingRuntime.h"
#include "services/calling/StoredCallScriptSource.h"
#include "services/leads/LeadStore.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/calling/AgentsTab.h"
#include "ui/calling/CallAnalyticsTab.h"
#include "ui/calling/CallsTab.h"
#include "ui/calling/LiveMonitorTab.h"
#include "ui/calling/ScriptsTab.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

CallingView::CallingView(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_scripts(new ScriptsTab(session, undoStack, this))
{
    setObjectName(QStringLiteral("CallingView"));
    auto* title = new QLabel(tr("Calling"), this);
    title->setObjectName(QStringLiteral("ViewTitle"));
    auto* subtitle = new QLabel(tr("AI voice calls, scripts and the objection library"), this);
    subtitle->setObjectName(QStringLiteral("EmptyStateText"));
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addSpacing(8);
    titleRow->addWidget(subtitle);
    titleRow->addStretch();

    m_tabs->setObjectName(QStringLiteral("callingTabs"));
    m_tabs->setDocumentMode(true);
    CallingRuntime* runtime = session->callingRuntime();
    auto* scriptSource = new StoredCallScriptSource(session->callScripts(), this);
    addTab(new CallsTab(runtime->calls(), runtime->recordings(), this), tr("Calls"));
    addTab(m_scripts, tr("Scripts"));
    addTab(new AgentsTab(runtime->agents(), scriptSource, session->leads(), this), tr("Agents"));
    addTab(new LiveMonitorTab(runtime->calls(), runtime->agents(), this), tr("Live monitor"));
    addTab(new CallAnalyticsTab(runtime->calls(), this), tr("Analytics"));
    // Scripts come first for a new user: there is nothing to call with before one exists.
    m_tabs->setCurrentWidget(m_scripts);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addLayout(titleRow);
    layout->addWidget(buildBanner());
    layout->addWidget(m_tabs, 1);

    connect(m_scripts, &ScriptsTab::statusMessage, this, &CallingView::statusMessage);
    connect(session->calling(), &CallingConfiguration::changed, this, &CallingView::refreshBanner);
    refreshBanner();
}

QFrame* CallingView::buildBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("CallingSetupBanner"));
    auto* heading = new QLabel(tr("Set up a calling provider"), m_banner);
    heading->setObjectName(QStringLiteral("BannerTitle"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("callingSetupText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setText(
        tr("No calling provider has a key yet. Add a Vapi API key for AI voice calls and agents, a Twilio account SID "
           "and auth token for click-to-call and SMS, and an ElevenLabs key to hear voice previews. You can write "
           "scripts in the meantime."));
    auto* open = new QPushButton(tr("Open Settings → Calling"), m_banner);
    open->setObjectName(QStringLiteral("openCallingSettingsButton"));
    open->setProperty("primary", true);
    connect(open, &QPushButton::clicked, this, &CallingView::openCallingSettingsRequested);
    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(heading);
    text->addWidget(m_bannerText);
    auto* layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addLayout(text, 1);
    layout->addWidget(open, 0, Qt::AlignVCenter);
    return m_banner;
}

void CallingView::refreshBanner()
{
    m_banner->setVisible(m_session->calling()->nothingConfigured());
}

bool CallingView::setupBannerVisible() const
{
    return !m_banner->isHidden();
}

void CallingView::start()
{
    m_scripts->start();
}

int CallingView::addTab(QWidget* tab, const QString& title, const QIcon& icon)
{
    return icon.isNull() ? m_tabs->addTab(tab, title) : m_tabs->addTab(tab, icon, title);
}

void CallingView::showTab(QWidget* tab)
{
    m_tabs->setCurrentWidget(tab);
}
