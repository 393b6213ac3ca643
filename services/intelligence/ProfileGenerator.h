#pragma once

#include "services/intelligence/AnalysisOutcome.h"
#include "services/intelligence/LeadContextBuilder.h"

#include <QObject>

#include <functional>

class AiGateway;
class DatabaseExecutor;

// Writes the AI profile of one lead (seed 001 section 4): builds the grounded context, asks for the profile JSON
// (AiProfilePrompt), validates it and stores it in leads.ai_profile with time and model.
//
// source_fields_used: after validation, names the context did not carry are DROPPED (and reported in
// ProfileOutcome::droppedFields) rather than failing the profile, because one wrong name should not throw away an
// otherwise good profile or cost a second paid call. What is stored therefore only names fields that exist in the
// context that was sent.
class ProfileGenerator : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ProfileOutcome&)>;

    ProfileGenerator(DatabaseExecutor* executor, AiGateway* ai, QObject* parent = nullptr);

    void setContextLimits(const LeadContextBuilder::Limits& limits) { m_limits = limits; }

    // done is called exactly once, while this generator lives (not tied to a window).
    void generate(const QString& leadId, Done done);

private:
    void ask(const LeadContext& context, Done done);
    void store(const ProfileOutcome& outcome, Done done);

    DatabaseExecutor* m_executor;
    AiGateway* m_ai;
    LeadContextBuilder::Limits m_limits;
};
