// dedupe: the duplicate scan (exact rules and fuzzy names) over n leads. The leads are generated here rather than by
// DemoDataGenerator, whose small vocabularies make most leads share a phone, a domain or a name: these are distinct
// businesses and people, plus about 6 % planted duplicates of known kinds (same email in another case, same phone,
// a colleague on the same website, the same name with another legal form, a typo, a nickname) and some tombstoned
// copies the scan must ignore. Budget (DESIGN.md section 10): < 5 s at 100,000 leads.
//
// Figures: scan_ms (median of the rounds, reading included), groups (candidates), pairs_found (sum over candidates of
// C(k, 2) for k leads), planted (planted pairs), recall (planted pairs inside one candidate / planted), precision
// (found pairs whose leads stem from the same generated business / pairs_found).

#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchReport.h"
#include "tests/bench/BenchScenarios.h"
#include "tests/bench/BenchWorkspace.h"

#include "models/Ids.h"
#include "services/hygiene/DuplicateFinder.h"
#include "services/storage/LeadRepository.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>

#include <algorithm>
#include <cstdio>

namespace {
constexpr int kRounds = 3;
constexpr double kBudgetMs = 5000;
constexpr int kPlantedPerMille = 60;
constexpr int kTombstonedPerMille = 10;

// clang-format off
const char* const kSyllables[] = { "ka", "lo", "mi", "ren", "tor", "vel", "sa", "bri", "don", "fel", "gar", "hil",
    "jor", "kes", "lan", "mor", "nel", "pra", "quin", "ros", "sten", "tal", "ul", "vin", "wes", "yor", "zan", "bel",
    "cor", "dra", "el", "fen", "gil", "har", "isk", "jun", "kor", "lum", "mar", "nor", "os", "pel", "ril", "sol",
    "tam", "un", "var", "wil", "xen", "yel" };
const char* const kFirstNames[] = { "John", "Katherine", "Steven", "Mohammed", "Sara", "Michael", "Philip", "Eric",
    "Carl", "Marc", "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Elias", "Sofia", "Leon", "Hannah",
    "Mateo", "Chloe", "Jonas", "Amelia", "Finn", "Isabella", "Oskar", "Nora", "Hugo", "Grace", "Theo", "Lena",
    "Samuel", "Clara", "Aarav", "Yuki", "Fatima", "Diego", "Priya", "Kwame", "Ingrid", "Marco", "Zoe", "José",
    "Zoë", "Søren", "Łukasz", "Anaïs", "Björn" };
// The same person written another way, for the first names above that have one.
const char* const kNicknames[][2] = { { "John", "Jon" }, { "Katherine", "Catherine" }, { "Steven", "Stephen" },
    { "Mohammed", "Muhammad" }, { "Sara", "Sarah" }, { "Michael", "Micheal" }, { "Philip", "Phillip" },
    { "Eric", "Erik" }, { "Carl", "Karl" }, { "Marc", "Mark" }, { "José", "Jose" }, { "Zoë", "Zoe" } };
const char* const kTails[] = { "Dental", "Bakery", "Studio", "Logistics", "Fitness", "Legal", "Realty", "Coffee",
    "Architects", "Clinic", "Motors", "Consulting", "Events", "Roofing", "Florists", "Analytics", "Hotel", "Printing",
    "Veterinary", "Yoga", "Plumbing", "Catering", "Media", "Labs", "Garden", "Travel", "Optics", "Auto", "Salon",
    "Brewery" };
const char* const kLegalForms[] = { "", "", "", "Ltd", "Limited", "GmbH", "Inc.", "LLC", "& Co.", "Co." };
const char* const kFreeMail[] = { "gmail.com", "gmx.de", "yahoo.com", "outlook.com", "icloud.com", "web.de" };
// clang-format on

enum class Plant { Email, Phone, Colleague, LegalForm, Typo, Nickname, Count };
const char* const kPlantNames[] = { "email", "phone", "colleague", "legal_form", "typo", "nickname" };

template <typename T, size_t N> QString pick(QRandomGenerator& random, T (&items)[N])
{
    return QString::fromUtf8(items[random.bounded(static_cast<quint32>(N))]);
}

QString capitalized(QString word)
{
    if (!word.isEmpty())
        word[0] = word[0].toUpper();
    return word;
}

QString syllableWord(QRandomGenerator& random, int syllables)
{
    QString word;
    for (int i = 0; i < syllables; ++i)
        word += pick(random, kSyllables);
    return capitalized(word);
}

struct PlantedPair {
    QString original;
    QString copy;
    Plant kind;
};

class DedupeData
{
public:
    DedupeData(quint32 seed, QString orgId, QString ownerId)
        : m_random(seed ^ 0xd3d09e5u)
        , m_orgId(std::move(orgId))
        , m_ownerId(std::move(ownerId))
        , m_clock(QDateTime(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC))
    { }

