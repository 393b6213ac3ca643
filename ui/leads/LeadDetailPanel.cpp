#include "ui/leads/LeadDetailPanel.h"

#include "services/leads/LeadStore.h"
#include "ui/calling/LeadContactActions.h"
#include "ui/intelligence/IntelligencePanel.h"
#include "ui/leads/LeadCommands.h"
#include "ui/leads/LeadForm.h"
#include "ui/leads/TimelineWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

LeadDetailPanel::LeadDetailPanel(LeadStore* leads, TimelineStore* timeline, QUndoStack* undoStack, QWidget* parent)
    : QFrame(parent)
    , m_leads(leads)
    , m_undoStack(undoStack)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_form(new LeadForm(this))
    , m_timeline(new TimelineWidget(timeline, undoStack, this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
{
    setObjectName(QStringLiteral("LeadDetailPanel"));
    setMinimumWidth(380);
    m_title->setObjectName(QStringLiteral("DetailTitle"));
    m_title->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("EmptyStateText"));
    m_save->setObjectName(QStringLiteral("detailSaveButton"));
    m_save->setProperty("primary", true);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save changes (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revert->setObjectName(QStringLiteral("detailRevertButton"));

    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("detailCloseButton"));
    close->setIcon(QIcon(QStringLiteral(":/icons/close.svg")));
    close->setToolTip(tr("Close (Esc)"));
    close->setShortcut(Qt::Key_Escape);
    connect(close, &QToolButton::clicked, this, &LeadDetailPanel::closePanel);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(close, 0, Qt::AlignTop);

    auto* details = new QWidget(this);
    auto* scroll = new QScrollArea(details);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 8, 0, 0);
    detailsLayout->addWidget(scroll, 1);
    detailsLayout->addLayout(buttons);

    m_tabs->addTab(details, tr("Details"));
    m_tabs->addTab(m_timeline, tr("Activity"));

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(16, 16, 16, 12);
    m_layout->addLayout(header);
    m_layout->addWidget(m_tabs, 1);

    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    connect(m_form, &LeadForm::dirtyChanged, this, [this](bool dirty) {
        m_save->setEnabled(dirty);
        m_revert->setEnabled(dirty);
        if (dirty)
            m_status->setText(tr("Unsaved changes"));
    });
    connect(m_save, &QPushButton::clicked, this, &LeadDetailPanel::save);
    connect(m_revert, &QPushButton::clicked, this, [this] { showLead(m_lead); });
    connect(m_leads, &LeadStore::leadsUpserted, this, [this](const QList<Lead>& leads) {
        for (const Lead& lead : leads) {
            if (lead.id == m_lead.id && !m_form->isDirty())
                showLead(lead);
        }
    });
    connect(m_leads, &LeadStore::leadsRemoved, this, [this](const QStringList& ids) {
        if (ids.contains(m_lead.id))
            closePanel();
    });
}

void LeadDetailPanel::setStages(const PipelineStages& stages)
{
    m_form->setStages(stages);
    m_timeline->setStages(stages);
}

void LeadDetailPanel::openLead(const QString& leadId)
{
    if (leadId.isEmpty())
        return;
    m_leads->fetchLead(leadId, this, [this](const std::optional<Lead>& lead) {
        if (!lead || lead->deleted) {
            closePanel();
            return;
        }
        showLead(*lead);
        m_timeline->setLead(lead->id);
        if (m_intelligence)
            m_intelligence->setLead(lead->id);
        show();
        m_form->nameEdit()->setFocus();
    });
}

void LeadDetailPanel::showLead(const Lead& lead)
{
    m_lead = lead;
    m_title->setText(lead.name);
    m_form->setLead(lead);
    if (m_contact)
        m_contact->setLead(lead.id, lead.name);
    m_status->setText(tr("Saved"));
}

void LeadDetailPanel::save()
{
    Lead edited;
    if (!m_lead.isValid() || !m_form->collect(&edited)) {
        m_status->setText(tr("Fix the highlighted fields to save."));
        return;
    }
    m_status->setText(tr("Saving…"));
    m_save->setEnabled(false);
    m_form->setDirty(false);
    m_undoStack->push(new SaveLeadCommand(m_leads, m_lead, edited, [this](const WriteOutcome& outcome) {
        m_status->setText(outcome.ok ? tr("Saved") : tr("Not saved: %1").arg(outcome.error));
        if (!outcome.ok)
            m_form->setDirty(true);
    }));
}

void LeadDetailPanel::setIntelligencePanel(IntelligencePanel* panel)
{
    m_intelligence = panel;
    m_tabs->addTab(panel, tr("Intelligence"));
    if (m_lead.isValid())
        panel->setLead(m_lead.id);
}

void LeadDetailPanel::setContactActions(LeadContactActions* actions)
{
    m_contact = actions;
    m_layout->insertWidget(1, actions);
    if (m_lead.isValid())
        actions->setLead(m_lead.id, m_lead.name);
}

void LeadDetailPanel::closePanel()
{
    m_lead = Lead();
    if (m_intelligence)
        m_intelligence->setLead({});
    if (m_contact)
        m_contact->setLead({}, {});
    hide();
    emit closed();
}
