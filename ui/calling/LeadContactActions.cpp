#include "ui/calling/LeadContactActions.h"

#include "services/calling/CallScriptSource.h"
#include "services/calling/CallService.h"
#include "services/calling/CallingRuntime.h"
#include "ui/calling/TextMessageDialog.h"

#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

LeadContactActions::LeadContactActions(CallingRuntime* runtime, CallScriptSource* scripts, QWidget* parent)
    : QWidget(parent)
    , m_runtime(runtime)
    , m_scripts(scripts)
    , m_aiCall(new QToolButton(this))
    , m_scriptMenu(new QMenu(this))
    , m_bridgeCall(new QPushButton(tr("Call from my phone"), this))
    , m_text(new QPushButton(tr("Text…"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("leadContactActions"));
    m_aiCall->setObjectName(QStringLiteral("leadAiCallButton"));
    m_aiCall->setText(tr("AI call"));
    m_aiCall->setToolTip(tr("Let the AI voice agent call this lead with one of your call scripts"));
    m_aiCall->setPopupMode(QToolButton::InstantPopup);
    m_aiCall->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_aiCall->setMenu(m_scriptMenu);
    m_scriptMenu->setObjectName(QStringLiteral("leadAiCallScripts"));
    m_bridgeCall->setObjectName(QStringLiteral("leadBridgeCallButton"));
    m_bridgeCall->setToolTip(tr("Twilio rings your phone first, then connects you to the lead"));
    m_text->setObjectName(QStringLiteral("leadTextButton"));
    m_text->setToolTip(tr("Send the lead a text message"));
    m_status->setObjectName(QStringLiteral("leadContactStatus"));
    m_status->setWordWrap(true);
    m_status->setProperty("muted", true);
    m_status->hide();

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_aiCall, 0, 0);
    layout->addWidget(m_bridgeCall, 0, 1);
    layout->addWidget(m_text, 0, 2);
    layout->setColumnStretch(3, 1);
    layout->addWidget(m_status, 1, 0, 1, 4);

    connect(m_scriptMenu, &QMenu::aboutToShow, this, &LeadContactActions::fillScriptMenu);
    connect(m_bridgeCall, &QPushButton::clicked, this, &LeadContactActions::callFromMyPhone);
    connect(m_text, &QPushButton::clicked, this, &LeadContactActions::openTextMessage);
}

void LeadContactActions::setLead(const QString& leadId, const QString& leadName)
{
    if (leadId != m_leadId)
        showStatus(QString());
    m_leadId = leadId;
    m_leadName = leadName;
}

QString LeadContactActions::statusText() const
{
    return m_status->text();
}

void LeadContactActions::showStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void LeadContactActions::fillScriptMenu()
{
    m_scriptMenu->clear();
    QAction* loading = m_scriptMenu->addAction(tr("Loading scripts…"));
    loading->setEnabled(false);
    delete m_scriptRequest;
    m_scriptRequest = new QObject(this);
    m_scripts->scripts(m_scriptRequest, [this](const QList<CallScript>& scripts) {
        m_scriptRequest->deleteLater();
        m_scriptMenu->clear();
        if (scripts.isEmpty()) {
            m_scriptMenu->addAction(tr("No call scripts yet: write one in Calling → Scripts"))->setEnabled(false);
            return;
        }
        for (const CallScript& script : scripts) {
            QAction* action = m_scriptMenu->addAction(script.name);
            action->setData(script.id);
            connect(action, &QAction::triggered, this, [this, script] { callWithScript(script); });
        }
    });
}

void LeadContactActions::callWithScript(const CallScript& script)
{
    if (m_leadId.isEmpty())
        return;
    CallService::PlaceRequest request;
    request.leadId = m_leadId;
    request.script = script;
    request.provider = CallingSettings::vapiProvider();
    showStatus(tr("Placing an AI call to %1 with “%2”…").arg(m_leadName, script.name));
    m_aiCall->setEnabled(false);
    const QString name = script.name;
    m_runtime->calls()->placeCall(request, this, [this, name, id = script.id](const CallService::PlaceOutcome& outcome) {
        m_aiCall->setEnabled(true);
        if (!outcome.ok) {
            showStatus(outcome.message);
            return;
        }
        m_scripts->markUsed(id);
        showStatus(tr("The AI agent is calling %1 with “%2”. Listen in Calling → Live monitor; the outcome lands on "
                      "the timeline.")
                       .arg(m_leadName, name));
    });
}

void LeadContactActions::callFromMyPhone()
{
    if (m_leadId.isEmpty())
        return;
    CallService::PlaceRequest request;
    request.leadId = m_leadId;
    request.provider = CallingSettings::twilioProvider();
    if (m_runtime->settings().ownPhone.isEmpty()) {
        showStatus(tr("Add your own phone number in Settings → Calling: Twilio rings it first, then connects the lead."));
        return;
    }
    showStatus(tr("Ringing your phone…"));
    m_bridgeCall->setEnabled(false);
    m_runtime->calls()->placeCall(request, this, [this](const CallService::PlaceOutcome& outcome) {
        m_bridgeCall->setEnabled(true);
        showStatus(outcome.ok ? tr("Twilio is ringing your phone (%1); answer it to be connected to %2.")
                                    .arg(m_runtime->settings().ownPhone, m_leadName)
                              : outcome.message);
    });
}

void LeadContactActions::openTextMessage()
{
    if (m_leadId.isEmpty())
        return;
    auto* dialog = new TextMessageDialog(m_runtime->texts(), m_leadId, m_leadName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TextMessageDialog::sent, this, [this] { showStatus(tr("Text message sent to %1.").arg(m_leadName)); });
    dialog->open();
}
