#include "ui/hygiene/MergeCommand.h"

#include "services/hygiene/HygieneStore.h"

#include <QCoreApplication>

MergeCommand::MergeCommand(HygieneStore* store, MergeRequest request, const QString& masterName,
    std::function<void(const MergeResult&)> firstDone)
    : m_store(store)
    , m_request(std::move(request))
    , m_state(std::make_shared<State>())
    , m_firstDone(std::move(firstDone))
{
    setText(QCoreApplication::translate("MergeCommand", "merge %n lead(s) into “%1”", nullptr,
        static_cast<int>(m_request.duplicateIds.size()))
                .arg(masterName));
}

void MergeCommand::redo()
{
    // The log id is known only once the merge has run; an undo asked for before that waits for it.
    auto done = std::exchange(m_firstDone, {});
    m_state->mergeLogId.clear();
    m_state->undoRequested = false;
    m_state->running = true;
    HygieneStore* store = m_store;
    m_store->merge(m_request, m_store, [state = m_state, store, done](const MergeResult& result) {
        state->running = false;
        if (result.ok)
            state->mergeLogId = result.mergeLogId;
        if (done)
            done(result);
        if (result.ok && state->undoRequested)
            store->undoMerge(state->mergeLogId, store);
    });
}

void MergeCommand::undo()
{
    if (m_state->running)
        m_state->undoRequested = true;
    else if (!m_state->mergeLogId.isEmpty())
        m_store->undoMerge(m_state->mergeLogId, m_store);
}
