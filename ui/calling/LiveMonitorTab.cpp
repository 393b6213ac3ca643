#include "ui/calling/LiveMonitorTab.h"

#include "services/calling/AgentRunStore.h"
#include "services/calling/CallListenClient.h"
#include "services/calling/CallService.h"
#include "ui/calling/LiveCallModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QVBoxLayout>

LiveMonitorTab::LiveMonitorTab(CallService* calls, AgentRunStore* agents, QWidget* parent)
    : QWidget(parent)
    , m_calls(calls)
    , m_agents(agents)
    , m_model(new LiveCallModel(calls, this))
    , m_listener(new CallListenClient(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(tr("No call is in progress. Calls started by agents or from a lead appear here."), this))
    , m_listen(new QPushButton(tr("Listen"), this))
    , m_end(new QPushButton(tr("End call"), this))
    , m_channel(new QComboBox(this))
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_customerLevel(new QProgressBar(this))
    , m_assistantLevel(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_transcript(new QPlainTextEdit(this))
{
    m_table->setObjectName(QStringLiteral("liveCallsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_empty->setObjectName(QStringLiteral("liveEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_listen->setObjectName(QStringLiteral("liveListen"));
    m_listen->setShortcut(QKeySequence(QStringLiteral("Ctrl+L")));
    m_end->setObjectName(QStringLiteral("liveEndCall"));
    m_channel->setObjectName(QStringLiteral("liveChannel"));
    m_channel->addItem(tr("Both sides"), int(CallListenClient::Channel::Both));
    m_channel->addItem(tr("Lead only"), int(CallListenClient::Channel::Customer));
    m_channel->addItem(tr("AI agent only"), int(CallListenClient::Channel::Assistant));
    m_volume->setObjectName(QStringLiteral("liveVolume"));
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    for (QProgressBar* bar : { m_customerLevel, m_assistantLevel }) {
        bar->setRange(0, 100);
        bar->setTextVisible(false);
        bar->setMaximumHeight(10);
    }
    m_customerLevel->setObjectName(QStringLiteral("liveLevelCustomer"));
    m_assistantLevel->setObjectName(QStringLiteral("liveLevelAssistant"));
    m_status->setObjectName(QStringLiteral("liveStatus"));
    m_status->setWordWrap(true);
    m_transcript->setObjectName(QStringLiteral("liveTranscript"));
    m_transcript->setReadOnly(true);
    m_transcript->setPlaceholderText(tr("The live transcript appears here while you listen."));

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_listen);
    controls->addWidget(m_channel);
    controls->addWidget(new QLabel(tr("Volume"), this));
    controls->addWidget(m_volume, 1);
    controls->addWidget(m_end);
    auto* meters = new QFormLayout;
    meters->addRow(tr("Lead"), m_customerLevel);
    meters->addRow(tr("AI agent"), m_assistantLevel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_empty);
    layout->addLayout(controls);
    layout->addLayout(meters);
    layout->addWidget(m_status);
    layout->addWidget(m_transcript, 1);

    m_listener->setVolume(m_volume->value() / 100.0);
    connect(m_volume, &QSlider::valueChanged, this, [this](int value) { m_listener->setVolume(value / 100.0); });
    connect(m_channel, &QComboBox::currentIndexChanged, this, [this] {
        m_listener->setChannel(CallListenClient::Channel(m_channel->currentData().toInt()));
    });
    connect(m_listen, &QPushButton::clicked, this, &LiveMonitorTab::toggleListen);
    connect(m_end, &QPushButton::clicked, this, &LiveMonitorTab::endCall);
    connect(m_listener, &CallListenClient::levelsChanged, this, [this](double customer, double assistant) {
        m_customerLevel->setValue(int(customer * 100));
        m_assistantLevel->setValue(int(assistant * 100));
    });
    connect(m_listener, &CallListenClient::transcriptReceived, this,
        [this](const QString& role, const QString& text, bool final) {
            if (final)
                m_transcript->appendPlainText((role == QLatin1String("user") ? tr("Lead: ") : tr("AI: ")) + text);
        });
    connect(m_listener, &CallListenClient::closed, this, [this](const QString& reason) {
        m_listeningTo.clear();
        m_customerLevel->setValue(0);
        m_assistantLevel->setValue(0);
        m_status->setText(reason.isEmpty() ? tr("Stopped listening.") : tr("The audio connection closed: %1").arg(reason));
        updateState();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        refreshAgentNames();
        updateState();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LiveMonitorTab::updateState);
    refreshAgentNames();
    updateState();
}

LiveMonitorTab::~LiveMonitorTab() = default;

QString LiveMonitorTab::selectedCallId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->callIdAt(rows.first().row());
}

void LiveMonitorTab::refreshAgentNames()
{
    if (!m_agents)
        return;
    m_agents->list(this, [this](const QList<AgentRun>& runs) {
        QHash<QString, QString> names;
        for (const AgentRun& run : runs)
            names.insert(run.id, run.name);
        m_model->setAgentNames(names);
    });
}

void LiveMonitorTab::updateState()
{
    const bool any = m_model->rowCount() > 0;
    m_table->setVisible(any);
    m_empty->setVisible(!any);
    const QString selected = selectedCallId();
    const bool listening = !m_listeningTo.isEmpty();
    m_listen->setEnabled(listening || !selected.isEmpty());
    m_listen->setText(listening ? tr("Stop listening") : tr("Listen"));
    m_end->setEnabled(!selected.isEmpty());
    if (listening && !m_calls->liveCall(m_listeningTo))
        m_listener->close();
}

void LiveMonitorTab::toggleListen()
{
    if (!m_listeningTo.isEmpty()) {
        m_listener->close();
        return;
    }
    const QString callId = selectedCallId();
    const std::optional<LiveCall> call = m_calls->liveCall(callId);
    if (!call)
        return;
    if (!call->provider.listenUrl.isValid() || call->provider.listenUrl.isEmpty()) {
        m_status->setText(tr("This call has no live audio: only AI calls through Vapi can be listened to."));
        return;
    }
    m_listeningTo = callId;
    m_transcript->clear();
    const bool playing = m_listener->setPlaybackEnabled(true);
    m_status->setText(playing ? tr("Listening to %1…").arg(call->leadName)
                              : tr("Listening to %1 (no audio output on this computer: the meters still move).")
                                    .arg(call->leadName));
    m_listener->open(call->provider.listenUrl);
    updateState();
}

void LiveMonitorTab::endCall()
{
    const QString callId = selectedCallId();
    if (callId.isEmpty())
        return;
    m_end->setEnabled(false);
    m_status->setText(tr("Ending the call…"));
    m_calls->endCall(callId, this, [this](const TelephonyError& error) {
        m_status->setText(error.ok() ? tr("The call was ended.") : error.message);
        updateState();
    });
}
