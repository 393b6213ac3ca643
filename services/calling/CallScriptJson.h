#pragma once

#include "models/calling/CallScript.h"

#include <QJsonObject>

// A call script as JSON (camelCase keys, as the shared CallScript struct names them): the copy an agent run keeps.
namespace CallScriptJson {
QJsonObject toJson(const CallScript& script);
CallScript fromJson(const QJsonObject& object);
} // namespace CallScriptJson
