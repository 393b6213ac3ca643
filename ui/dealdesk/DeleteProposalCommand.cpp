#include "ui/dealdesk/DeleteProposalCommand.h"

#include "services/dealdesk/ProposalStore.h"

#include <QCoreApplication>

DeleteProposalCommand::DeleteProposalCommand(ProposalStore* store, QString id, const QString& title)
    : m_store(store)
    , m_id(std::move(id))
{
    setText(QCoreApplication::translate("DeleteProposalCommand", "Delete proposal “%1”").arg(title));
}

void DeleteProposalCommand::redo()
{
    // The store answers failures through writeFailed, which the Deal Desk shows.
    m_store->remove(m_id, m_store);
}

void DeleteProposalCommand::undo()
{
    m_store->restore(m_id, m_store);
}
