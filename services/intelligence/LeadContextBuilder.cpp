#include "services/intelligence/LeadContextBuilder.h"

#include "models/Money.h"
#include "services/dealdesk/ProposalRepository.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/LeadRepository.h"
#include "services/storage/StageRepository.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace {
// The kinds of history an analysis learns from. AI actions (our own earlier answers) would feed the model its own
// output; created / import / merge entries carry nothing about the person and may name other records.
const QList<Activity::Kind> kHistoryKinds { Activity::Kind::Note, Activity::Kind::Call, Activity::Kind::Email,
    Activity::Kind::Sms, Activity::Kind::Meeting, Activity::Kind::StatusChange, Activity::Kind::Proposal };

struct LeadField {
    const char* name;
    std::function<QString(const Lead&)> value;
    bool multiLine = false;
};

const QList<LeadField>& leadFields()
{
    static const QList<LeadField> fields {
        { "name", [](const Lead& lead) { return lead.name; } },
        { "company", [](const Lead& lead) { return lead.company; } },
        { "contact_person", [](const Lead& lead) { return lead.contactPerson; } },
        { "title", [](const Lead& lead) { return lead.title; } },
        { "industry", [](const Lead& lead) { return lead.industry; } },
        { "location", [](const Lead& lead) { return lead.location; } },
        { "website", [](const Lead& lead) { return lead.website; } },
        { "status", [](const Lead& lead) { return lead.status; } },
        { "value",
            [](const Lead& lead) {
                return lead.valueMinor > 0 ? Money::format(lead.valueMinor, lead.currency, true) : QString();
            } },
        { "tags", [](const Lead& lead) { return lead.tags.join(QStringLiteral(", ")); } },
        { "source", [](const Lead& lead) { return lead.source; } },
        { "notes", [](const Lead& lead) { return lead.notes; }, true },
    };
    return fields;
}

QString cut(const QString& text, int maxChars)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() <= maxChars)
        return trimmed;
    return trimmed.left(std::max(0, maxChars - 1)) + QChar(0x2026);
}

// Continuation lines are indented so a field's text cannot pose as a heading or a new field.
QString indented(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines)
        line = line.trimmed();
    lines.removeAll(QString());
    return lines.join(QStringLiteral("\n    "));
}

QString stageName(const PipelineStages& stages, const QString& key)
{
    for (const PipelineStage& stage : stages) {
        if (stage.key == key)
            return stage.name.isEmpty() ? key : stage.name;
    }
    return key;
}

QString activityText(const Activity& activity, const PipelineStages& stages)
{
    if (activity.kind == Activity::Kind::StatusChange) {
        return QStringLiteral("status changed from %1 to %2")
            .arg(stageName(stages, activity.meta.value(QLatin1String("from")).toString()),
                stageName(stages, activity.meta.value(QLatin1String("to")).toString()));
    }
    QString text = activity.body;
    for (const char* key : { "summary", "transcript" }) {
        const QString extra = activity.meta.value(QLatin1String(key)).toString().trimmed();
        if (!extra.isEmpty())
            text += QStringLiteral("\n%1: %2").arg(QLatin1String(key), extra);
    }
    return text;
}

QString proposalLine(const Proposal& proposal)
{
    QStringList parts { QStringLiteral("\"%1\"").arg(proposal.title.simplified()),
        Proposal::statusKey(proposal.status) };
    const ProposalTotals totals = proposal.computeTotals();
    if (!totals.overflow && totals.totalMinor > 0)
        parts.append(QStringLiteral("total %1").arg(Money::format(totals.totalMinor, proposal.currency, true)));
    if (proposal.validUntil.isValid())
        parts.append(QStringLiteral("valid until %1").arg(proposal.validUntil.toString(Qt::ISODate)));
    if (!proposal.rejectionReason.isEmpty())
        parts.append(QStringLiteral("rejected because: %1").arg(proposal.rejectionReason.simplified()));
    QStringList items;
    for (const PricingLine& line : proposal.lines)
        items.append(line.item.simplified());
    items.removeAll(QString());
    if (!items.isEmpty())
        parts.append(QStringLiteral("items: %1").arg(items.join(QStringLiteral(", "))));
    return QStringLiteral("- ") + parts.join(QStringLiteral("; "));
}
} // namespace

QString LeadContext::fencedText() const
{
    QString fenced = text;
    fenced.replace(QStringLiteral("</record"), QStringLiteral("< /record"), Qt::CaseInsensitive);
    return fenced;
}

LeadContextBuilder::LeadContextBuilder(Limits limits)
    : m_limits(limits)
{ }

LeadContextBuilder::LeadContextBuilder()
    : LeadContextBuilder(Limits {})
{ }

