#include "ui/calling/AgentsTab.h"

#include "models/LeadFilter.h"
#include "models/LeadListSource.h"
#include "services/calling/AgentRunStore.h"
#include "services/calling/AgentRunner.h"
#include "services/calling/CallScriptSource.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

AgentsTab::AgentsTab(AgentRunStore* agents, CallScriptSource* scripts, LeadListSource* leads, QWidget* parent)
    : QWidget(parent)
    , m_agents(agents)
    , m_scripts(scripts)
    , m_leads(leads)
    , m_name(new QLineEdit(this))
    , m_script(new QComboBox(this))
    , m_leadSearch(new QLineEdit(this))
    , m_leadList(new QListWidget(this))
    , m_delay(new QSpinBox(this))
    , m_retries(new QSpinBox(this))
    , m_create(new QPushButton(tr("Create agent"), this))
    , m_formMessage(new QLabel(this))
    , m_runs(new QListWidget(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_stats(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
{
    m_name->setObjectName(QStringLiteral("agentName"));
    m_name->setPlaceholderText(tr("e.g. Bakeries in March"));
    m_script->setObjectName(QStringLiteral("agentScript"));
    m_leadSearch->setObjectName(QStringLiteral("agentLeadSearch"));
    m_leadSearch->setPlaceholderText(tr("Find leads by name, company, phone…"));
    m_leadSearch->setClearButtonEnabled(true);
    m_leadList->setObjectName(QStringLiteral("agentLeads"));
    m_delay->setObjectName(QStringLiteral("agentDelay"));
    m_delay->setRange(0, 3600);
    m_delay->setValue(5);
    m_delay->setSuffix(tr(" s"));
    m_retries->setObjectName(QStringLiteral("agentRetries"));
    m_retries->setRange(0, AgentRunStore::kMaxRetries);
    m_retries->setValue(1);
    m_create->setObjectName(QStringLiteral("agentCreate"));
    m_formMessage->setObjectName(QStringLiteral("agentFormMessage"));
    m_formMessage->setWordWrap(true);
    m_runs->setObjectName(QStringLiteral("agentRuns"));
    m_start->setObjectName(QStringLiteral("agentStart"));
    m_start->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    m_pause->setObjectName(QStringLiteral("agentPause"));
    m_stats->setObjectName(QStringLiteral("agentStats"));
    m_log->setObjectName(QStringLiteral("agentLog"));
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("Skipped leads and failed calls are listed here."));

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Script"), m_script);
    form->addRow(tr("Leads"), m_leadSearch);
    form->addRow(QString(), m_leadList);
    form->addRow(tr("Delay between calls"), m_delay);
    form->addRow(tr("Retries after no answer"), m_retries);
    auto* createBox = new QGroupBox(tr("New agent"), this);
    auto* createLayout = new QVBoxLayout(createBox);
    createLayout->addLayout(form);
    createLayout->addWidget(m_formMessage);
    createLayout->addWidget(m_create, 0, Qt::AlignRight);

    auto* runBox = new QGroupBox(tr("Agents"), this);
    auto* runLayout = new QVBoxLayout(runBox);
    runLayout->addWidget(m_runs, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addStretch();
    runLayout->addLayout(buttons);
    runLayout->addWidget(m_stats);
    runLayout->addWidget(new QLabel(tr("Error log"), this));
    runLayout->addWidget(m_log, 1);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(createBox, 1);
    layout->addWidget(runBox, 1);

    auto* searchSoon = new QTimer(this);
    searchSoon->setSingleShot(true);
    searchSoon->setInterval(200);
    connect(searchSoon, &QTimer::timeout, this, &AgentsTab::loadLeads);
    connect(m_leadSearch, &QLineEdit::textChanged, searchSoon, qOverload<>(&QTimer::start));
    connect(m_create, &QPushButton::clicked, this, &AgentsTab::createAgent);
    connect(m_runs, &QListWidget::currentRowChanged, this, [this](int row) {
        showRun(row >= 0 ? m_runs->item(row)->data(Qt::UserRole).toString() : QString());
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!m_currentRunId.isEmpty())
            m_agents->runner(m_currentRunId)->start();
    });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_currentRunId.isEmpty())
            m_agents->runner(m_currentRunId)->pause();
    });
    connect(m_agents, &AgentRunStore::runsChanged, this, &AgentsTab::loadRuns);
    if (m_scripts)
        connect(m_scripts, &CallScriptSource::scriptsChanged, this, &AgentsTab::loadScripts);
    loadScripts();
    loadLeads();
    loadRuns();
    showRun({});
}

