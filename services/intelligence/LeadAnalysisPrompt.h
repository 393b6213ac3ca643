#pragma once

#include "services/intelligence/LeadContextBuilder.h"
#include "services/providers/LlmTypes.h"

#include <QJsonObject>

// The lead-analysis prompt: system and user messages over one lead's context and the JSON schema of the answer
// {deal_heat, buying_intent, budget, timeline, decision_maker, pain_points, key_insights, risks, next_best_action,
// summary}. Bump kVersion whenever the wording or the schema changes: it is recorded with every analysis and call.
namespace LeadAnalysisPrompt {
inline constexpr char kVersion[] = "lead-analysis-v1";
inline constexpr char kFeature[] = "lead.analyse";

// {"name": "lead_intelligence", "schema": {...}} for LlmRequest::jsonSchema.
QJsonObject jsonSchema();
LlmRequest request(const LeadContext& context);
} // namespace LeadAnalysisPrompt
