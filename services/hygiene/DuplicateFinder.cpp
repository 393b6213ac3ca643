#include "services/hygiene/DuplicateFinder.h"

#include "services/hygiene/DisjointSets.h"
#include "services/hygiene/FuzzyNameMatcher.h"
#include "services/hygiene/MatchKeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("DuplicateFinder", text);
}

// Indices of leads in the order candidates list them: oldest first, id as the tie-breaker.
void sortOldestFirst(std::vector<int>& members, const QList<DuplicateFinder::ScannedLead>& leads)
{
    std::sort(members.begin(), members.end(), [&leads](int a, int b) {
        const auto& x = leads.at(a);
        const auto& y = leads.at(b);
        return x.createdAt != y.createdAt ? x.createdAt < y.createdAt : x.id < y.id;
    });
}

struct Group {
    std::vector<int> members; // oldest first
    double score = 1.0;
    QString reason;
};

// Collects candidates in order and leaves out a group that an already reported group contains.
class CandidateList
{
public:
    explicit CandidateList(const QList<DuplicateFinder::ScannedLead>& leads)
        : m_leads(leads)
    { }

    void addRule(const QString& rule, std::vector<Group> groups)
    {
        std::sort(groups.begin(), groups.end(), [this](const Group& a, const Group& b) {
            const auto& x = m_leads.at(a.members.front());
            const auto& y = m_leads.at(b.members.front());
            return x.createdAt != y.createdAt ? x.createdAt < y.createdAt : x.id < y.id;
        });
        for (Group& group : groups) {
            std::vector<int> byIndex = group.members;
            std::sort(byIndex.begin(), byIndex.end());
            if (isCovered(byIndex))
                continue;
            const int groupIndex = static_cast<int>(m_reported.size());
            for (const int lead : byIndex)
                m_groupsOfLead[lead].append(groupIndex);
            m_reported.push_back(std::move(byIndex));
            DuplicateCandidate candidate;
            for (const int lead : group.members)
                candidate.leadIds.append(m_leads.at(lead).id);
            candidate.score = group.score;
            candidate.rule = rule;
            candidate.reason = group.reason;
            m_candidates.append(candidate);
        }
    }

    const QList<DuplicateCandidate>& candidates() const { return m_candidates; }

private:
    bool isCovered(const std::vector<int>& byIndex) const
    {
        const auto it = m_groupsOfLead.constFind(byIndex.front());
        if (it == m_groupsOfLead.cend())
            return false;
        for (const int groupIndex : it.value()) {
            const std::vector<int>& reported = m_reported[static_cast<size_t>(groupIndex)];
            if (std::includes(reported.begin(), reported.end(), byIndex.begin(), byIndex.end()))
                return true;
        }
        return false;
    }

    const QList<DuplicateFinder::ScannedLead>& m_leads;
    std::vector<std::vector<int>> m_reported; // members by index, ascending
    QHash<int, QList<int>> m_groupsOfLead;
    QList<DuplicateCandidate> m_candidates;
};

// Leads sharing a non-empty key, in groups of two or more.
std::vector<std::vector<int>> equalKeyGroups(const QStringList& keys)
{
    QHash<QString, std::vector<int>> byKey;
    byKey.reserve(keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (!keys.at(i).isEmpty())
            byKey[keys.at(i)].push_back(int(i));
    }
    std::vector<std::vector<int>> groups;
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        if (it.value().size() > 1)
            groups.push_back(std::move(it.value()));
    }
    return groups;
}

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

DuplicateFinder::DuplicateFinder(QSqlDatabase db)
    : m_db(std::move(db))
{ }

QString DuplicateFinder::normalizedName(const QString& name, const QString& company)
{
    const QString person = MatchKeys::foldedWords(name).join(QLatin1Char(' '));
    const QString business = MatchKeys::foldedWords(company).join(QLatin1Char(' '));
    if (business.isEmpty() || business == person)
        return person;
    if (person.isEmpty())
        return business;
    return person + QLatin1Char(' ') + business;
}

