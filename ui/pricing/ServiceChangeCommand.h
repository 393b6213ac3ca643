#pragma once

#include "models/pricing/ServiceOffering.h"

#include <QUndoCommand>

#include <optional>

class ServiceCatalogStore;

// One undoable change to the price list: adding (no `before`), editing (both) or deleting (no `after`, a tombstone
// undone by restoring it). Holds values only, so it stays valid on the window's undo stack after the dialog closes.
class ServiceChangeCommand : public QUndoCommand
{
public:
    ServiceChangeCommand(
        ServiceCatalogStore* store, std::optional<ServiceOffering> before, std::optional<ServiceOffering> after);
    void redo() override;
    void undo() override;

private:
    ServiceCatalogStore* m_store;
    std::optional<ServiceOffering> m_before;
    std::optional<ServiceOffering> m_after;
};
