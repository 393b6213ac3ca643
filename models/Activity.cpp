#include "models/Activity.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<Activity::Kind, const char*>, 11> kKindNames {{
    { Activity::Kind::Note, "note" },
    { Activity::Kind::Call, "call" },
    { Activity::Kind::Email, "email" },
    { Activity::Kind::Sms, "sms" },
    { Activity::Kind::Meeting, "meeting" },
    { Activity::Kind::StatusChange, "status_change" },
    { Activity::Kind::Import, "import" },
    { Activity::Kind::AiAction, "ai_action" },
    { Activity::Kind::Created, "created" },
    { Activity::Kind::Merge, "merge" },
    { Activity::Kind::Proposal, "proposal" },
}};
} // namespace

QString Activity::kindToString(Kind kind)
{
    for (const auto& [k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("note");
}

Activity::Kind Activity::kindFromString(const QString& text)
{
    for (const auto& [k, name] : kKindNames) {
        if (text == QLatin1String(name))
            return k;
    }
    return Kind::Note;
}
