#pragma once

#include "models/Lead.h"

#include <QJsonObject>

// A lead as JSON keyed by storage column names: for before-values that undo restores.
namespace LeadJson {
QJsonObject toJson(const Lead& lead);
Lead fromJson(const QJsonObject& json);
} // namespace LeadJson
