#pragma once

#include "models/calling/CallRecord.h"
#include "services/providers/TelephonyTypes.h"

// Turns what a provider reported about an ended call into the CRM's status, outcome and sentiment. Vapi's analysis
// is asked for {outcome, sentiment} as structured data (VapiAssistantBuilder); when it is missing, the ended reason
// and the summary decide what they can.
class CallOutcomeMapper
{
public:
    static CallRecord::Status statusOf(const ProviderCall& call);
    static CallRecord::Outcome outcomeOf(const ProviderCall& call);
    static QString sentimentOf(const ProviderCall& call);
    // Copies the provider's report into the record (status, outcome, sentiment, texts, times, cost).
    static void apply(const ProviderCall& call, CallRecord* record);
};
