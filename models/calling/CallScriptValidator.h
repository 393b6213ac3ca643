#pragma once

#include "models/FieldError.h"
#include "models/calling/CallScript.h"
#include "models/calling/Objection.h"
#include "models/calling/Playbook.h"

// Rules for what may be stored and sent to a voice provider. Field names match the editor's fields: "name", "purpose",
// "industry", "openingLine", "talkingPoints", "objectionHandlers", "rate", "currency", "closingStrategy", "voiceId",
// "llmModel", "language", "temperature" (scripts); "objection", "response", "category", "tags" (objections);
// "name", "description", "stageKey", "recommendedActions", "qualifyingQuestions", "tracks" (playbooks). Messages are
// translated and say how to fix the problem.
class CallScriptValidator
{
public:
    static constexpr int kMaxName = 120;
    static constexpr int kMaxShortText = 120; // industry, category, tag, model
    static constexpr int kMaxOpeningLine = 500; // spoken before the lead says a word: short on purpose
    static constexpr int kMaxText = 2000; // purpose, talking point, response, closing strategy
    static constexpr int kMaxListItems = 30;
    static constexpr double kMaxTemperature = 2.0;

    static FieldErrors validate(const CallScript& script);
    static FieldErrors validate(const Objection& objection);
    static FieldErrors validate(const Playbook& playbook);

    // The names of the {{variables}} in a template ("{{ first_name }}" → "first_name"), or an error message when the
    // braces do not pair up or a name is not a plain identifier.
    static QStringList templateVariables(const QString& text, QString* error = nullptr);
    // Trims text fields, drops empty talking points and handlers, upper-cases the currency: what the store saves.
    static CallScript normalized(CallScript script);
};
