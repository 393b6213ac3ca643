#pragma once

#include <QUndoCommand>

class ProposalStore;

// Deleting a proposal (a tombstone), undone by restoring it.
class DeleteProposalCommand : public QUndoCommand
{
public:
    DeleteProposalCommand(ProposalStore* store, QString id, const QString& title);
    void redo() override;
    void undo() override;

private:
    ProposalStore* m_store;
    QString m_id;
};
