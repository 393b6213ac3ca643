#pragma once

#include "services/dealdesk/DealPipeline.h"

#include <optional>

// Which proposals the Deal Desk list shows: search text over title, lead and company, a status and the lead's
// buying intent ("" = not analysed). Unset fields do not filter. Plain data, testable without widgets.
struct ProposalFilter {
    QString search;
    std::optional<Proposal::Status> status;
    std::optional<QString> intent;

    bool operator==(const ProposalFilter&) const = default;
    bool isUnfiltered() const { return search.trimmed().isEmpty() && !status && !intent; }
    // Every search term must appear (case- and accent-insensitive) in the title, the lead's name or its company.
    bool matches(const ProposalSummary& summary) const;
};
