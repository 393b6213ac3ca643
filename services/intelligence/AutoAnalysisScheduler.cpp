#include "services/intelligence/AutoAnalysisScheduler.h"

#include "models/Activity.h"
#include "services/events/EventBus.h"
#include "services/intelligence/IntelligenceStore.h"

#include <QTimer>

#include <algorithm>

namespace {
bool isTrigger(const HubEvent& event)
{
    const QString kind = event.payload.value(QStringLiteral("kind")).toString();
    return kind == Activity::kindToString(Activity::Kind::Note) || kind == Activity::kindToString(Activity::Kind::Call);
}
} // namespace

AutoAnalysisScheduler::AutoAnalysisScheduler(EventBus* bus, IntelligenceStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    bus->subscribe(HubEvent::Type::ActivityAdded, this, [this](const HubEvent& event) {
        if (!event.leadId.isEmpty() && isTrigger(event))
            schedule(event.leadId);
    });
    connect(store, &IntelligenceStore::analysisFinished, this, [this](const QString& leadId) {
        if (m_rerun.remove(leadId))
            schedule(leadId);
    });
}

void AutoAnalysisScheduler::setDelay(int milliseconds)
{
    m_delayMs = std::max(0, milliseconds);
    for (QTimer* timer : std::as_const(m_timers))
        timer->setInterval(m_delayMs);
}

void AutoAnalysisScheduler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (enabled)
        return;
    qDeleteAll(m_timers);
    m_timers.clear();
    m_rerun.clear();
}

void AutoAnalysisScheduler::schedule(const QString& leadId)
{
    // Without AI there is nothing to do, and nothing to say: the user did not ask for this.
    if (!m_enabled || leadId.isEmpty() || !m_store->isAiConfigured())
        return;
    QTimer* timer = m_timers.value(leadId);
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, leadId] { fire(leadId); });
        m_timers.insert(leadId, timer);
    }
    timer->start(m_delayMs);
}

void AutoAnalysisScheduler::fire(const QString& leadId)
{
    if (QTimer* timer = m_timers.take(leadId))
        timer->deleteLater();
    if (!m_enabled || !m_store->isAiConfigured())
        return;
    if (m_store->isAnalysing(leadId)) {
        m_rerun.insert(leadId);
        return;
    }
    emit triggered(leadId);
    m_store->analyse(leadId); // the outcome reaches open panels through the store's signals; refusals stay quiet
}
