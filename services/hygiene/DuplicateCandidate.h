#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

// Leads that look like the same person or company, found by one rule.
struct DuplicateCandidate {
    QStringList leadIds; // 2+ leads, the oldest (created_at) first
    double score = 1.0; // 1.0 exact, else the weakest similarity that joined the group
    QString rule; // "email" | "phone" | "domain" | "name_company" | "fuzzy_name_company"
    QString reason; // user-facing, translated: "Same email: ada@x.com", "Similar name and company (91%)"
};

Q_DECLARE_METATYPE(DuplicateCandidate)