    // n leads in all: distinct ones, planted duplicates of them and tombstoned copies.
    QList<Lead> generate(int n)
    {
        const int planted = n * kPlantedPerMille / 1000;
        const int tombstoned = n * kTombstonedPerMille / 1000;
        const int distinct = std::max(1, n - planted - tombstoned);
        QList<Lead> leads;
        leads.reserve(n);
        for (int i = 0; i < distinct; ++i)
            leads.append(distinctLead(i));
        for (int i = 0; i < planted && leads.size() < n; ++i) {
            const Lead& original = leads.at(m_random.bounded(distinct));
            const Plant kind = feasible(original, Plant(m_random.bounded(int(Plant::Count))));
            Lead copy = plantedCopy(original, kind);
            m_pairs.append({ original.id, copy.id, kind });
            m_origin.insert(copy.id, m_origin.value(original.id, original.id));
            leads.append(copy);
        }
        while (leads.size() < n) {
            Lead copy = leads.at(m_random.bounded(distinct));
            stamp(copy);
            copy.deleted = true;
            leads.append(copy);
        }
        return leads;
    }

    const QList<PlantedPair>& pairs() const { return m_pairs; }
    // The generated business a lead stems from (its own id for distinct leads).
    QString originOf(const QString& id) const { return m_origin.value(id, id); }

private:
    void stamp(Lead& lead)
    {
        lead.id = Ids::newId();
        m_clock = m_clock.addSecs(37);
        lead.createdAt = lead.updatedAt = m_clock;
    }

    Lead distinctLead(int index)
    {
        Lead lead;
        stamp(lead);
        lead.orgId = m_orgId;
        lead.ownerId = m_ownerId;
        QString head;
        do
            head = syllableWord(m_random, 3 + int(m_random.bounded(2)));
        while (m_heads.contains(head));
        m_heads.insert(head);
        const QString legalForm = pick(m_random, kLegalForms);
        lead.company = head + QLatin1Char(' ') + pick(m_random, kTails)
            + (legalForm.isEmpty() ? QString() : QLatin1Char(' ') + legalForm);
        const QString first = pick(m_random, kFirstNames);
        const QString last = syllableWord(m_random, 2 + int(m_random.bounded(2)));
        lead.contactPerson = first + QLatin1Char(' ') + last;
        lead.name = m_random.bounded(10) < 3 ? lead.company : lead.contactPerson;
        const QString domain
            = head.toLower() + (m_random.bounded(3) == 0 ? QStringLiteral(".de") : QStringLiteral(".com"));
        const quint32 contact = m_random.bounded(100);
        if (contact < 55)
            lead.email = first.toLower() + QLatin1Char('.') + last.toLower() + QLatin1Char('@') + domain;
        else if (contact < 85)
            lead.email = last.toLower() + QString::number(index) + QLatin1Char('@') + pick(m_random, kFreeMail);
        const quint32 site = m_random.bounded(100);
        if (site < 50)
            lead.website = QStringLiteral("https://www.") + domain;
        else if (site < 55)
            lead.website = QStringLiteral("https://facebook.com/") + head.toLower();
        if (m_random.bounded(4) != 0)
            lead.phone = QStringLiteral("+4930%1").arg(10000000 + index);
        lead.status = QStringLiteral("new");
        return lead;
    }

    QString freshFreeMail()
    {
        return QStringLiteral("someone%1@").arg(++m_freeMailCounter) + pick(m_random, kFreeMail);
    }

    // One random edit (insert, delete, substitute or swap) inside the first word of text that is not a legal form,
    // never at its first letter.
    QString withTypo(const QString& text)
    {
        const QStringList words = text.split(QLatin1Char(' '));
        qsizetype start = 0;
        qsizetype length = 0;
        for (const QString& word : words) {
            const bool legalForm = std::any_of(std::begin(kLegalForms), std::end(kLegalForms),
                [&word](const char* form) { return word.compare(QString::fromUtf8(form), Qt::CaseInsensitive) == 0; });
            if (word.size() >= 4 && !legalForm) {
                length = word.size();
                break;
            }
            start += word.size() + 1;
        }
        if (length == 0)
            return text + QLatin1Char('x');
        const qsizetype at = start + 1 + m_random.bounded(int(length - 2));
        QString result = text;
        const QChar letter = QLatin1Char(char('a' + m_random.bounded(26)));
        switch (m_random.bounded(4)) {
        case 0:
            result.insert(at, letter);
            break;
        case 1:
            result.remove(at, 1);
            break;
        case 2:
            result[at] = letter.toLower() == result.at(at).toLower() ? QLatin1Char('q') : letter;
            break;
        default:
            std::swap(result[at], result[at + 1]);
            break;
        }
        if (result.compare(text, Qt::CaseInsensitive) == 0) // swapped or replaced a letter by itself
            result.insert(at, QLatin1Char('q'));
        return result;
    }

