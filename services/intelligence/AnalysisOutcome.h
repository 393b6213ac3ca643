#pragma once

#include "models/intelligence/AiProfile.h"
#include "models/intelligence/LeadIntelligence.h"
#include "services/providers/LlmTypes.h"

#include <QStringList>

// How one analysis ended: the stored analysis, or what went wrong (error.kind says whether it was the AI call; a
// storage failure has kind None) and a translated message that says what to do.
struct AnalysisOutcome {
    bool ok = false;
    QString leadId;
    LlmError error;
    QString message;
    LeadIntelligence intelligence;

    static AnalysisOutcome failure(const QString& leadId, const LlmError& error)
    {
        AnalysisOutcome outcome;
        outcome.leadId = leadId;
        outcome.error = error;
        outcome.message = error.message;
        return outcome;
    }
    static AnalysisOutcome failure(const QString& leadId, const QString& message)
    {
        AnalysisOutcome outcome;
        outcome.leadId = leadId;
        outcome.message = message;
        return outcome;
    }
};

// How one profile generation ended, like AnalysisOutcome. droppedFields are names the model cited in
// source_fields_used that the prompt did not carry; they are removed before the profile is stored.
struct ProfileOutcome {
    bool ok = false;
    QString leadId;
    QString leadName;
    LlmError error;
    QString message;
    StoredAiProfile stored;
    QStringList droppedFields;

    static ProfileOutcome failure(const QString& leadId, const LlmError& error)
    {
        ProfileOutcome outcome;
        outcome.leadId = leadId;
        outcome.error = error;
        outcome.message = error.message;
        return outcome;
    }
    static ProfileOutcome failure(const QString& leadId, const QString& message)
    {
        ProfileOutcome outcome;
        outcome.leadId = leadId;
        outcome.message = message;
        return outcome;
    }
};
