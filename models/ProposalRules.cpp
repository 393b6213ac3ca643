#include "models/ProposalRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProposalRules", text);
}

QString lineField(qsizetype index, const char* name)
{
    return QStringLiteral("lines.%1.%2").arg(index).arg(QLatin1String(name));
}
} // namespace

namespace ProposalRules {

FieldErrors validate(const Proposal& proposal, const QDate& today)
{
    FieldErrors errors;
    if (proposal.title.trimmed().isEmpty())
        errors.append({ QStringLiteral("title"), tr("Give the proposal a title.") });
    if (proposal.sections.isEmpty() && proposal.lines.isEmpty())
        errors.append({ QStringLiteral("content"), tr("Add at least one section or pricing line.") });
    static const QRegularExpression isoCode(QStringLiteral("^[A-Z]{3}$"));
    if (!isoCode.match(proposal.currency).hasMatch())
        errors.append({ QStringLiteral("currency"), tr("Use a three-letter ISO 4217 currency code such as EUR.") });
    const QDate created = proposal.createdAt.isValid() ? proposal.createdAt.toLocalTime().date() : today;
    if (proposal.validUntil.isValid() && proposal.validUntil < created)
        errors.append({ QStringLiteral("validUntil"), tr("The proposal cannot expire before it was created.") });
    for (qsizetype i = 0; i < proposal.lines.size(); ++i) {
        const PricingLine& line = proposal.lines.at(i);
        if (line.item.trimmed().isEmpty())
            errors.append({ lineField(i, "item"), tr("Describe what this line is for.") });
        if (line.quantityMilli < 0)
            errors.append({ lineField(i, "quantity"), tr("The quantity cannot be negative.") });
        if (line.unitPriceMinor < 0)
            errors.append({ lineField(i, "unitPrice"), tr("The unit price cannot be negative.") });
        if (line.taxRateBasisPoints < 0 || line.taxRateBasisPoints > 10000)
            errors.append({ lineField(i, "taxRate"), tr("The tax rate must be between 0 % and 100 %.") });
    }
    if (proposal.computeTotals().overflow)
        errors.append({ QStringLiteral("lines"), tr("The amounts are too large to add up.") });
    return errors;
}

QString transitionError(Proposal::Status from, Proposal::Status to, const QString& reason)
{
    using Status = Proposal::Status;
    if (from == to)
        return tr("The proposal is already %1.").arg(Proposal::statusLabel(to).toLower());
    if (from == Status::Accepted || from == Status::Rejected)
        return tr("The proposal was %1; that is final.").arg(Proposal::statusLabel(from).toLower());
    if (from == Status::Draft && to != Status::Sent)
        return tr("Send the proposal before marking it %1.").arg(Proposal::statusLabel(to).toLower());
    if (to == Status::Rejected && reason.trimmed().isEmpty())
        return tr("Say why the proposal was rejected.");
    return {};
}

QList<Proposal::Status> allowedTargets(Proposal::Status from)
{
    QList<Proposal::Status> targets;
    for (Proposal::Status to : Proposal::allStatuses()) {
        if (transitionError(from, to, QStringLiteral("-")).isEmpty())
            targets.append(to);
    }
    return targets;
}

} // namespace ProposalRules
