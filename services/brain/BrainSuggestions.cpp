#include "services/brain/BrainSuggestions.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("BrainSuggestions", text, nullptr, n);
}

// "Acme Ltd" (the company a person would call) or the lead's name.
QString who(const BrainLeadRow& row)
{
    return row.company.trimmed().isEmpty() ? row.name : row.company.trimmed();
}
} // namespace

namespace BrainSuggestions {

QList<BrainSuggestion> build(const BrainSuggestionInput& input, const BrainInsightsQuery& query)
{
    QList<BrainSuggestion> result;

    if (input.hotNotContactedCount > 0 && !input.hotNotContacted.isEmpty()) {
        const BrainLeadRow& first = input.hotNotContacted.first();
        result.append({ BrainSuggestion::Kind::CallHotLeads,
            tr("%n hot lead(s) not contacted for %1+ days — call %2 first (deal heat %3).", input.hotNotContactedCount)
                .arg(query.hotFollowUpDays)
                .arg(who(first))
                .arg(first.dealHeat),
            input.hotNotContacted });
    }

    if (input.highIntentWithoutProposalCount > 0 && !input.highIntentWithoutProposal.isEmpty()) {
        const BrainLeadRow& first = input.highIntentWithoutProposal.first();
        result.append({ BrainSuggestion::Kind::SendProposals,
            tr("%n lead(s) with high buying intent have no proposal yet — draft one for %1 in the Deal Desk.",
                input.highIntentWithoutProposalCount)
                .arg(who(first)),
            input.highIntentWithoutProposal });
    }

    if (input.stalledCount > 0 && !input.stalled.isEmpty()) {
        const BrainLeadRow& first = input.stalled.first();
        const QString text = first.dealHeat >= 0
            ? tr("%n open deal(s) without contact for %1+ days — start with %2 (deal heat %3, %4 days).",
                input.stalledCount)
                  .arg(query.stalledDays)
                  .arg(who(first))
                  .arg(first.dealHeat)
                  .arg(first.daysSinceContact)
            : tr("%n open deal(s) without contact for %1+ days — start with %2 (%3 days).", input.stalledCount)
                  .arg(query.stalledDays)
                  .arg(who(first))
                  .arg(first.daysSinceContact);
        result.append({ BrainSuggestion::Kind::ReviveStalled, text, input.stalled });
    }

    if (input.neverAnalysedCount > 0) {
        result.append({ BrainSuggestion::Kind::AnalyseLeads,
            tr("%n open lead(s) were never analysed — open them and run Analyse on their Intelligence tab.",
                input.neverAnalysedCount),
            input.neverAnalysed });
    }

    if (input.activeServiceCount == 0 && input.analysedCount > 0) {
        result.append({ BrainSuggestion::Kind::PriceServices,
            tr("Add your services and prices so that each deal's value can be estimated from its notes and calls."),
            {} });
    }
    return result;
}

} // namespace BrainSuggestions
