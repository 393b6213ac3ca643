#pragma once

#include <QUndoCommand>

class CallScriptStore;

// Deleting an objection or a playbook of the shared library (a tombstone), undone by restoring it.
class DeleteLibraryEntryCommand : public QUndoCommand
{
public:
    enum class Kind { Objection, Playbook };

    DeleteLibraryEntryCommand(CallScriptStore* store, Kind kind, QString id, const QString& label);
    void redo() override;
    void undo() override;

private:
    CallScriptStore* m_store;
    Kind m_kind;
    QString m_id;
};
