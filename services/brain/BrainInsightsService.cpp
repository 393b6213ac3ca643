#include "services/brain/BrainInsightsService.h"

#include "services/brain/BrainInsightsRepository.h"
#include "services/events/EventBus.h"
#include "services/pricing/ServiceCatalogStore.h"
#include "services/storage/DatabaseExecutor.h"

#include <QSet>

namespace {
// Events after which the insights may read differently. By name, so that events added later (lead.analyzed comes
// with Lead Intelligence) need no change here.
bool affectsInsights(const HubEvent& event)
{
    static const QSet<QString> names { QStringLiteral("lead.analyzed"), QStringLiteral("lead.created"),
        QStringLiteral("lead.updated"), QStringLiteral("lead.deleted"), QStringLiteral("lead.restored"),
        QStringLiteral("lead.status_changed"), QStringLiteral("activity.added"), QStringLiteral("import.completed"),
        QStringLiteral("proposal.status_changed"), QStringLiteral("call.completed") };
    return names.contains(event.name());
}
} // namespace

BrainInsightsService::BrainInsightsService(
    DatabaseExecutor* executor, EventBus* bus, ServiceCatalogStore* catalog, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &BrainInsightsService::refresh);
    if (bus) {
        connect(bus, &EventBus::published, this, [this](const HubEvent& event) {
            if (affectsInsights(event))
                scheduleRefresh();
        });
    }
    if (catalog)
        connect(catalog, &ServiceCatalogStore::servicesChanged, this, &BrainInsightsService::scheduleRefresh);
}

void BrainInsightsService::setStalledDays(int days)
{
    days = std::clamp(days, 1, 3650);
    if (days == m_stalledDays)
        return;
    m_stalledDays = days;
    scheduleRefresh();
}

void BrainInsightsService::setAutoRefresh(bool on)
{
    m_autoRefresh = on;
    if (on && m_dirty)
        scheduleRefresh();
}

void BrainInsightsService::scheduleRefresh()
{
    if (!m_started)
        return;
    if (!m_autoRefresh) {
        m_dirty = true;
        return;
    }
    m_debounce.start();
}

void BrainInsightsService::refresh()
{
    m_started = true;
    m_dirty = false;
    m_debounce.stop();
    if (m_loading) {
        m_pending = true;
        return;
    }
    m_loading = true;
    emit loadingChanged(true);

    BrainInsightsQuery query;
    query.orgId = m_orgId;
    query.now = m_clock().toUTC();
    query.stalledDays = m_stalledDays;
    m_executor->run<BrainInsights>(
        this, [query](QSqlDatabase& db) { return BrainInsightsRepository(db).load(query); },
        [this](const BrainInsights& insights) {
            m_loading = false;
            m_latest = insights;
            emit loadingChanged(false);
            emit insightsReady(insights);
            if (m_pending) {
                m_pending = false;
                refresh();
            }
        });
}
