#pragma once

#include "models/Proposal.h"
#include "services/providers/LlmTypes.h"

#include <QObject>
#include <QStringList>

#include <functional>

class AiGateway;
class DatabaseExecutor;

struct ProposalDraftResult {
    bool ok = false;
    // Why there is no draft: an LlmError from the gateway (NotConfigured, BudgetExceeded, SchemaViolation, …), or
    // kind None with a message when the lead is gone or the answer could not be turned into a proposal.
    LlmError error;
    Proposal proposal; // unsaved (no id), status draft, for the editor
    QStringList fieldsUsed; // the facts the prompt carried, to show the user
};

// "Generate draft": asks the LLM for a proposal built from one lead's own record, its latest analysis and AI profile
// (ProposalDraftPrompt), checks the answer and converts it (ProposalDraftConverter). Nothing is saved; the user edits
// the draft first. Destroying the context cancels the call.
class ProposalDraftGenerator : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ProposalDraftResult&)>;

    ProposalDraftGenerator(DatabaseExecutor* executor, AiGateway* ai, QObject* parent = nullptr);

    // The language the draft is written in, by its English name; the UI language by default.
    void setLanguage(const QString& language) { m_language = language; }
    bool isConfigured() const;

    void generate(const QString& leadId, QObject* context, Done done);

private:
    DatabaseExecutor* m_executor;
    AiGateway* m_ai;
    QString m_language;
};
