#pragma once

#include "services/hygiene/DuplicateCandidate.h"

#include <QList>
#include <QSqlDatabase>

#include <functional>

// Finds leads that are probably the same: exact rules (same email, E.164 phone, website domain, normalised name
// and company), then fuzzy names. Each rule groups transitively; one candidate per group and rule, exact rules
// first, and a group that an earlier candidate already contains is not repeated.
//
// scan() runs on the database thread. It is readLeads() (needs the connection) followed by group() (pure
// computation, any thread), so a caller can free the database thread for the longer second half.
class DuplicateFinder
{
public:
    struct Options {
        bool fuzzy = true;
        double fuzzyThreshold = 0.85;
    };
    // The columns a scan looks at, for one non-deleted lead.
    struct ScannedLead {
        QString id;
        QString createdAt;
        QString name;
        QString company;
        QString email;
        QString phone;
        QString website;
    };
    // What the last scan read and did, for benchmarks and logs.
    struct Stats {
        int leads = 0;
        int distinctNames = 0;
        qint64 fuzzyCandidates = 0;
        qint64 fuzzyDistances = 0;
        double readMs = 0;
        double exactMs = 0;
        double fuzzyMs = 0;
        bool cancelled = false;
        QString error;
    };
    // Receives the percentage done (0..100); returning false cancels, and the scan returns what it has so far.
    using Progress = std::function<bool(int)>;

    explicit DuplicateFinder(QSqlDatabase db);

    // Non-deleted leads only.
    QList<DuplicateCandidate> scan(const Options& options, const Progress& progress = {});
    const Stats& stats() const { return m_stats; }

    // One streaming SELECT of just the needed columns; reports progress 0..kReadPercent. Empty on cancel or error
    // (see stats()).
    QList<ScannedLead> readLeads(const Progress& progress = {});
    // Reports progress kReadPercent..100. stats may be null.
    static QList<DuplicateCandidate> group(
        const QList<ScannedLead>& leads, const Options& options, const Progress& progress = {}, Stats* stats = nullptr);

    // Lower-case, diacritics folded, punctuation, legal forms (ltd, gmbh, inc, llc, co, …), "the"/"and" and
    // honorifics removed, whitespace collapsed; the company is left out when it repeats the name.
    static QString normalizedName(const QString& name, const QString& company);
    // The website's host without "www.", or else the email's domain unless it is a free-mail provider. Empty when
    // neither identifies an organisation (also for shared hosts such as facebook.com).
    static QString domainOf(const QString& website, const QString& email);
    static bool isFreeMailDomain(const QString& domain);

    static constexpr int kReadPercent = 25;

private:
    QSqlDatabase m_db;
    Stats m_stats;
};
