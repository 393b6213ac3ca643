#pragma once

#include <QString>
#include <QStringList>

struct Lead;

// What a lead list shows: search text, filters and sort. A plain struct so it is testable without widgets;
// storage turns it into SQL, and matches() decides whether a changed lead belongs to an open list.
struct LeadFilter
{
    enum class SortKey { Updated, Name, Company, Status, Value, Heat, LastContacted, Created };

    QString search;
    QString status; // empty: every stage
    QString source;
    QString industry;
    QString tag;
    SortKey sortKey = SortKey::Updated;
    bool descending = true;

    bool operator==(const LeadFilter&) const = default;
    bool isUnfiltered() const;
    bool matches(const Lead& lead) const;
    // Search terms as the user typed them, split on whitespace, lower-cased.
    QStringList searchTerms() const;
};
