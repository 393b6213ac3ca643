#pragma once

#include "services/hygiene/LeadMerger.h"

#include <QUndoCommand>

class HygieneStore;

// A merge on the undo stack: undo restores every lead, activity and field as it was.
class MergeCommand : public QUndoCommand
{
public:
    MergeCommand(HygieneStore* store, MergeRequest request, const QString& masterName,
        std::function<void(const MergeResult&)> firstDone = {});
    void redo() override;
    void undo() override;

private:
    HygieneStore* m_store;
    MergeRequest m_request;
    struct State
    {
        QString mergeLogId;
        bool running = false;
        bool undoRequested = false;
    };
    std::shared_ptr<State> m_state;
    std::function<void(const MergeResult&)> m_firstDone;
};