bool DuplicateFinder::isFreeMailDomain(const QString& domain)
{
    return MatchKeys::isFreeMailDomain(domain);
}

QString DuplicateFinder::domainOf(const QString& website, const QString& email)
{
    const QString host = MatchKeys::websiteHost(website);
    if (!host.isEmpty() && !MatchKeys::isSharedHost(host))
        return host;
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    QString domain = email.mid(at + 1).trimmed().toLower();
    while (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    if (!domain.contains(QLatin1Char('.')) || MatchKeys::isFreeMailDomain(domain) || MatchKeys::isSharedHost(domain))
        return {};
    return domain;
}

QList<DuplicateCandidate> DuplicateFinder::scan(const Options& options, const Progress& progress)
{
    const QList<ScannedLead> leads = readLeads(progress);
    if (m_stats.cancelled || !m_stats.error.isEmpty())
        return {};
    const double readMs = m_stats.readMs;
    QList<DuplicateCandidate> candidates = group(leads, options, progress, &m_stats);
    m_stats.readMs = readMs;
    return candidates;
}

QList<DuplicateFinder::ScannedLead> DuplicateFinder::readLeads(const Progress& progress)
{
    m_stats = {};
    if (progress && !progress(0)) {
        m_stats.cancelled = true;
        return {};
    }
    QElapsedTimer timer;
    timer.start();
    QList<ScannedLead> leads;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    int total = 0;
    if (query.exec(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")) && query.next())
        total = query.value(0).toInt();
    // NOT INDEXED: one pass over the table; through the index on "deleted" it would visit every row twice.
    if (!query.exec(QStringLiteral("SELECT id, created_at, name, company, email, phone, website "
                                   "FROM leads NOT INDEXED WHERE deleted = 0"))) {
        m_stats.error = query.lastError().text();
        return {};
    }
    leads.reserve(total);
    int lastPercent = 0;
    while (query.next()) {
        leads.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
            query.value(6).toString() });
        if (progress && (leads.size() & 1023) == 0 && total > 0) {
            const int percent = int(qMin<qint64>(leads.size(), total) * kReadPercent / total);
            if (percent != lastPercent && !progress(percent)) {
                m_stats.cancelled = true;
                return {};
            }
            lastPercent = percent;
        }
    }
    m_stats.leads = int(leads.size());
    m_stats.readMs = elapsedMs(timer);
    return leads;
}

QList<DuplicateCandidate> DuplicateFinder::group(
    const QList<ScannedLead>& leads, const Options& options, const Progress& progress, Stats* stats)
{
    Stats local;
    Stats& s = stats ? *stats : local;
    s.leads = int(leads.size());
    int lastPercent = -1;
    const auto report = [&](int percent) {
        if (!progress || percent == lastPercent)
            return true;
        lastPercent = percent;
        if (progress(percent))
            return true;
        s.cancelled = true;
        return false;
    };

    QElapsedTimer timer;
    timer.start();
    QStringList emails;
    QStringList phones;
    QStringList domains;
    QStringList names;
    for (const ScannedLead& lead : leads) {
        emails.append(lead.email.trimmed().toLower());
        phones.append(lead.phone.trimmed());
        domains.append(domainOf(lead.website, lead.email));
        names.append(normalizedName(lead.name, lead.company));
        if ((emails.size() & 4095) == 0 && !report(kReadPercent + int(15 * emails.size() / leads.size())))
            return {};
    }

    CandidateList candidates(leads);
    const struct {
        const char* rule;
        const QStringList& keys;
        const char* reason;
        bool showName; // the reason quotes the oldest lead's name and company rather than the key
    } exactRules[] = {
        { "email", emails, QT_TRANSLATE_NOOP("DuplicateFinder", "Same email: %1"), false },
        { "phone", phones, QT_TRANSLATE_NOOP("DuplicateFinder", "Same phone: %1"), false },
        { "domain", domains, QT_TRANSLATE_NOOP("DuplicateFinder", "Same website domain: %1"), false },
        { "name_company", names, QT_TRANSLATE_NOOP("DuplicateFinder", "Same name and company: %1"), true },
    };
    int ruleNumber = 0;
    for (const auto& exact : exactRules) {
        std::vector<Group> groups;
        for (std::vector<int>& members : equalKeyGroups(exact.keys)) {
            sortOldestFirst(members, leads);
            const ScannedLead& oldest = leads.at(members.front());
            QString shown = exact.keys.at(members.front());
            if (exact.showName) {
                const bool sameText = oldest.company.trimmed().isEmpty()
                    || oldest.company.trimmed().compare(oldest.name.trimmed(), Qt::CaseInsensitive) == 0;
                shown = sameText ? oldest.name.trimmed()
                                 : tr("%1, %2").arg(oldest.name.trimmed(), oldest.company.trimmed());
            }
            groups.push_back({ std::move(members), 1.0, tr(exact.reason).arg(shown) });
        }
        candidates.addRule(QString::fromLatin1(exact.rule), std::move(groups));
        if (!report(kReadPercent + 15 + 5 * ++ruleNumber))
            return candidates.candidates();
    }
    s.exactMs = elapsedMs(timer);
    if (!options.fuzzy)
        return candidates.candidates();

    // Fuzzy matching works on distinct names: equal ones are the exact rule's, and copies would crowd the
    // neighbourhoods.
    timer.restart();
    QHash<QString, int> nameIndex;
    QStringList distinctNames;
    std::vector<std::vector<int>> leadsOfName;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.at(i).isEmpty())
            continue;
        auto known = nameIndex.constFind(names.at(i));
        if (known == nameIndex.cend()) {
            known = nameIndex.insert(names.at(i), int(distinctNames.size()));
            distinctNames.append(names.at(i));
            leadsOfName.emplace_back();
        }
        leadsOfName[static_cast<size_t>(known.value())].push_back(int(i));
    }
    s.distinctNames = int(distinctNames.size());
    const int fuzzyStart = lastPercent;
    FuzzyNameMatcher matcher(distinctNames, options.fuzzyThreshold);
    const QList<FuzzyNameMatcher::Match> matches
        = matcher.matches([&](double done) { return report(fuzzyStart + int(done * (98 - fuzzyStart))); });
    s.fuzzyCandidates = matcher.stats().candidates;
    s.fuzzyDistances = matcher.stats().distances;

    DisjointSets sets(int(distinctNames.size()));
    for (const FuzzyNameMatcher::Match& match : matches)
        sets.unite(match.a, match.b);
    QHash<int, double> weakest; // root → the lowest similarity of a matched pair in its set
    for (const FuzzyNameMatcher::Match& match : matches) {
        const int root = sets.find(match.a);
        weakest[root] = std::min(weakest.value(root, 1.0), match.score);
    }
    QSet<int> matchedNames;
    for (const FuzzyNameMatcher::Match& match : matches)
        matchedNames << match.a << match.b;
    QHash<int, std::vector<int>> leadsOfSet;
    for (const int name : std::as_const(matchedNames)) {
        std::vector<int>& members = leadsOfSet[sets.find(name)];
        const std::vector<int>& ofName = leadsOfName[static_cast<size_t>(name)];
        members.insert(members.end(), ofName.begin(), ofName.end());
    }
    std::vector<Group> groups;
    for (auto it = leadsOfSet.begin(); it != leadsOfSet.end(); ++it) {
        sortOldestFirst(it.value(), leads);
        const double score = weakest.value(it.key(), 1.0);
        groups.push_back({ std::move(it.value()), score,
            tr("Similar name and company (%1%)").arg(int(std::floor(score * 100 + 1e-9))) });
    }
    candidates.addRule(QStringLiteral("fuzzy_name_company"), std::move(groups));
    s.fuzzyMs = elapsedMs(timer);
    if (!s.cancelled)
        report(100);
    return candidates.candidates();
}
