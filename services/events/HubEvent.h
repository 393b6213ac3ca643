#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

// Something that happened in the workspace, published on the EventBus for automations and views.
struct HubEvent
{
    enum class Type {
        LeadCreated,
        LeadUpdated,
        LeadDeleted,
        LeadRestored,
        LeadStatusChanged,
        ActivityAdded,
        ImportCompleted,
        ProposalStatusChanged,
        LeadAnalyzed,
        CallCompleted,
        CallFailed,
        CallScriptSaved,
        CallScriptDeleted,
    };

    Type type = Type::LeadUpdated;
    QString leadId;
    QVariantMap payload;
    QDateTime at = QDateTime::currentDateTimeUtc();

    // The dotted name automations use, such as "lead.status_changed".
    QString name() const;
    static HubEvent statusChanged(const QString& leadId, const QString& from, const QString& to);
};

Q_DECLARE_METATYPE(HubEvent)