    QString withOtherLegalForm(const QString& company)
    {
        QString head = company;
        for (const char* form : kLegalForms) {
            const QString suffix = QLatin1Char(' ') + QString::fromUtf8(form);
            if (*form && head.endsWith(suffix))
                head.chop(suffix.size());
        }
        const QString forms[] = { QStringLiteral(" Limited"), QStringLiteral(", Inc."), QStringLiteral(" GmbH"),
            QStringLiteral(" LLC"), QString() };
        QString result = head + forms[m_random.bounded(5)];
        return m_random.bounded(2) ? result.toUpper() : result;
    }

    // The kind asked for when the original has what it needs (an email, a phone, an organisation's domain),
    // else another name variant.
    static Plant feasible(const Lead& original, Plant kind)
    {
        if ((kind == Plant::Email && original.email.isEmpty()) || (kind == Plant::Phone && original.phone.isEmpty())
            || (kind == Plant::Colleague && DuplicateFinder::domainOf(original.website, original.email).isEmpty()))
            return Plant::LegalForm;
        return kind;
    }

    QString nicknamed(const QString& name)
    {
        for (const auto& [formal, informal] : kNicknames) {
            const QString prefix = QString::fromUtf8(formal) + QLatin1Char(' ');
            if (name.startsWith(prefix))
                return QString::fromUtf8(informal) + name.mid(prefix.size() - 1);
        }
        return withTypo(name);
    }

    Lead plantedCopy(const Lead& original, Plant kind)
    {
        Lead copy = original;
        stamp(copy);
        copy.email = freshFreeMail();
        copy.phone.clear();
        copy.website.clear();
        const bool isPerson = original.name != original.company;
        // Someone else at the same business: only the contact detail connects the two.
        const auto colleague = [&] {
            copy.contactPerson = pick(m_random, kFirstNames) + QLatin1Char(' ') + syllableWord(m_random, 3);
            copy.name = copy.contactPerson;
        };
        switch (kind) {
        case Plant::Email:
            colleague();
            copy.email = original.email.toUpper();
            break;
        case Plant::Phone:
            colleague();
            copy.phone = original.phone;
            break;
        case Plant::Colleague:
            colleague();
            if (!original.website.isEmpty() && !original.website.contains(QStringLiteral("facebook")))
                copy.website
                    = QString(original.website).replace(QStringLiteral("https://www."), QStringLiteral("http://"));
            else
                copy.email = QStringLiteral("info") + original.email.mid(original.email.indexOf(QLatin1Char('@')));
            break;
        case Plant::LegalForm:
            copy.company = withOtherLegalForm(original.company);
            copy.name = isPerson ? original.name : copy.company;
            break;
        case Plant::Typo:
            copy.name = withTypo(original.name);
            if (!isPerson)
                copy.company = copy.name;
            break;
        case Plant::Nickname:
        case Plant::Count:
            copy.company = withOtherLegalForm(original.company);
            copy.name = isPerson ? nicknamed(original.name) : withTypo(copy.company);
            if (isPerson && copy.name == original.name)
                copy.name = withTypo(original.name);
            if (!isPerson)
                copy.company = copy.name;
            break;
        }
        return copy;
    }

