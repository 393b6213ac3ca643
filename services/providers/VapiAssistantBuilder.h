#pragma once

#include "services/providers/TelephonyTypes.h"

#include <QJsonObject>

// Builds the body of Vapi's POST /call (PROVIDERS.md §1.3) from a call script: a transient assistant whose system
// prompt is made only of the script's own fields (talking points, objection handlers, rate range, closing strategy),
// with the whitelisted per-call settings applied and the lead's fields passed as variableValues.
class VapiAssistantBuilder
{
public:
    static QJsonObject createCallBody(const OutboundCallRequest& request, const QString& phoneNumberId);
    static QString systemPrompt(const CallScript& script);
    // The structured data Vapi's analysis is asked for; CallOutcomeMapper reads it back.
    static QJsonObject structuredDataSchema();
};
