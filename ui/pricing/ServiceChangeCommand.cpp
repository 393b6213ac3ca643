#include "ui/pricing/ServiceChangeCommand.h"

#include "services/pricing/ServiceCatalogStore.h"

#include <QCoreApplication>

ServiceChangeCommand::ServiceChangeCommand(
    ServiceCatalogStore* store, std::optional<ServiceOffering> before, std::optional<ServiceOffering> after)
    : m_store(store)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    if (!m_before && m_after)
        setText(QCoreApplication::translate("ServiceChangeCommand", "Add service “%1”").arg(m_after->name));
    else if (m_before && !m_after)
        setText(QCoreApplication::translate("ServiceChangeCommand", "Delete service “%1”").arg(m_before->name));
    else if (m_after)
        setText(QCoreApplication::translate("ServiceChangeCommand", "Edit service “%1”").arg(m_after->name));
}

// The store reports failures through writeFailed, which the dialog shows.
void ServiceChangeCommand::redo()
{
    if (m_after)
        m_store->save(*m_after, m_store);
    else if (m_before)
        m_store->remove(m_before->id, m_store);
}

void ServiceChangeCommand::undo()
{
    if (!m_before && m_after)
        m_store->remove(m_after->id, m_store);
    else if (m_before && !m_after)
        m_store->restore(m_before->id, m_store);
    else if (m_before)
        m_store->save(*m_before, m_store);
}
