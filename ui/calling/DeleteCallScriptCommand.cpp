#include "ui/calling/DeleteCallScriptCommand.h"

#include "services/calling/CallScriptStore.h"

#include <QCoreApplication>

DeleteCallScriptCommand::DeleteCallScriptCommand(CallScriptStore* store, QString id, const QString& name)
    : m_store(store)
    , m_id(std::move(id))
{
    setText(QCoreApplication::translate("DeleteCallScriptCommand", "Delete script “%1”").arg(name));
}

void DeleteCallScriptCommand::redo()
{
    // Failures arrive through CallScriptStore::writeFailed, which the Calling view shows.
    m_store->remove(m_id, m_store);
}

void DeleteCallScriptCommand::undo()
{
    m_store->restore(m_id, m_store);
}
