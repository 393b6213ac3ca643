#pragma once

#include "services/intelligence/AnalysisOutcome.h"
#include "services/intelligence/LeadContextBuilder.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class AiGateway;
class AutoAnalysisScheduler;
class DatabaseExecutor;
class EventBus;
class LeadAnalyzer;
class LeadStore;
class ProfileGenerator;

// Lead Intelligence and AI profiles of the open workspace (session->intelligence()): asynchronous reads, and the
// "Analyse" / "Generate profile" actions with one run per lead at a time. A second request for a lead that is being
// worked on joins the running one. Runs belong to the store, not to the window that asked: a caller's context only
// decides whether its callback is still called.
class IntelligenceStore : public QObject
{
    Q_OBJECT

public:
    using AnalysisDone = std::function<void(const AnalysisOutcome&)>;
    using ProfileDone = std::function<void(const ProfileOutcome&)>;

    IntelligenceStore(
        DatabaseExecutor* executor, AiGateway* ai, EventBus* bus, LeadStore* leads, QObject* parent = nullptr);
    ~IntelligenceStore() override;

    void setIdentity(const WorkspaceIdentity& identity);
    void setContextLimits(const LeadContextBuilder::Limits& limits);

    AiGateway* ai() const { return m_ai; }
    LeadStore* leads() const { return m_leads; }
    // Base URL and model are set (Settings → AI). The budget is checked per call.
    bool isAiConfigured() const;
    // Re-analyses leads after notes (and calls) land on their timeline.
    AutoAnalysisScheduler* autoAnalysis() const { return m_auto; }

    // The lead's latest analysis; nullopt when it has none.
    void fetch(
        const QString& leadId, QObject* context, std::function<void(const std::optional<LeadIntelligence>&)> done);
    // The lead's AI profile; nullopt when it has none.
    void fetchProfile(
        const QString& leadId, QObject* context, std::function<void(const std::optional<StoredAiProfile>&)> done);
    // Highest deal heat first, leads that are not deleted.
    void topByHeat(int limit, QObject* context, std::function<void(const QList<LeadIntelligence>&)> done);

    // done (optional) is called once if context is null or still alive.
    void analyse(const QString& leadId, QObject* context = nullptr, AnalysisDone done = {});
    void generateProfile(const QString& leadId, QObject* context = nullptr, ProfileDone done = {});
    bool isAnalysing(const QString& leadId) const { return m_analyses.contains(leadId); }
    bool isGeneratingProfile(const QString& leadId) const { return m_profiles.contains(leadId); }
    // The translated step of a running analysis ("Asking the AI…"), empty when none runs.
    QString analysisStep(const QString& leadId) const;

signals:
    void analysisStarted(const QString& leadId);
    void analysisProgress(const QString& leadId, const QString& step);
    // message: translated, empty when ok.
    void analysisFinished(const QString& leadId, bool ok, const QString& message);
    // A new analysis of this lead was stored.
    void intelligenceChanged(const QString& leadId);
    void profileStarted(const QString& leadId);
    void profileFinished(const QString& leadId, bool ok, const QString& message);
    // A new profile of this lead was stored.
    void profileChanged(const QString& leadId);

private:
    template <typename Outcome> struct Waiter {
        QPointer<QObject> context;
        bool bound = false;
        std::function<void(const Outcome&)> done;
    };
    struct RunningAnalysis {
        QString step;
        QList<Waiter<AnalysisOutcome>> waiters;
    };

    template <typename Outcome>
    static Waiter<Outcome> waiter(QObject* context, std::function<void(const Outcome&)> done);
    template <typename Outcome> static void answer(const QList<Waiter<Outcome>>& waiters, const Outcome& outcome);

    DatabaseExecutor* m_executor;
    AiGateway* m_ai;
    LeadStore* m_leads;
    LeadAnalyzer* m_analyzer;
    ProfileGenerator* m_generator;
    AutoAnalysisScheduler* m_auto;
    QHash<QString, RunningAnalysis> m_analyses;
    QHash<QString, QList<Waiter<ProfileOutcome>>> m_profiles;
};
