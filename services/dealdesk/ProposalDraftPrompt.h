#pragma once

#include "services/dealdesk/ProposalDraftContext.h"
#include "services/providers/LlmTypes.h"

#include <QDate>

// The "Generate draft" prompt: which facts of the one lead go in (and are listed as used), the instructions and the
// JSON schema of the answer. Pure functions, so tests can read exactly what would be sent.
namespace ProposalDraftPrompt {

inline constexpr const char* kFeature = "proposal.draft";
// Bump whenever the instructions or the schema change; the usage ledger records it with every call.
inline constexpr const char* kPromptVersion = "proposal-draft-1";

// {"name": "proposal_draft", "schema": {...}}: title, sections[{title, body}],
// lines[{item, quantity, unit_price (major units), tax_rate_percent}], valid_days.
QJsonObject jsonSchema();

// The facts sent, as a JSON object: "lead", "intelligence", "ai_profile", "price_list", "currency". Empty fields are
// left out and long texts are shortened.
QJsonObject facts(const ProposalDraftContext& context);

// Dotted names of the facts that were sent, e.g. "lead.company", "intelligence.pain_points", "ai_profile.one_liner".
QStringList fieldsUsed(const QJsonObject& facts);

// The whole request; language is the English name of the language to write in, e.g. "German".
LlmRequest request(const ProposalDraftContext& context, const QString& language);

} // namespace ProposalDraftPrompt
