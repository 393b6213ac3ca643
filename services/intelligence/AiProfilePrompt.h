#pragma once

#include "services/intelligence/LeadContextBuilder.h"
#include "services/providers/LlmTypes.h"

#include <QJsonObject>

// The AI-profile prompt (seed 001 section 4): one lead's context in, the profile JSON out. The user message lists
// the field names the context holds, which are the only names source_fields_used may contain. Bump kVersion whenever
// the wording or the schema changes.
namespace AiProfilePrompt {
inline constexpr char kVersion[] = "ai-profile-v1";
inline constexpr char kFeature[] = "lead.profile";

// {"name": "lead_ai_profile", "schema": {...}} for LlmRequest::jsonSchema.
QJsonObject jsonSchema();
LlmRequest request(const LeadContext& context);
} // namespace AiProfilePrompt
