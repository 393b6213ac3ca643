#include "services/dealdesk/ProposalFilter.h"

#include <QRegularExpression>

namespace {
// Lower case without combining marks, so "muller" finds "Müller".
QString folded(const QString& text)
{
    QString decomposed = text.normalized(QString::NormalizationForm_D).toLower();
    static const QRegularExpression marks(QStringLiteral("\\p{M}"));
    decomposed.remove(marks);
    return decomposed;
}
} // namespace

bool ProposalFilter::matches(const ProposalSummary& summary) const
{
    if (status && summary.status != *status)
        return false;
    if (intent && summary.leadIntent != *intent)
        return false;
    const QString needle = search.trimmed();
    if (needle.isEmpty())
        return true;
    const QString haystack
        = folded(summary.title + QLatin1Char('\n') + summary.leadName + QLatin1Char('\n') + summary.leadCompany);
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList terms = folded(needle).split(spaces, Qt::SkipEmptyParts);
    for (const QString& term : terms) {
        if (!haystack.contains(term))
            return false;
    }
    return true;
}
