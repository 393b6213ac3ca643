#include "services/intelligence/IntelligenceStore.h"

#include "services/intelligence/AiProfileRepository.h"
#include "services/intelligence/AutoAnalysisScheduler.h"
#include "services/intelligence/LeadAnalyzer.h"
#include "services/intelligence/LeadIntelligenceRepository.h"
#include "services/intelligence/ProfileGenerator.h"
#include "services/providers/AiGateway.h"
#include "services/storage/DatabaseExecutor.h"

IntelligenceStore::IntelligenceStore(
    DatabaseExecutor* executor, AiGateway* ai, EventBus* bus, LeadStore* leads, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_ai(ai)
    , m_leads(leads)
    , m_analyzer(new LeadAnalyzer(executor, ai, bus, leads, this))
    , m_generator(new ProfileGenerator(executor, ai, this))
    , m_auto(new AutoAnalysisScheduler(bus, this, this))
{ }

IntelligenceStore::~IntelligenceStore() = default;

void IntelligenceStore::setIdentity(const WorkspaceIdentity& identity)
{
    m_analyzer->setIdentity(identity);
}

void IntelligenceStore::setContextLimits(const LeadContextBuilder::Limits& limits)
{
    m_analyzer->setContextLimits(limits);
    m_generator->setContextLimits(limits);
}

bool IntelligenceStore::isAiConfigured() const
{
    return m_ai->settings().isConfigured();
}

void IntelligenceStore::fetch(
    const QString& leadId, QObject* context, std::function<void(const std::optional<LeadIntelligence>&)> done)
{
    m_executor->run<std::optional<LeadIntelligence>>(
        context, [leadId](QSqlDatabase& db) { return LeadIntelligenceRepository(db).findForLead(leadId); },
        std::move(done));
}

void IntelligenceStore::fetchProfile(
    const QString& leadId, QObject* context, std::function<void(const std::optional<StoredAiProfile>&)> done)
{
    m_executor->run<std::optional<StoredAiProfile>>(
        context, [leadId](QSqlDatabase& db) { return AiProfileRepository(db).find(leadId); }, std::move(done));
}

void IntelligenceStore::topByHeat(int limit, QObject* context, std::function<void(const QList<LeadIntelligence>&)> done)
{
    m_executor->run<QList<LeadIntelligence>>(
        context, [limit](QSqlDatabase& db) { return LeadIntelligenceRepository(db).topByHeat(limit); },
        std::move(done));
}

template <typename Outcome>
IntelligenceStore::Waiter<Outcome> IntelligenceStore::waiter(QObject* context, std::function<void(const Outcome&)> done)
{
    return { QPointer<QObject>(context), context != nullptr, std::move(done) };
}

template <typename Outcome>
void IntelligenceStore::answer(const QList<Waiter<Outcome>>& waiters, const Outcome& outcome)
{
    for (const Waiter<Outcome>& entry : waiters) {
        if (entry.done && (!entry.bound || entry.context))
            entry.done(outcome);
    }
}

QString IntelligenceStore::analysisStep(const QString& leadId) const
{
    const auto it = m_analyses.constFind(leadId);
    return it == m_analyses.cend() ? QString() : it->step;
}

void IntelligenceStore::analyse(const QString& leadId, QObject* context, AnalysisDone done)
{
    if (const auto it = m_analyses.find(leadId); it != m_analyses.end()) {
        it->waiters.append(waiter(context, std::move(done)));
        return;
    }
    m_analyses.insert(leadId, RunningAnalysis { {}, { waiter(context, std::move(done)) } });
    emit analysisStarted(leadId);
    m_analyzer->analyse(
        leadId,
        [this, leadId](const AnalysisOutcome& outcome) {
            const RunningAnalysis running = m_analyses.take(leadId);
            if (outcome.ok)
                emit intelligenceChanged(leadId);
            emit analysisFinished(leadId, outcome.ok, outcome.message);
            answer(running.waiters, outcome);
        },
        [this, leadId](const QString& step) {
            if (const auto it = m_analyses.find(leadId); it != m_analyses.end())
                it->step = step;
            emit analysisProgress(leadId, step);
        });
}

void IntelligenceStore::generateProfile(const QString& leadId, QObject* context, ProfileDone done)
{
    if (const auto it = m_profiles.find(leadId); it != m_profiles.end()) {
        it->append(waiter(context, std::move(done)));
        return;
    }
    m_profiles.insert(leadId, { waiter(context, std::move(done)) });
    emit profileStarted(leadId);
    m_generator->generate(leadId, [this, leadId](const ProfileOutcome& outcome) {
        const QList<Waiter<ProfileOutcome>> waiters = m_profiles.take(leadId);
        if (outcome.ok)
            emit profileChanged(leadId);
        emit profileFinished(leadId, outcome.ok, outcome.message);
        answer(waiters, outcome);
    });
}
