#pragma once

#include "services/brain/BrainInsights.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

class DatabaseExecutor;
class EventBus;
class ServiceCatalogStore;

// Computes the Neural Brain's insights on the database thread and re-computes them (debounced) when leads change,
// are analysed, or the price list changes. Nothing happens until the first refresh(), so a hidden module costs
// nothing at start-up.
class BrainInsightsService : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    BrainInsightsService(
        DatabaseExecutor* executor, EventBus* bus, ServiceCatalogStore* catalog, QObject* parent = nullptr);

    void setOrgId(const QString& orgId) { m_orgId = orgId; }
    // Tests pin "now"; the default is the system clock in UTC.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setStalledDays(int days);
    int stalledDays() const { return m_stalledDays; }
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }
    // While off (the view is hidden), changes are only noted; turning it on catches up with one refresh.
    void setAutoRefresh(bool on);

    // Loads now; a refresh asked for while one runs is done once that one has answered.
    void refresh();
    bool isLoading() const { return m_loading; }
    // A debounced refresh is waiting to run (or one more will follow the running load).
    bool isRefreshScheduled() const { return m_debounce.isActive() || m_pending; }
    const BrainInsights& latest() const { return m_latest; }

signals:
    void insightsReady(const BrainInsights& insights);
    void loadingChanged(bool loading);

private:
    void scheduleRefresh();

    DatabaseExecutor* m_executor;
    QString m_orgId;
    Clock m_clock;
    int m_stalledDays = BrainInsightsQuery::kDefaultStalledDays;
    QTimer m_debounce;
    bool m_started = false;
    bool m_autoRefresh = true;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_pending = false;
    BrainInsights m_latest;
};
