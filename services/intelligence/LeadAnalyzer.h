#pragma once

#include "services/intelligence/AnalysisOutcome.h"
#include "services/intelligence/LeadContextBuilder.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QObject>

#include <functional>

class AiGateway;
class DatabaseExecutor;
class EventBus;
class LeadStore;

// Analyses one lead: builds its grounded context, asks the AI for structured output (LeadAnalysisPrompt), and in one
// transaction stores the analysis in lead_intelligence, copies the heat onto leads.deal_heat and notes it on the
// timeline; then publishes lead.analyzed and has LeadStore re-announce the lead so open views show the new heat.
// A failed call or an unusable answer stores nothing, so the earlier analysis stays.
class LeadAnalyzer : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const AnalysisOutcome&)>;
    using Progress = std::function<void(const QString& step)>;

    LeadAnalyzer(DatabaseExecutor* executor, AiGateway* ai, EventBus* bus, LeadStore* leads, QObject* parent = nullptr);

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }
    void setContextLimits(const LeadContextBuilder::Limits& limits) { m_limits = limits; }

    // done is called exactly once, while this analyzer lives; the work is not tied to any window, so closing one
    // does not lose an answer that was already paid for. progress gets translated step texts.
    void analyse(const QString& leadId, Done done, Progress progress = {});

private:
    void ask(const LeadContext& context, Done done, Progress progress);
    void store(LeadIntelligence intelligence, Done done);

    DatabaseExecutor* m_executor;
    AiGateway* m_ai;
    EventBus* m_bus;
    LeadStore* m_leads;
    WorkspaceIdentity m_identity;
    LeadContextBuilder::Limits m_limits;
};
