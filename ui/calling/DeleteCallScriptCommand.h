#pragma once

#include <QUndoCommand>

class CallScriptStore;

// Deleting a call script (a tombstone), undone by restoring it.
class DeleteCallScriptCommand : public QUndoCommand
{
public:
    DeleteCallScriptCommand(CallScriptStore* store, QString id, const QString& name);
    void redo() override;
    void undo() override;

private:
    CallScriptStore* m_store;
    QString m_id;
};
