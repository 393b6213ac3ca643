#include "ui/leads/LeadCommands.h"

#include "services/leads/TimelineStore.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("LeadCommands", text, nullptr, n);
}
} // namespace

ChangeStatusCommand::ChangeStatusCommand(LeadStore* store, QStringList ids, QString status, const QString& stageName)
    : m_store(store)
    , m_ids(std::move(ids))
    , m_status(std::move(status))
{
    setText(tr("move %n lead(s) to %1", static_cast<int>(m_ids.size())).arg(stageName));
}

void ChangeStatusCommand::redo()
{
    m_record = std::make_shared<LeadChangeRecord>();
    m_store->changeStatus(m_ids, m_status, m_record, m_store);
}

void ChangeStatusCommand::undo()
{
    m_store->revertStatus(m_record, m_store);
}

DeleteLeadsCommand::DeleteLeadsCommand(LeadStore* store, QStringList ids)
    : m_store(store)
    , m_ids(std::move(ids))
{
    setText(tr("delete %n lead(s)", static_cast<int>(m_ids.size())));
}

void DeleteLeadsCommand::redo()
{
    m_store->setDeleted(m_ids, true, m_store);
}

void DeleteLeadsCommand::undo()
{
    m_store->setDeleted(m_ids, false, m_store);
}

TagLeadsCommand::TagLeadsCommand(LeadStore* store, QStringList ids, QString tag, bool add)
    : m_store(store)
    , m_ids(std::move(ids))
    , m_tag(std::move(tag))
    , m_add(add)
{
    setText(add ? tr("tag %n lead(s) “%1”", static_cast<int>(m_ids.size())).arg(m_tag)
                : tr("remove tag “%1” from %n lead(s)", static_cast<int>(m_ids.size())).arg(m_tag));
}

void TagLeadsCommand::redo()
{
    m_record = std::make_shared<LeadChangeRecord>();
    m_store->changeTag(m_ids, m_tag, m_add, m_record, m_store);
}

void TagLeadsCommand::undo()
{
    m_store->revertTags(m_record, m_store);
}

SaveLeadCommand::SaveLeadCommand(LeadStore* store, Lead before, Lead after, LeadStore::Done firstDone)
    : m_store(store)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_firstDone(std::move(firstDone))
{
    setText(m_before.isValid() ? tr("edit “%1”").arg(m_after.name) : tr("create “%1”").arg(m_after.name));
}

void SaveLeadCommand::redo()
{
    if (m_done && !m_before.isValid()) {
        m_store->setDeleted({ m_after.id }, false, m_store);
        return;
    }
    m_store->saveLead(m_after, m_store, std::exchange(m_firstDone, {}));
    m_done = true;
}

void SaveLeadCommand::undo()
{
    if (m_before.isValid())
        m_store->saveLead(m_before, m_store);
    else
        m_store->setDeleted({ m_after.id }, true, m_store);
}

DeleteNoteCommand::DeleteNoteCommand(TimelineStore* timeline, QString activityId)
    : m_timeline(timeline)
    , m_activityId(std::move(activityId))
{
    setText(tr("delete note"));
}

void DeleteNoteCommand::redo()
{
    m_timeline->setNoteDeleted(m_activityId, true, m_timeline);
}

void DeleteNoteCommand::undo()
{
    m_timeline->setNoteDeleted(m_activityId, false, m_timeline);
}

EditNoteCommand::EditNoteCommand(TimelineStore* timeline, QString activityId, QString before, QString after)
    : m_timeline(timeline)
    , m_activityId(std::move(activityId))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(tr("edit note"));
}

void EditNoteCommand::redo()
{
    m_timeline->editNote(m_activityId, m_after, m_timeline);
}

void EditNoteCommand::undo()
{
    m_timeline->editNote(m_activityId, m_before, m_timeline);
}
