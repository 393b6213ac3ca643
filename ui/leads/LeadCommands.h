#pragma once

#include "models/Lead.h"
#include "services/leads/LeadStore.h"

#include <QUndoCommand>

class TimelineStore;

// Undoable lead edits. Each holds what it needs to go back; the store records before-values on the database
// thread, where the undo that follows is queued after the change.

class ChangeStatusCommand : public QUndoCommand
{
public:
    ChangeStatusCommand(LeadStore* store, QStringList ids, QString status, const QString& stageName);
    void redo() override;
    void undo() override;

private:
    LeadStore* m_store;
    QStringList m_ids;
    QString m_status;
    std::shared_ptr<LeadChangeRecord> m_record;
};

class DeleteLeadsCommand : public QUndoCommand
{
public:
    DeleteLeadsCommand(LeadStore* store, QStringList ids);
    void redo() override;
    void undo() override;

private:
    LeadStore* m_store;
    QStringList m_ids;
};

class TagLeadsCommand : public QUndoCommand
{
public:
    TagLeadsCommand(LeadStore* store, QStringList ids, QString tag, bool add);
    void redo() override;
    void undo() override;

private:
    LeadStore* m_store;
    QStringList m_ids;
    QString m_tag;
    bool m_add;
    std::shared_ptr<LeadChangeRecord> m_record;
};

// Creating (before is invalid) or editing a lead.
class SaveLeadCommand : public QUndoCommand
{
public:
    SaveLeadCommand(LeadStore* store, Lead before, Lead after, LeadStore::Done firstDone = {});
    void redo() override;
    void undo() override;

private:
    LeadStore* m_store;
    Lead m_before;
    Lead m_after;
    LeadStore::Done m_firstDone;
    bool m_done = false;
};

class DeleteNoteCommand : public QUndoCommand
{
public:
    DeleteNoteCommand(TimelineStore* timeline, QString activityId);
    void redo() override;
    void undo() override;

private:
    TimelineStore* m_timeline;
    QString m_activityId;
};

class EditNoteCommand : public QUndoCommand
{
public:
    EditNoteCommand(TimelineStore* timeline, QString activityId, QString before, QString after);
    void redo() override;
    void undo() override;

private:
    TimelineStore* m_timeline;
    QString m_activityId;
    QString m_before;
    QString m_after;
};
