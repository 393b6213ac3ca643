#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

class EventBus;
class IntelligenceStore;
class QTimer;

// Re-analyses a lead after something new lands on its timeline: a note (activity.added with kind "note") or a call
// (kind "call", which the calling module adds when a call completes). Bursts are folded into one run per lead: each
// new trigger restarts that lead's timer, and a trigger that arrives while the lead is being analysed runs once more
// afterwards. Only runs when AI is configured; refusals (budget, network) are dropped silently, because nobody asked.
class AutoAnalysisScheduler : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultDelayMs = 5000;

    AutoAnalysisScheduler(EventBus* bus, IntelligenceStore* store, QObject* parent = nullptr);

    // The quiet time after the last trigger before the analysis starts (tests make it short).
    void setDelay(int milliseconds);
    int delay() const { return m_delayMs; }
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // Analyses the lead once it has been quiet for delay(); also for triggers that are not events.
    void schedule(const QString& leadId);
    // A run of this lead is still to come (its timer is counting, or it waits for the running analysis).
    bool isPending(const QString& leadId) const { return m_timers.contains(leadId) || m_rerun.contains(leadId); }
    bool isWaitingForRunningAnalysis(const QString& leadId) const { return m_rerun.contains(leadId); }

signals:
    // An automatic analysis of this lead started.
    void triggered(const QString& leadId);

private:
    void fire(const QString& leadId);

    IntelligenceStore* m_store;
    int m_delayMs = kDefaultDelayMs;
    bool m_enabled = true;
    QHash<QString, QTimer*> m_timers;
    QSet<QString> m_rerun; // triggered while an analysis of the lead was running
};
