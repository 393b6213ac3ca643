#include "services/intelligence/LeadAnalyzer.h"

#include "models/Activity.h"
#include "models/Ids.h"
#include "services/events/EventBus.h"
#include "services/intelligence/LeadAnalysisPrompt.h"
#include "services/intelligence/LeadIntelligenceRepository.h"
#include "services/pricing/LeadValueEstimation.h"
#include "services/leads/LeadStore.h"
#include "services/providers/AiGateway.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/LeadRepository.h"
#include "services/storage/Transaction.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LeadAnalyzer", text);
}

// What the transaction did, for the event.
struct StoredAnalysis {
    bool ok = true;
    QString error;
    LeadIntelligence intelligence;
    std::optional<int> previousHeat;

    static StoredAnalysis failure(const QString& message)
    {
        StoredAnalysis stored;
        stored.ok = false;
        stored.error = message;
        return stored;
    }
};

Activity timelineEntry(const LeadIntelligence& intelligence)
{
    Activity activity;
    activity.id = Ids::newId();
    activity.leadId = intelligence.leadId;
    activity.kind = Activity::Kind::AiAction;
    activity.body = tr("AI analysis: heat %1, intent %2")
                        .arg(intelligence.dealHeat.value_or(0))
                        .arg(LeadIntelligence::intentLabel(intelligence.buyingIntent).toLower());
    activity.meta = { { QStringLiteral("action"), QStringLiteral("lead.analyzed") },
        { QStringLiteral("intelligence_id"), intelligence.id },
        { QStringLiteral("deal_heat"), intelligence.dealHeat.value_or(0) },
        { QStringLiteral("buying_intent"), LeadIntelligence::intentKey(intelligence.buyingIntent) },
        { QStringLiteral("model"), intelligence.model },
        { QStringLiteral("prompt_version"), intelligence.promptVersion } };
    activity.createdAt = activity.updatedAt = intelligence.analyzedAt;
    return activity;
}
} // namespace

LeadAnalyzer::LeadAnalyzer(DatabaseExecutor* executor, AiGateway* ai, EventBus* bus, LeadStore* leads, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_ai(ai)
    , m_bus(bus)
    , m_leads(leads)
{ }

void LeadAnalyzer::analyse(const QString& leadId, Done done, Progress progress)
{
    if (progress)
        progress(tr("Reading the lead…"));
    const LeadContextBuilder builder(m_limits);
    m_executor->run<LeadContext>(
        this, [builder, leadId](QSqlDatabase& db) { return builder.load(db, leadId); },
        [this, leadId, done = std::move(done), progress = std::move(progress)](const LeadContext& context) {
            if (!context.found) {
                done(AnalysisOutcome::failure(leadId, tr("This lead no longer exists.")));
                return;
            }
            ask(context, done, progress);
        });
}

void LeadAnalyzer::ask(const LeadContext& context, Done done, Progress progress)
{
    if (progress)
        progress(tr("Asking the AI…"));
    m_ai->complete(LeadAnalysisPrompt::request(context), this,
        [this, context, done = std::move(done), progress = std::move(progress)](const LlmResult& result) {
            if (!result.ok) {
                done(AnalysisOutcome::failure(context.leadId, result.error));
                return;
            }
            FieldErrors errors;
            LeadIntelligence intelligence = LeadIntelligence::fromJson(result.json, &errors);
            intelligence.id.clear();
            intelligence.orgId = m_identity.orgId;
            intelligence.leadId = context.leadId;
            intelligence.fieldsUsed = context.fieldsUsed;
            intelligence.estimatedValueMinor.reset();
            intelligence.model = result.model.isEmpty() ? m_ai->settings().model : result.model;
            intelligence.promptVersion = QString::fromLatin1(LeadAnalysisPrompt::kVersion);
            intelligence.analyzedAt = QDateTime::currentDateTimeUtc();
            errors += intelligence.validate();
            if (!errors.isEmpty()) {
                done(AnalysisOutcome::failure(
                    context.leadId, LlmError::make(LlmError::SchemaViolation, errors.first().message)));
                return;
            }
            if (progress)
                progress(tr("Saving…"));
            store(intelligence, done);
        });
}

void LeadAnalyzer::store(LeadIntelligence intelligence, Done done)
{
    const QString orgId = m_identity.orgId;
    m_executor->run<StoredAnalysis>(
        this,
        [intelligence, orgId](QSqlDatabase& db) {
            return inTransaction<StoredAnalysis>(db, [&] {
                const std::optional<Lead> lead = LeadRepository(db).find(intelligence.leadId);
                if (!lead || lead->deleted)
                    return StoredAnalysis::failure(tr("The lead was deleted while it was being analysed."));
                StoredAnalysis stored;
                stored.intelligence = intelligence;
                LeadIntelligenceRepository repository(db);
                if (const std::optional<LeadIntelligence> previous = repository.findForLead(intelligence.leadId))
                    stored.previousHeat = previous->dealHeat;
                if (!repository.save(stored.intelligence)
                    || !repository.setLeadDealHeat(intelligence.leadId, intelligence.dealHeat))
                    return StoredAnalysis::failure(repository.lastError());
                // The estimated deal value comes from the org's price list, matched against what was said about the
                // lead — not from the model.
                const DealValueEstimate estimate
                    = LeadValueEstimation::estimate(db, orgId.isEmpty() ? lead->orgId : orgId, intelligence.leadId);
                const std::optional<qint64> value
                    = estimate.matched() ? std::optional<qint64>(estimate.valueMinor) : std::nullopt;
                if (!repository.setEstimatedValue(intelligence.leadId, value, QDateTime::currentDateTimeUtc()))
                    return StoredAnalysis::failure(repository.lastError());
                stored.intelligence.estimatedValueMinor = value;
                ActivityRepository activities(db);
                if (!activities.insert(timelineEntry(stored.intelligence), orgId.isEmpty() ? lead->orgId : orgId))
                    return StoredAnalysis::failure(activities.lastError());
                return stored;
            });
        },
        [this, done = std::move(done), leadId = intelligence.leadId](const StoredAnalysis& stored) {
            if (!stored.ok) {
                done(AnalysisOutcome::failure(
                    leadId, tr("The analysis could not be saved, so the earlier one is kept: %1").arg(stored.error)));
                return;
            }
            const LeadIntelligence& intelligence = stored.intelligence;
            HubEvent event;
            event.type = HubEvent::Type::LeadAnalyzed;
            event.leadId = leadId;
            event.payload = { { QStringLiteral("intelligence_id"), intelligence.id },
                { QStringLiteral("deal_heat"), intelligence.dealHeat.value_or(0) },
                { QStringLiteral("previous_heat"), stored.previousHeat ? QVariant(*stored.previousHeat) : QVariant() },
                { QStringLiteral("buying_intent"), LeadIntelligence::intentKey(intelligence.buyingIntent) },
                { QStringLiteral("model"), intelligence.model } };
            event.at = intelligence.analyzedAt;
            m_bus->publish(event);
            m_leads->refreshLeads({ leadId });
            AnalysisOutcome outcome;
            outcome.ok = true;
            outcome.leadId = leadId;
            outcome.intelligence = intelligence;
            done(outcome);
        });
}
