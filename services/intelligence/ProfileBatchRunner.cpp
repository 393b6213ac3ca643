#include "services/intelligence/ProfileBatchRunner.h"

#include "services/intelligence/IntelligenceStore.h"
#include "services/leads/LeadStore.h"

#include <QCoreApplication>

#include <algorithm>

ProfileBatchRunner::ProfileBatchRunner(IntelligenceStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{ }

void ProfileBatchRunner::setConcurrency(int calls)
{
    m_concurrency = std::clamp(calls, 1, 8);
}

bool ProfileBatchRunner::start(const QStringList& leadIds)
{
    if (m_running)
        return false;
    QStringList unique;
    for (const QString& id : leadIds) {
        if (!id.isEmpty() && !unique.contains(id))
            unique.append(id);
    }
    if (unique.isEmpty())
        return false;
    m_running = true;
    m_stopping = false;
    m_queue = unique;
    m_names.clear();
    m_inFlight = 0;
    m_summary = ProfileBatchSummary {};
    m_summary.total = int(unique.size());
    emit progress(0, m_summary.total);
    // Names first, for "Working on …" and the failure list; the batch starts either way.
    m_store->leads()->fetchLeads(unique, this, [this](const QList<Lead>& leads) {
        for (const Lead& lead : leads)
            m_names.insert(lead.id, lead.name);
        startMore();
    });
    return true;
}

void ProfileBatchRunner::cancel()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    m_summary.cancelled = true;
    m_queue.clear();
    if (m_inFlight == 0) {
        m_running = false;
        emit finished(m_summary);
    }
}

void ProfileBatchRunner::startMore()
{
    while (!m_stopping && m_inFlight < m_concurrency && !m_queue.isEmpty()) {
        const QString leadId = m_queue.takeFirst();
        ++m_inFlight;
        emit leadStarted(leadId, m_names.value(leadId));
        m_store->generateProfile(leadId, this, [this](const ProfileOutcome& outcome) { onFinished(outcome); });
    }
    if (m_inFlight == 0 && m_running) {
        m_running = false;
        emit finished(m_summary);
    }
}

void ProfileBatchRunner::onFinished(const ProfileOutcome& outcome)
{
    --m_inFlight;
    const LlmError::Kind kind = outcome.error.kind;
    if (outcome.ok) {
        ++m_summary.done;
    } else if (kind == LlmError::BudgetExceeded || kind == LlmError::NotConfigured) {
        // Every further call would be refused the same way: stop, and leave this lead for later.
        if (!m_stopping) {
            m_stopping = true;
            m_summary.stoppedByBudget = kind == LlmError::BudgetExceeded;
            m_summary.stopMessage = outcome.message;
            m_queue.clear();
        }
    } else {
        const QString name = outcome.leadName.isEmpty() ? m_names.value(outcome.leadId) : outcome.leadName;
        m_summary.failures.append({ outcome.leadId, name, outcome.message });
    }
    emit progress(m_summary.completed(), m_summary.total);
    startMore();
}
