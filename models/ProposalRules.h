#pragma once

#include "models/FieldError.h"
#include "models/Proposal.h"

#include <QDate>

// What makes a proposal complete and which status moves are allowed. Pure functions, no storage.
namespace ProposalRules {

// Field names: "title", "content", "currency", "validUntil", "lines" and per line "lines.<n>.item",
// "lines.<n>.quantity", "lines.<n>.unitPrice", "lines.<n>.taxRate". The valid-until date is checked against the
// creation day, or against today for a proposal that has not been saved yet.
FieldErrors validate(const Proposal& proposal, const QDate& today = QDate::currentDate());

// draft → sent → accepted | rejected, and sent → draft to revise; accepted and rejected are final; rejecting needs
// a reason. Returns a translated message why the move is refused, or an empty string when it is allowed.
QString transitionError(Proposal::Status from, Proposal::Status to, const QString& reason = {});

// The statuses a proposal in `from` may move to (a rejection still needs a reason).
QList<Proposal::Status> allowedTargets(Proposal::Status from);

} // namespace ProposalRules
