#pragma once

#include "models/Activity.h"
#include "models/Lead.h"
#include "models/PipelineStage.h"
#include "models/Proposal.h"

#include <QSqlDatabase>
#include <QStringList>

// The grounded record of one lead that an AI prompt carries, and the exact names of the fields and history it holds.
struct LeadContext {
    bool found = false; // false: no such lead (or deleted); text is empty
    QString leadId;
    QString leadName; // for progress texts; part of text only as the "name" field
    QString text;
    QStringList fieldsUsed; // e.g. name, company, notes, activities.note, proposals
    int activitiesIncluded = 0;
    int activitiesOmitted = 0; // older entries left out to keep the prompt bounded

    // text for use between <record> and </record>: a closing tag inside the data cannot end the record early.
    QString fencedText() const;
};

// Builds the context of ONE lead from its own fields, its timeline and its proposals, nothing else: no other lead,
// no settings, no secret. Contact details (email, phone) and consent flags are left out because no analysis needs
// them. The text is bounded: long fields are cut, and the timeline keeps the newest entries that fit, saying how
// many older ones it left out. Runs anywhere; load() runs on the database thread.
class LeadContextBuilder
{
public:
    struct Limits {
        int maxChars = 12000; // the whole text
        int maxFieldChars = 2000; // one field (notes can be long)
        int maxEntryChars = 800; // one timeline entry
        int maxProposals = 10;
    };

    explicit LeadContextBuilder(Limits limits);
    LeadContextBuilder();

    // activities newest first, as ActivityRepository::forLead returns them.
    LeadContext build(const Lead& lead, const QList<Activity>& activities, const QList<Proposal>& proposals,
        const PipelineStages& stages = {}) const;
    LeadContext load(QSqlDatabase& db, const QString& leadId) const;

    // Every name fieldsUsed can contain: the lead's fields, then "activities.<kind>" and "proposals".
    static QStringList knownFieldNames();

private:
    Limits m_limits;
};
