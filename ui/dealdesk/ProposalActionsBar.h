#pragma once

#include "models/Proposal.h"

#include <QWidget>

class QLabel;
class QPushButton;

// The editor's status line: the status chip and the moves ProposalRules allow from it (Send, Mark accepted, Mark
// rejected, Back to draft), plus Export PDF… and Delete. A button that cannot be used says why in its tooltip.
class ProposalActionsBar : public QWidget
{
    Q_OBJECT

public:
    explicit ProposalActionsBar(QWidget* parent = nullptr);

    // saved: the proposal exists in the workspace; busy: a write is in flight.
    void setState(Proposal::Status status, bool saved, bool busy);

    QLabel* chip() const { return m_chip; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* acceptButton() const { return m_accept; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* draftButton() const { return m_draft; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* deleteButton() const { return m_delete; }

signals:
    void statusRequested(Proposal::Status status);
    void exportRequested();
    void deleteRequested();

private:
    void setMove(QPushButton* button, Proposal::Status from, Proposal::Status to, const QString& helpText, bool busy);

    QLabel* m_chip;
    QPushButton* m_send;
    QPushButton* m_accept;
    QPushButton* m_reject;
    QPushButton* m_draft;
    QPushButton* m_export;
    QPushButton* m_delete;
};