QStringList LeadContextBuilder::knownFieldNames()
{
    QStringList names;
    for (const LeadField& field : leadFields())
        names.append(QString::fromLatin1(field.name));
    for (Activity::Kind kind : kHistoryKinds)
        names.append(QStringLiteral("activities.") + Activity::kindToString(kind));
    names.append(QStringLiteral("proposals"));
    return names;
}

LeadContext LeadContextBuilder::build(const Lead& lead, const QList<Activity>& activities,
    const QList<Proposal>& proposals, const PipelineStages& stages) const
{
    LeadContext context;
    context.leadId = lead.id;
    if (!lead.isValid() || lead.deleted)
        return context;
    context.found = true;
    context.leadName = lead.name;

    // Everything counts against maxChars; kReserve keeps room for the timeline's heading and "left out" note.
    constexpr int kReserve = 120;
    int budget = m_limits.maxChars - kReserve;
    QStringList lines { QStringLiteral("LEAD RECORD") };
    budget -= int(lines.first().size()) + 1;
    for (const LeadField& field : leadFields()) {
        QString value = field.value(lead);
        if (QLatin1String(field.name) == QLatin1String("status"))
            value = stageName(stages, value);
        const int room = std::min(m_limits.maxFieldChars, budget - int(qstrlen(field.name)) - 3);
        if (room < 16)
            continue; // no room left for this field: it is not sent, so it is not listed either
        value = cut(field.multiLine ? indented(value) : value.simplified(), room);
        if (value.isEmpty())
            continue;
        const QString line = QStringLiteral("%1: %2").arg(QLatin1String(field.name), value);
        budget -= int(line.size()) + 1;
        lines.append(line);
        context.fieldsUsed.append(QString::fromLatin1(field.name));
    }

    QStringList proposalLines;
    for (const Proposal& proposal : proposals) {
        if (proposal.deleted || proposal.leadId != lead.id)
            continue;
        if (proposalLines.size() >= m_limits.maxProposals)
            break;
        const QString line = cut(proposalLine(proposal), m_limits.maxEntryChars);
        if (line.size() + 1 > budget - 12)
            break;
        budget -= int(line.size()) + 1;
        proposalLines.append(line);
    }
    if (!proposalLines.isEmpty()) {
        lines.append(QString());
        lines.append(QStringLiteral("PROPOSALS"));
        budget -= 11;
        lines.append(proposalLines);
        context.fieldsUsed.append(QStringLiteral("proposals"));
    }

    // The newest entries that fit, shown oldest first.
    QStringList entries;
    QStringList kindsUsed;
    int total = 0;
    int blank = 0;
    bool full = false;
    for (const Activity& activity : activities) {
        if (!kHistoryKinds.contains(activity.kind) || activity.leadId != lead.id)
            continue;
        ++total;
        if (full)
            continue;
        const QString text = indented(cut(activityText(activity, stages), m_limits.maxEntryChars));
        if (text.isEmpty()) {
            ++blank;
            continue;
        }
        const QString entry = QStringLiteral("- %1 [%2] %3")
                                  .arg(activity.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")),
                                      Activity::kindToString(activity.kind), text);
        if (entry.size() + 1 > budget) {
            full = true; // everything older is left out too, so the history has no holes
            continue;
        }
        budget -= int(entry.size()) + 1;
        entries.prepend(entry);
        const QString kind = QStringLiteral("activities.") + Activity::kindToString(activity.kind);
        if (!kindsUsed.contains(kind))
            kindsUsed.append(kind);
    }
    context.activitiesIncluded = int(entries.size());
    context.activitiesOmitted = total - blank - context.activitiesIncluded;
    if (!entries.isEmpty() || context.activitiesOmitted > 0) {
        lines.append(QString());
        lines.append(QStringLiteral("TIMELINE (oldest first)"));
        if (context.activitiesOmitted > 0)
            lines.append(
                QStringLiteral("(%1 older entries are left out to keep this short.)").arg(context.activitiesOmitted));
        lines.append(entries);
    }
    // Kinds in a fixed order, so the same history always names its fields the same way.
    for (const QString& name : knownFieldNames()) {
        if (kindsUsed.contains(name))
            context.fieldsUsed.append(name);
    }
    context.text = lines.join(QLatin1Char('\n'));
    return context;
}

LeadContext LeadContextBuilder::load(QSqlDatabase& db, const QString& leadId) const
{
    const std::optional<Lead> lead = LeadRepository(db).find(leadId);
    if (!lead) {
        LeadContext missing;
        missing.leadId = leadId;
        return missing;
    }
    ProposalQuery query;
    query.leadId = leadId;
    return build(
        *lead, ActivityRepository(db).forLead(leadId), ProposalRepository(db).list(query), StageRepository(db).all());
}
