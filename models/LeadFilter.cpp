#include "models/LeadFilter.h"

#include "models/Lead.h"

#include <QRegularExpression>

namespace {
// Lower case without diacritics, as the search index compares (FTS5 unicode61 remove_diacritics): "Zoë" → "zoe".
QString folded(const QString& text)
{
    QString result = text.toLower().normalized(QString::NormalizationForm_D);
    result.removeIf([](QChar c) { return c.category() == QChar::Mark_NonSpacing; });
    return result.normalized(QString::NormalizationForm_C);
}
} // namespace

bool LeadFilter::isUnfiltered() const
{
    return search.trimmed().isEmpty() && status.isEmpty() && source.isEmpty() && industry.isEmpty() && tag.isEmpty();
}

QStringList LeadFilter::searchTerms() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s\\p{P}\\p{S}]+"));
    return search.toLower().split(separators, Qt::SkipEmptyParts);
}

bool LeadFilter::matches(const Lead& lead) const
{
    if (lead.deleted)
        return false;
    if (!status.isEmpty() && lead.status != status)
        return false;
    if (!source.isEmpty() && lead.source.compare(source, Qt::CaseInsensitive) != 0)
        return false;
    if (!industry.isEmpty() && lead.industry.compare(industry, Qt::CaseInsensitive) != 0)
        return false;
    if (!tag.isEmpty() && !lead.tags.contains(tag, Qt::CaseInsensitive))
        return false;

    const QStringList terms = searchTerms();
    if (terms.isEmpty())
        return true;
    // Mirrors the FTS5 prefix query: every term must start a word in one of the searched fields.
    static const QRegularExpression separators(QStringLiteral("[\\s\\p{P}\\p{S}]+"));
    const QStringList fields { lead.name, lead.company, lead.contactPerson, lead.email, lead.phone, lead.notes,
        lead.tags.join(QLatin1Char(' ')) };
    const QStringList words = folded(fields.join(QLatin1Char(' '))).split(separators, Qt::SkipEmptyParts);
    for (const QString& rawTerm : terms) {
        const QString term = folded(rawTerm);
        bool found = false;
        for (const QString& word : words) {
            if (word.startsWith(term)) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}
