#include "services/events/HubEvent.h"

QString HubEvent::name() const
{
    switch (type) {
    case Type::LeadCreated:
        return QStringLiteral("lead.created");
    case Type::LeadUpdated:
        return QStringLiteral("lead.updated");
    case Type::LeadDeleted:
        return QStringLiteral("lead.deleted");
    case Type::LeadRestored:
        return QStringLiteral("lead.restored");
    case Type::LeadStatusChanged:
        return QStringLiteral("lead.status_changed");
    case Type::ActivityAdded:
        return QStringLiteral("activity.added");
    case Type::ImportCompleted:
        return QStringLiteral("import.completed");
    case Type::ProposalStatusChanged:
        return QStringLiteral("proposal.status_changed");
    case Type::LeadAnalyzed:
        return QStringLiteral("lead.analyzed");
    case Type::CallCompleted:
        return QStringLiteral("call.completed");
    case Type::CallFailed:
        return QStringLiteral("call.failed");
    case Type::CallScriptSaved:
        return QStringLiteral("call_script.saved");
    case Type::CallScriptDeleted:
        return QStringLiteral("call_script.deleted");
    }
    return {};
}

HubEvent HubEvent::statusChanged(const QString& leadId, const QString& from, const QString& to)
{
    HubEvent event;
    event.type = Type::LeadStatusChanged;
    event.leadId = leadId;
    event.payload = { { QStringLiteral("from"), from }, { QStringLiteral("to"), to } };
    return event;
}
