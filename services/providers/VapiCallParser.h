#pragma once

#include "services/providers/TelephonyTypes.h"

#include <QJsonObject>

// Reads Vapi's Call object (PROVIDERS.md §1.4) defensively: unknown statuses and ended reasons are kept as text,
// missing fields stay empty, deprecated recording fields are read when the new ones are absent.
class VapiCallParser
{
public:
    // false when the object is not a call (no id).
    static bool parse(const QJsonObject& object, ProviderCall* call);
    static bool isFailureReason(const QString& endedReason);
    static bool isNoAnswerReason(const QString& endedReason);
};
