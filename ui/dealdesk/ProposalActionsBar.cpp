#include "ui/dealdesk/ProposalActionsBar.h"

#include "models/ProposalRules.h"
#include "ui/dealdesk/StatusChipDelegate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ProposalActionsBar::ProposalActionsBar(QWidget* parent)
    : QWidget(parent)
    , m_chip(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_accept(new QPushButton(tr("Mark accepted"), this))
    , m_reject(new QPushButton(tr("Mark rejected…"), this))
    , m_draft(new QPushButton(tr("Back to draft"), this))
    , m_export(new QPushButton(tr("Export PDF…"), this))
    , m_delete(new QPushButton(QIcon(QStringLiteral(":/icons/trash.svg")), tr("Delete"), this))
{
    setObjectName(QStringLiteral("proposalActions"));
    m_chip->setObjectName(QStringLiteral("statusChip"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_accept->setObjectName(QStringLiteral("acceptButton"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_draft->setObjectName(QStringLiteral("backToDraftButton"));
    m_export->setObjectName(QStringLiteral("exportPdfButton"));
    m_delete->setObjectName(QStringLiteral("deleteProposalButton"));
    for (QPushButton* button : { m_send, m_accept, m_reject, m_draft, m_export, m_delete })
        button->setAutoDefault(false);
    connect(m_send, &QPushButton::clicked, this, [this] { emit statusRequested(Proposal::Status::Sent); });
    connect(m_accept, &QPushButton::clicked, this, [this] { emit statusRequested(Proposal::Status::Accepted); });
    connect(m_reject, &QPushButton::clicked, this, [this] { emit statusRequested(Proposal::Status::Rejected); });
    connect(m_draft, &QPushButton::clicked, this, [this] { emit statusRequested(Proposal::Status::Draft); });
    connect(m_export, &QPushButton::clicked, this, &ProposalActionsBar::exportRequested);
    connect(m_delete, &QPushButton::clicked, this, &ProposalActionsBar::deleteRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chip);
    layout->addSpacing(12);
    layout->addWidget(m_send);
    layout->addWidget(m_accept);
    layout->addWidget(m_reject);
    layout->addWidget(m_draft);
    layout->addStretch();
    layout->addWidget(m_export);
    layout->addWidget(m_delete);
}

void ProposalActionsBar::setMove(
    QPushButton* button, Proposal::Status from, Proposal::Status to, const QString& helpText, bool busy)
{
    // "-" stands in for the rejection reason, which is asked for after the click.
    const QString refused = ProposalRules::transitionError(from, to, QStringLiteral("-"));
    button->setEnabled(refused.isEmpty() && !busy);
    button->setToolTip(refused.isEmpty() ? helpText : refused);
}

void ProposalActionsBar::setState(Proposal::Status status, bool saved, bool busy)
{
    m_chip->setText(Proposal::statusLabel(status));
    m_chip->setStyleSheet(StatusChipDelegate::labelStyleSheet(status));
    setMove(m_send, status, Proposal::Status::Sent,
        tr("Mark the proposal as sent to the client; it must be complete and not expired. Unsaved changes are saved "
           "first."),
        busy);
    setMove(m_accept, status, Proposal::Status::Accepted, tr("The client accepted the proposal."), busy);
    setMove(m_reject, status, Proposal::Status::Rejected, tr("The client declined; you will be asked why."), busy);
    setMove(m_draft, status, Proposal::Status::Draft, tr("Move the proposal back to draft to revise it."), busy);
    m_export->setEnabled(!busy);
    m_export->setToolTip(tr("Save the proposal as a PDF document for the client (Ctrl+E)"));
    m_delete->setEnabled(saved && !busy);
    m_delete->setToolTip(saved ? tr("Delete the proposal; Ctrl+Z in the main window brings it back.")
                               : tr("This proposal has not been saved yet; Cancel discards it."));
}