void AgentsTab::selectLeads(const QStringList& leadIds)
{
    m_preselected = leadIds;
    for (int row = 0; row < m_leadList->count(); ++row) {
        QListWidgetItem* item = m_leadList->item(row);
        item->setCheckState(leadIds.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void AgentsTab::loadScripts()
{
    if (!m_scripts) {
        m_script->clear();
        m_script->setPlaceholderText(tr("Write a script in the Scripts tab first"));
        return;
    }
    m_scripts->scripts(this, [this](const QList<CallScript>& scripts) {
        m_scriptList = scripts;
        const QString keep = m_script->currentData().toString();
        m_script->clear();
        for (const CallScript& script : scripts)
            m_script->addItem(script.name, script.id);
        m_script->setPlaceholderText(scripts.isEmpty() ? tr("Write a script in the Scripts tab first") : QString());
        m_script->setCurrentIndex(std::max(0, m_script->findData(keep)));
    });
}

void AgentsTab::loadLeads()
{
    LeadFilter filter;
    filter.search = m_leadSearch->text().trimmed();
    m_leads->fetchPage(filter, 0, 500, this, [this](const LeadPage& page) {
        QStringList checked = m_preselected;
        for (int row = 0; row < m_leadList->count(); ++row) {
            if (m_leadList->item(row)->checkState() == Qt::Checked)
                checked.append(m_leadList->item(row)->data(Qt::UserRole).toString());
        }
        m_leadList->clear();
        for (const Lead& lead : page.leads) {
            auto* item = new QListWidgetItem(lead.phone.isEmpty() ? tr("%1 (no phone)").arg(lead.name)
                                                                  : QStringLiteral("%1 · %2").arg(lead.name, lead.phone),
                m_leadList);
            item->setData(Qt::UserRole, lead.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(lead.id) ? Qt::Checked : Qt::Unchecked);
        }
    });
}

void AgentsTab::loadRuns()
{
    m_agents->list(this, [this](const QList<AgentRun>& runs) {
        const QString keep = m_currentRunId;
        QSignalBlocker block(m_runs);
        m_runs->clear();
        for (const AgentRun& run : runs) {
            const AgentRun::Status status = m_agents->runner(run.id)->run() ? m_agents->runner(run.id)->status() : run.status;
            auto* item = new QListWidgetItem(tr("%1 — %2").arg(run.name, AgentRun::statusLabel(status)), m_runs);
            item->setData(Qt::UserRole, run.id);
            if (run.id == keep)
                m_runs->setCurrentItem(item);
        }
        if (!keep.isEmpty() && m_runs->currentRow() < 0)
            showRun({});
        if (runs.isEmpty())
            m_stats->setText(tr("No agents yet: tick some leads, pick a script and create one."));
        updateButtons();
    });
}

void AgentsTab::createAgent()
{
    AgentRunSpec spec;
    spec.name = m_name->text();
    for (int row = 0; row < m_leadList->count(); ++row) {
        if (m_leadList->item(row)->checkState() == Qt::Checked)
            spec.leadIds.append(m_leadList->item(row)->data(Qt::UserRole).toString());
    }
    const int scriptIndex = m_script->currentIndex();
    if (scriptIndex < 0 || scriptIndex >= m_scriptList.size()) {
        m_formMessage->setText(tr("Choose a script. Scripts are written in the Scripts tab."));
        return;
    }
    spec.script = m_scriptList.at(scriptIndex);
    spec.delayMs = m_delay->value() * 1000;
    spec.maxRetries = m_retries->value();
    const QString problem = AgentRunStore::validate(spec);
    if (!problem.isEmpty()) {
        m_formMessage->setText(problem);
        return;
    }
    m_create->setEnabled(false);
    m_agents->create(spec, this,
        [this, count = spec.leadIds.size(), scriptId = spec.script.id](const QString& runId, const QString& error) {
        m_create->setEnabled(true);
        if (!error.isEmpty()) {
            m_formMessage->setText(tr("The agent could not be created: %1").arg(error));
            return;
        }
        m_scripts->markUsed(scriptId);
        m_formMessage->setText(tr("Agent created with %n lead(s). Select it and press Start.", nullptr, int(count)));
        m_name->clear();
        m_currentRunId = runId;
        showRun(runId);
        emit agentCreated(runId);
    });
}

void AgentsTab::showRun(const QString& runId)
{
    m_currentRunId = runId;
    m_log->clear();
    if (runId.isEmpty()) {
        m_stats->clear();
        updateButtons();
        return;
    }
    AgentRunner* runner = m_agents->runner(runId);
    watch(runner);
    showStats(runner->stats());
    m_agents->log(runId, this, [this, runId](const QList<AgentLogEntry>& entries) {
        if (runId != m_currentRunId)
            return;
        QStringList lines;
        for (auto it = entries.crbegin(); it != entries.crend(); ++it)
            lines << QStringLiteral("%1  %2").arg(QLocale().toString(it->at.toLocalTime().time(), QLocale::ShortFormat), it->message);
        m_log->setPlainText(lines.join(u'\n'));
    });
    updateButtons();
}

void AgentsTab::watch(AgentRunner* runner)
{
    // One connection per runner and tab, whichever agent is shown.
    if (runner->property("watchedByAgentsTab").toBool())
        return;
    runner->setProperty("watchedByAgentsTab", true);
    const QString runId = runner->runId();
    connect(runner, &AgentRunner::statsChanged, this, [this, runId](const AgentStats& stats) {
        if (runId == m_currentRunId)
            showStats(stats);
    });
    connect(runner, &AgentRunner::logged, this, [this, runId](const AgentLogEntry& entry) {
        if (runId == m_currentRunId)
            m_log->appendPlainText(QStringLiteral("%1  %2").arg(QLocale().toString(entry.at.toLocalTime().time(), QLocale::ShortFormat), entry.message));
    });
    connect(runner, &AgentRunner::statusChanged, this, [this] { updateButtons(); });
}

void AgentsTab::showStats(const AgentStats& stats)
{
    m_stats->setText(tr("Completed %1 · Failed %2 · Booked %3 · No answer %4 · Skipped %5 · Remaining %6")
                         .arg(stats.completed).arg(stats.failed).arg(stats.booked).arg(stats.noAnswer)
                         .arg(stats.skipped).arg(stats.remaining));
}

void AgentsTab::updateButtons()
{
    AgentRunner* runner = m_currentRunId.isEmpty() ? nullptr : m_agents->runner(m_currentRunId);
    const AgentRun::Status status = runner ? runner->status() : AgentRun::Status::Idle;
    const bool finished = runner && runner->run() && status == AgentRun::Status::Completed;
    m_start->setVisible(runner != nullptr);
    m_pause->setVisible(runner != nullptr);
    m_start->setEnabled(runner && status != AgentRun::Status::Running && !finished);
    m_start->setText(status == AgentRun::Status::Paused ? tr("Resume") : tr("Start"));
    m_pause->setEnabled(runner && status == AgentRun::Status::Running);
}