    QRandomGenerator m_random;
    QString m_orgId;
    QString m_ownerId;
    QDateTime m_clock;
    QSet<QString> m_heads;
    int m_freeMailCounter = 0;
    QList<PlantedPair> m_pairs;
    QHash<QString, QString> m_origin;
};

QString insertAll(QSqlDatabase& db, const QList<Lead>& leads)
{
    LeadRepository repository(db);
    if (!db.transaction())
        return db.lastError().text();
    for (const Lead& lead : leads) {
        if (!repository.insert(lead)) {
            db.rollback();
            return repository.lastError();
        }
    }
    return db.commit() ? QString() : db.lastError().text();
}

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

int runDedupeBenchmark(const BenchOptions& options)
{
    BenchWorkspace workspace;
    std::fprintf(stderr, "dedupe: creating the workspace...\n");
    QString error = workspace.create(0, options.seed);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "dedupe: cannot create the workspace: %s\n", qPrintable(error));
        return 1;
    }
    DedupeData data(options.seed, workspace.identity().orgId, workspace.identity().userId);
    const QList<Lead> leads = data.generate(options.n);
    std::fprintf(stderr, "dedupe: inserting %d leads (%d planted duplicate pairs)...\n", int(leads.size()),
        int(data.pairs().size()));
    QElapsedTimer timer;
    timer.start();
    workspace.executor().runBlocking([&](QSqlDatabase& db) { error = insertAll(db, leads); });
    const double generateMs = elapsedMs(timer);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "dedupe: inserting failed: %s\n", qPrintable(error));
        return 1;
    }

    QList<double> scanMs;
    QList<DuplicateCandidate> candidates;
    DuplicateFinder::Stats stats;
    for (int round = 0; round < kRounds; ++round) {
        workspace.executor().runBlocking([&](QSqlDatabase& db) {
            DuplicateFinder finder(db);
            QElapsedTimer scanTimer;
            scanTimer.start();
            candidates = finder.scan({});
            scanMs.append(elapsedMs(scanTimer));
            stats = finder.stats();
        });
        std::fprintf(stderr, "dedupe: scan %d: %.1f ms (read %.1f, exact %.1f, fuzzy %.1f), %d candidates\n", round + 1,
            scanMs.last(), stats.readMs, stats.exactMs, stats.fuzzyMs, int(candidates.size()));
        if (!stats.error.isEmpty()) {
            std::fprintf(stderr, "dedupe: scan failed: %s\n", qPrintable(stats.error));
            return 1;
        }
    }

    QHash<QString, QList<int>> candidatesOfLead;
    qint64 pairsFound = 0;
    qint64 pairsOfOneOrigin = 0;
    QHash<QString, int> groupsPerRule;
    for (int c = 0; c < candidates.size(); ++c) {
        const QStringList& ids = candidates.at(c).leadIds;
        groupsPerRule[candidates.at(c).rule] += 1;
        for (const QString& id : ids)
            candidatesOfLead[id].append(c);
        for (int i = 0; i < ids.size(); ++i) {
            for (int j = i + 1; j < ids.size(); ++j) {
                ++pairsFound;
                pairsOfOneOrigin += data.originOf(ids.at(i)) == data.originOf(ids.at(j)) ? 1 : 0;
            }
        }
    }
    int found = 0;
    QList<int> plantedOfKind(int(Plant::Count), 0);
    QList<int> foundOfKind(int(Plant::Count), 0);
    for (const PlantedPair& pair : data.pairs()) {
        plantedOfKind[int(pair.kind)] += 1;
        for (const int c : candidatesOfLead.value(pair.original)) {
            if (candidates.at(c).leadIds.contains(pair.copy)) {
                ++found;
                foundOfKind[int(pair.kind)] += 1;
                break;
            }
        }
    }
    const double planted = double(data.pairs().size());
    const double scan = percentile(scanMs, 50);

    BenchReport report(QStringLiteral("dedupe"), options.n);
    report.addMs(QStringLiteral("scan_ms"), scan);
    report.addMs(QStringLiteral("scan_max_ms"), maxOf(scanMs));
    report.addMs(QStringLiteral("read_ms"), stats.readMs);
    report.addMs(QStringLiteral("exact_ms"), stats.exactMs);
    report.addMs(QStringLiteral("fuzzy_ms"), stats.fuzzyMs);
    report.addInt(QStringLiteral("leads_scanned"), stats.leads);
    report.addInt(QStringLiteral("distinct_names"), stats.distinctNames);
    report.addInt(QStringLiteral("fuzzy_candidates"), stats.fuzzyCandidates);
    report.addInt(QStringLiteral("fuzzy_distances"), stats.fuzzyDistances);
    report.addInt(QStringLiteral("groups"), candidates.size());
    for (const char* rule : { "email", "phone", "domain", "name_company", "fuzzy_name_company" })
        report.addInt(QStringLiteral("groups_") + QLatin1String(rule), groupsPerRule.value(QLatin1String(rule)));
    report.addInt(QStringLiteral("pairs_found"), pairsFound);
    report.addInt(QStringLiteral("planted"), data.pairs().size());
    report.addInt(QStringLiteral("planted_found"), found);
    report.addNumber(QStringLiteral("recall"), planted > 0 ? found / planted : 1.0, 4);
    for (int kind = 0; kind < int(Plant::Count); ++kind) {
        report.addNumber(QStringLiteral("recall_") + QLatin1String(kPlantNames[kind]),
            plantedOfKind[kind] > 0 ? double(foundOfKind[kind]) / plantedOfKind[kind] : 1.0, 4);
    }
    report.addNumber(QStringLiteral("precision"), pairsFound > 0 ? double(pairsOfOneOrigin) / pairsFound : 1.0, 4);
    report.addMs(QStringLiteral("generate_ms"), generateMs);
    report.addNumber(QStringLiteral("budget_scan_ms"), kBudgetMs, 0);
    report.addBool(QStringLiteral("within_budget"), scan < kBudgetMs);
    report.print(options.json);
    return 0;
}
