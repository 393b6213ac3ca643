#pragma once

#include "services/brain/BrainInsights.h"

// The facts the suggestions are made from (BrainInsightsRepository gathers them).
struct BrainSuggestionInput {
    QList<BrainLeadRow> hotNotContacted;
    int hotNotContactedCount = 0;
    QList<BrainLeadRow> highIntentWithoutProposal;
    int highIntentWithoutProposalCount = 0;
    QList<BrainLeadRow> stalled;
    int stalledCount = 0;
    QList<BrainLeadRow> neverAnalysed;
    int neverAnalysedCount = 0;
    int analysedCount = 0;
    int activeServiceCount = 0;
};

// Rule-based advice in plain sentences, most urgent first: hot leads waiting for a call, high intent without a
// proposal, stalled deals, leads never analysed, and a missing price list. Each names the lead to start with.
namespace BrainSuggestions {
QList<BrainSuggestion> build(const BrainSuggestionInput& input, const BrainInsightsQuery& query);
} // namespace BrainSuggestions
