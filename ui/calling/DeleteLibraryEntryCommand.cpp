#include "ui/calling/DeleteLibraryEntryCommand.h"

#include "services/calling/CallScriptStore.h"

#include <QCoreApplication>

DeleteLibraryEntryCommand::DeleteLibraryEntryCommand(CallScriptStore* store, Kind kind, QString id, const QString& label)
    : m_store(store)
    , m_kind(kind)
    , m_id(std::move(id))
{
    setText(kind == Kind::Objection
            ? QCoreApplication::translate("DeleteLibraryEntryCommand", "Delete objection “%1”").arg(label)
            : QCoreApplication::translate("DeleteLibraryEntryCommand", "Delete playbook “%1”").arg(label));
}

void DeleteLibraryEntryCommand::redo()
{
    if (m_kind == Kind::Objection)
        m_store->removeObjection(m_id, m_store);
    else
        m_store->removePlaybook(m_id, m_store);
}

void DeleteLibraryEntryCommand::undo()
{
    if (m_kind == Kind::Objection)
        m_store->restoreObjection(m_id, m_store);
    else
        m_store->restorePlaybook(m_id, m_store);
}
