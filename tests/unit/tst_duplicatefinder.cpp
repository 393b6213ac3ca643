#include "models/Ids.h"
#include "services/hygiene/DuplicateFinder.h"
#include "services/hygiene/FuzzyNameMatcher.h"
#include "services/hygiene/HygieneStore.h"
#include "services/storage/LeadRepository.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <memory>

using HubTest::TempWorkspace;
using namespace Qt::StringLiterals;

namespace {
struct LeadSpec {
    QString name;
    QString company;
    QString email;
    QString phone;
    QString website;
};

// Full dynamic programme without a band: the reference boundedDistance() has to agree with.
int referenceDistance(const QString& a, const QString& b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    QList<QList<int>> d(la + 1, QList<int>(lb + 1, 0));
    for (qsizetype i = 0; i <= la; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= lb; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= la; ++i) {
        for (qsizetype j = 1; j <= lb; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({ d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost });
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[la][lb];
}

QString describe(const QList<DuplicateCandidate>& candidates)
{
    QStringList parts;
    for (const DuplicateCandidate& candidate : candidates)
        parts.append(u"%1 [%2] %3"_s.arg(candidate.rule, candidate.leadIds.join(QLatin1Char(',')), candidate.reason));
    return parts.join(u"; "_s);
}
} // namespace

class tst_DuplicateFinder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    QDateTime m_clock;

    // Inserts a lead directly, each one a minute younger than the one before.
    QString insert(const LeadSpec& spec, bool deleted = false)
    {
        Lead lead = ws->makeLead(spec.name);
        lead.id = Ids::newId();
        lead.orgId = ws->identity().orgId;
        lead.ownerId = ws->identity().userId;
        lead.company = spec.company;
        lead.email = spec.email;
        lead.phone = spec.phone;
        lead.website = spec.website;
        lead.deleted = deleted;
        m_clock = m_clock.addSecs(60);
        lead.createdAt = lead.updatedAt = m_clock;
        bool ok = false;
        ws->runBlocking([&](QSqlDatabase& db) { ok = LeadRepository(db).insert(lead); });
        QTest::qVerify(ok, "insert", "LeadRepository::insert", __FILE__, __LINE__);
        return lead.id;
    }

    QList<DuplicateCandidate> scan(DuplicateFinder::Options options = {},
        const DuplicateFinder::Progress& progress = {}, DuplicateFinder::Stats* stats = nullptr)
    {
        QList<DuplicateCandidate> result;
        ws->runBlocking([&](QSqlDatabase& db) {
            DuplicateFinder finder(db);
            result = finder.scan(options, progress);
            if (stats)
                *stats = finder.stats();
        });
        return result;
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        m_clock = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    }

    void cleanup() { ws.reset(); }

    void normalizedName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("company");
        QTest::addColumn<QString>("expected");
        QTest::newRow("legal suffix") << u"Jon Smith"_s << u"Acme Ltd"_s << u"jon smith acme"_s;
        QTest::newRow("case and long form") << u"John Smith"_s << u"ACME Limited"_s << u"john smith acme"_s;
        QTest::newRow("diacritics") << u"José Müller"_s << u"Café Zürich GmbH"_s << u"jose muller cafe zurich"_s;
        QTest::newRow("special letters") << u"Søren Łukasz"_s << u"Straße & Æsir"_s << u"soren lukasz strasse aesir"_s;
        QTest::newRow("company repeats name") << u"The Bakery"_s << u"the bakery"_s << u"bakery"_s;
        QTest::newRow("honorific and apostrophe") << u"Dr. Ada O’Brien"_s << u""_s << u"ada obrien"_s;
        QTest::newRow("whitespace and punctuation")
            << u"  Ada   Lovelace "_s << u"Analytical-Engines, Inc."_s << u"ada lovelace analytical engines"_s;
        QTest::newRow("dotted legal form") << u""_s << u"Acme L.L.C."_s << u"acme"_s;
        QTest::newRow("German forms") << u"Müller"_s << u"Müller GmbH & Co. KG"_s << u"muller"_s;
        QTest::newRow("only ignored words kept") << u"Inc"_s << u""_s << u"inc"_s;
        QTest::newRow("empty") << u""_s << u""_s << u""_s;
    }

    void normalizedName()
    {
        QFETCH(QString, name);
        QFETCH(QString, company);
        QFETCH(QString, expected);
        QCOMPARE(DuplicateFinder::normalizedName(name, company), expected);
    }

    void domainOf_data()
    {
        QTest::addColumn<QString>("website");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("expected");
        QTest::newRow("website with www and path") << u"https://www.Acme.com/contact"_s << u""_s << u"acme.com"_s;
        QTest::newRow("website wins over email") << u"acme.com"_s << u"ada@other.org"_s << u"acme.com"_s;
        QTest::newRow("user, port, query") << u"http://user@shop.acme.com:8080/x?y=1"_s << u""_s << u"shop.acme.com"_s;
        QTest::newRow("company email") << u""_s << u"Ada@Acme.co.uk"_s << u"acme.co.uk"_s;
        QTest::newRow("gmail") << u""_s << u"ada@gmail.com"_s << u""_s;
        QTest::newRow("gmx any country") << u""_s << u"ada@gmx.de"_s << u""_s;
        QTest::newRow("yahoo any country") << u""_s << u"ada@yahoo.co.uk"_s << u""_s;
        QTest::newRow("outlook") << u""_s << u"ada@outlook.com"_s << u""_s;
        QTest::newRow("hotmail") << u""_s << u"ada@hotmail.com"_s << u""_s;
        QTest::newRow("icloud") << u""_s << u"ada@icloud.com"_s << u""_s;
        QTest::newRow("web.de") << u""_s << u"ada@web.de"_s << u""_s;
        QTest::newRow("proton") << u""_s << u"ada@proton.me"_s << u""_s;
        QTest::newRow("shared website falls back to email")
            << u"https://facebook.com/acme"_s << u"ada@acme.io"_s << u"acme.io"_s;
        QTest::newRow("shared website, free mail") << u"linktr.ee/acme"_s << u"ada@gmail.com"_s << u""_s;
        QTest::newRow("not a host") << u"not a website"_s << u""_s << u""_s;
        QTest::newRow("nothing") << u""_s << u""_s << u""_s;
    }

    void domainOf()
    {
        QFETCH(QString, website);
        QFETCH(QString, email);
        QFETCH(QString, expected);
        QCOMPARE(DuplicateFinder::domainOf(website, email), expected);
    }

    void similarity_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<double>("expected");
        QTest::newRow("equal") << u"ada lovelace"_s << u"ada lovelace"_s << 1.0;
        QTest::newRow("one insertion") << u"jon smith acme"_s << u"john smith acme"_s << 1.0 - 1.0 / 15;
        QTest::newRow("swapped letters") << u"jhon smith"_s << u"john smith"_s << 0.9;
        QTest::newRow("swapped words") << u"smith john"_s << u"john smith"_s << 1.0;
        QTest::newRow("three substitutions in 20") << u"abcdefghijklmnopqrst"_s << u"abcdefghijklmnopqxyz"_s << 0.85;
        QTest::newRow("empty") << u""_s << u"ada"_s << 0.0;
    }

    void similarity()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(double, expected);
        QVERIFY2(qAbs(FuzzyNameMatcher::similarity(a, b) - expected) < 1e-9,
            qPrintable(QString::number(FuzzyNameMatcher::similarity(a, b))));
        QVERIFY(qAbs(FuzzyNameMatcher::similarity(b, a) - expected) < 1e-9);
    }

    // The banded distance agrees with the full one whenever it is within the limit, and says "over" otherwise.
    void boundedDistanceMatchesReference()
    {
        QRandomGenerator random(7);
        const QString alphabet = u"abcde "_s;
        for (int round = 0; round < 3000; ++round) {
            QString a;
            QString b;
            for (int i = 0, n = int(random.bounded(12)); i < n; ++i)
                a.append(alphabet.at(random.bounded(int(alphabet.size()))));
            for (int i = 0, n = int(random.bounded(12)); i < n; ++i)
                b.append(alphabet.at(random.bounded(int(alphabet.size()))));
            const int limit = int(random.bounded(6));
            const int expected = referenceDistance(a, b);
            const int actual = FuzzyNameMatcher::boundedDistance(a, b, limit);
            if (expected <= limit)
                QVERIFY2(actual == expected, qPrintable(u"%1 / %2 limit %3"_s.arg(a, b).arg(limit)));
            else
                QVERIFY2(actual == limit + 1, qPrintable(u"%1 / %2 limit %3"_s.arg(a, b).arg(limit)));
        }
    }

    void exactRules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("first"); // name|company|email|phone|website
        QTest::addColumn<QString>("second");
        QTest::addColumn<QString>("reason");
        QTest::newRow("email, any case") << u"email"_s << u"Ada||Ada@Example.org ||"_s << u"Ann||ada@example.org||"_s
                                         << u"Same email: ada@example.org"_s;
        QTest::newRow("phone") << u"phone"_s << u"Ada|||+442079460001|"_s << u"Ann|||+442079460001|"_s
                               << u"Same phone: +442079460001"_s;
        QTest::newRow("website domain") << u"domain"_s << u"Ada||||https://www.acme.com"_s << u"Bob||||acme.com/about"_s
                                        << u"Same website domain: acme.com"_s;
        QTest::newRow("company email domain") << u"domain"_s << u"Ada||ada@acme.com||"_s << u"Bob||bob@acme.com||"_s
                                              << u"Same website domain: acme.com"_s;
        QTest::newRow("name and company")
            << u"name_company"_s << u"Ada Lovelace|Acme Ltd|||"_s << u"ada  lovelace|ACME|||"_s
            << u"Same name and company: Ada Lovelace, Acme Ltd"_s;
    }

    void exactRules()
    {
        QFETCH(QString, rule);
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(QString, reason);
        const auto spec = [](const QString& text) {
            const QStringList f = text.split(u'|');
            return LeadSpec { f[0], f[1], f[2], f[3], f[4] };
        };
        const QString older = insert(spec(first));
        insert({ u"Zed Quinn"_s, u"Elsewhere"_s, u"zed@elsewhere.net"_s, u"+14155550100"_s, {} });
        const QString newer = insert(spec(second));
        const QList<DuplicateCandidate> candidates = scan();
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates.first().rule, rule);
        QCOMPARE(candidates.first().leadIds, (QStringList { older, newer }));
        QCOMPARE(candidates.first().score, 1.0);
        QCOMPARE(candidates.first().reason, reason);
    }

    // Free-mail addresses never make a domain group; a domain group is transitive across website and email:
    // acme.com, bob@acme.com and www.acme.com are one group.
    void domainGroups()
    {
        insert({ u"Ann"_s, {}, u"ann@gmail.com"_s, {}, {} });
        const QString a = insert({ u"Ada"_s, {}, {}, {}, u"acme.com"_s });
        insert({ u"Ben"_s, {}, u"ben@gmail.com"_s, {}, {} });
        const QString b = insert({ u"Bob"_s, {}, u"bob@acme.com"_s, {}, {} });
        insert({ u"Cy"_s, {}, u"cy@gmx.net"_s, {}, {} });
        insert({ u"Di"_s, {}, u"di@gmx.net"_s, {}, {} });
        const QString c = insert({ u"Cyd"_s, {}, {}, {}, u"http://www.acme.com/"_s });
        const QList<DuplicateCandidate> candidates = scan();
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates.first().leadIds, (QStringList { a, b, c }));
    }

    // The same two leads sharing email and phone are one candidate (the first rule), not two.
    void groupReportedOnceAcrossRules()
    {
        const QString a = insert({ u"Ada Lovelace"_s, u"Acme"_s, u"ada@x.org"_s, u"+442079460001"_s, {} });
        const QString b = insert({ u"Ada Lovelace"_s, u"Acme"_s, u"ada@x.org"_s, u"+442079460001"_s, {} });
        const QString c = insert({ u"Ann Other"_s, {}, {}, u"+442079460001"_s, {} });
        const QList<DuplicateCandidate> candidates = scan();
        QCOMPARE(candidates.size(), 2);
        QCOMPARE(candidates.at(0).rule, u"email"_s);
        QCOMPARE(candidates.at(0).leadIds, (QStringList { a, b }));
        // The phone group is bigger than the email group, so it adds something and is reported.
        QCOMPARE(candidates.at(1).rule, u"phone"_s);
        QCOMPARE(candidates.at(1).leadIds, (QStringList { a, b, c }));
    }

    void fuzzyAroundThreshold_data()
    {
        QTest::addColumn<QString>("first"); // name|company
        QTest::addColumn<QString>("second");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<QString>("reason"); // empty: no match
        const QString jon = u"Jon Smith|Acme Ltd"_s;
        const QString john = u"John Smith|ACME Limited"_s;
        const QString letters = u"Abcdefghijklmnopqrst|"_s;
        const QString lettersTypo = u"Abcdefghijklmnopqxyz|"_s;
        QTest::newRow("nickname, default threshold") << jon << john << 0.85 << u"Similar name and company (93%)"_s;
        QTest::newRow("nickname, strict threshold") << jon << john << 0.95 << QString();
        QTest::newRow("typo") << u"Margaret Hamilton|Northwind Dental"_s << u"Margaret Hamliton|Northwind Dental"_s
                              << 0.85 << u"Similar name and company (97%)"_s;
        QTest::newRow("words swapped") << u"Hamilton Margaret|"_s << u"Margaret Hamilton|"_s << 0.85
                                       << u"Similar name and company (100%)"_s;
        QTest::newRow("exactly at threshold") << letters << lettersTypo << 0.85 << u"Similar name and company (85%)"_s;
        QTest::newRow("just above threshold") << letters << lettersTypo << 0.851 << QString();
        QTest::newRow("same person, other business")
            << u"Liam Martin|Cedar Bakery"_s << u"Liam Martin|Cedar Studio"_s << 0.85 << QString();
        QTest::newRow("different people") << u"Ada Lovelace|Acme"_s << u"Grace Hopper|Acme"_s << 0.85 << QString();
    }

    void fuzzyAroundThreshold()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(double, threshold);
        QFETCH(QString, reason);
        const QStringList x = first.split(u'|');
        const QStringList y = second.split(u'|');
        const QString a = insert({ x[0], x[1], {}, {}, {} });
        const QString b = insert({ y[0], y[1], {}, {}, {} });
        DuplicateFinder::Options options;
        options.fuzzyThreshold = threshold;
        const QList<DuplicateCandidate> candidates = scan(options);
        if (reason.isEmpty()) {
            QVERIFY2(candidates.isEmpty(), qPrintable(describe(candidates)));
            return;
        }
        QCOMPARE(candidates.size(), 1);
        QCOMPARE(candidates.first().rule, u"fuzzy_name_company"_s);
        QCOMPARE(candidates.first().leadIds, (QStringList { a, b }));
        QCOMPARE(candidates.first().reason, reason);
        const double expected = FuzzyNameMatcher::similarity(
            DuplicateFinder::normalizedName(x[0], x[1]), DuplicateFinder::normalizedName(y[0], y[1]));
        QVERIFY(qAbs(candidates.first().score - expected) < 1e-9);
        options.fuzzy = false;
        QVERIFY(scan(options).isEmpty());
    }

    // Fuzzy groups are transitive over names, include every lead with a matched name, and are not repeated when an
    // exact group already holds them.
    void fuzzyGroupsAndCoverage()
    {
        const QString jon = insert({ u"Jon Smith"_s, u"Acme"_s, {}, {}, {} });
        const QString john = insert({ u"John Smith"_s, u"Acme"_s, {}, {}, {} });
        const QString johnAgain = insert({ u"JOHN SMITH"_s, u"Acme Inc."_s, {}, {}, {} });
        const QString johnny = insert({ u"John Smyth"_s, u"Acme"_s, {}, {}, {} });
        const QString ada = insert({ u"Ada Byron"_s, u"Engines"_s, u"ada@e.org"_s, {}, {} });
        const QString adaTypo = insert({ u"Ada Byrom"_s, u"Engines"_s, u"ADA@e.org"_s, {}, {} });
        DuplicateFinder::Stats stats;
        const QList<DuplicateCandidate> candidates = scan({}, {}, &stats);
        QCOMPARE(stats.distinctNames, 5); // the two "john smith acme" are one name to the fuzzy matcher
        QCOMPARE(candidates.size(), 3);
        QCOMPARE(candidates.at(0).rule, u"email"_s);
        QCOMPARE(candidates.at(0).leadIds, (QStringList { ada, adaTypo }));
        QCOMPARE(candidates.at(1).rule, u"name_company"_s);
        QCOMPARE(candidates.at(1).leadIds, (QStringList { john, johnAgain }));
        QCOMPARE(candidates.at(2).rule, u"fuzzy_name_company"_s);
        QCOMPARE(candidates.at(2).leadIds, (QStringList { jon, john, johnAgain, johnny }));
        // The least similar matched pair: "jon smith acme" and "john smyth acme", 2 edits in 15.
        QVERIFY(qAbs(candidates.at(2).score - (1.0 - 2.0 / 15)) < 1e-9);
        QCOMPARE(candidates.at(2).reason, u"Similar name and company (86%)"_s);
    }

    // A word many names share ("travel" among travel agencies) counts half, so two agencies whose distinctive
    // names differ by two letters are not taken for one; alone, the same two names would match.
    void commonWordsCountHalf_data()
    {
        QTest::addColumn<int>("otherAgencies");
        QTest::addColumn<bool>("matches");
        QTest::newRow("rare word") << 0 << true;
        QTest::newRow("common word") << 40 << false;
    }

    void commonWordsCountHalf()
    {
        QFETCH(int, otherAgencies);
        QFETCH(bool, matches);
        const QStringList syllables { u"ka"_s, u"lo"_s, u"mi"_s, u"ren"_s, u"tor"_s, u"vel"_s, u"sa"_s, u"bri"_s };
        for (int i = 0; i < otherAgencies; ++i) {
            const QString head = syllables.at(i % 8) + syllables.at((i / 8) % 8) + u"quist"_s;
            insert({ head, u"Travel"_s, {}, {}, {} });
        }
        const QString a = insert({ u"Velpelos"_s, u"Travel"_s, {}, {}, {} });
        const QString b = insert({ u"Yelyelos"_s, u"Travel"_s, {}, {}, {} });
        QVERIFY(FuzzyNameMatcher::similarity(u"velpelos travel"_s, u"yelyelos travel"_s) > 0.85);
        bool found = false;
        for (const DuplicateCandidate& candidate : scan())
            found = found || (candidate.leadIds.contains(a) && candidate.leadIds.contains(b));
        QCOMPARE(found, matches);
    }

    void deletedLeadsIgnored()
    {
        insert({ u"Ada"_s, {}, u"ada@x.org"_s, {}, {} });
        insert({ u"Ada"_s, {}, u"ada@x.org"_s, {}, {} }, true);
        insert({ u"Jon Smith"_s, {}, {}, {}, {} });
        insert({ u"John Smith"_s, {}, {}, {}, {} }, true);
        DuplicateFinder::Stats stats;
        const QList<DuplicateCandidate> candidates = scan({}, {}, &stats);
        QVERIFY2(candidates.isEmpty(), qPrintable(describe(candidates)));
        QCOMPARE(stats.leads, 2);
    }

    void cancelViaProgress()
    {
        QVERIFY(ws->generateDemoLeads(400));
        QList<int> seen;
        // Records every percentage and cancels from the first one at or above limit.
        const auto cancelFrom = [&seen](int limit) {
            seen.clear();
            return [&seen, limit](int percent) {
                seen.append(percent);
                return percent < limit;
            };
        };
        DuplicateFinder::Stats stats;
        QList<DuplicateCandidate> candidates = scan({}, cancelFrom(0), &stats);
        QVERIFY(candidates.isEmpty());
        QVERIFY(stats.cancelled);
        QCOMPARE(seen, QList<int> { 0 });

        // Cancelled once fuzzy matching started: every exact candidate is there all the same.
        const QList<DuplicateCandidate> all = scan();
        candidates = scan({}, cancelFrom(61), &stats);
        QVERIFY(stats.cancelled);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()) && seen.last() < 100);
        int exact = 0;
        for (const DuplicateCandidate& candidate : all) {
            if (candidate.rule != QLatin1String("fuzzy_name_company"))
                QCOMPARE(candidates.at(exact++).leadIds, candidate.leadIds);
        }
        QVERIFY(exact > 0);

        scan({}, cancelFrom(101), &stats);
        QVERIFY(!stats.cancelled);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()) && seen.last() == 100);
    }

    // On realistic sample data: every candidate lists distinct live leads, oldest first, and no candidate is
    // contained in an earlier one.
    void candidatesAreConsistent()
    {
        QVERIFY(ws->generateDemoLeads(1500));
        const QList<DuplicateCandidate> candidates = scan();
        QVERIFY(!candidates.isEmpty());
        QHash<QString, QString> createdAt;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.exec(u"SELECT id, created_at FROM leads WHERE deleted = 0"_s);
            while (query.next())
                createdAt.insert(query.value(0).toString(), query.value(1).toString());
        });
        const QStringList order { u"email"_s, u"phone"_s, u"domain"_s, u"name_company"_s, u"fuzzy_name_company"_s };
        QList<QSet<QString>> earlier;
        int lastRule = 0;
        for (const DuplicateCandidate& candidate : candidates) {
            const int rule = int(order.indexOf(candidate.rule));
            QVERIFY(rule >= lastRule);
            lastRule = rule;
            QVERIFY(candidate.leadIds.size() >= 2);
            const QSet<QString> ids(candidate.leadIds.cbegin(), candidate.leadIds.cend());
            QCOMPARE(ids.size(), candidate.leadIds.size());
            for (qsizetype i = 1; i < candidate.leadIds.size(); ++i) {
                QVERIFY(createdAt.contains(candidate.leadIds[i]));
                QVERIFY(createdAt.value(candidate.leadIds[i - 1]) <= createdAt.value(candidate.leadIds[i]));
            }
            for (const QSet<QString>& reported : std::as_const(earlier))
                QVERIFY(!reported.contains(ids));
            earlier.append(ids);
            QVERIFY(!candidate.reason.isEmpty());
            QVERIFY(candidate.score > 0 && candidate.score <= 1.0);
        }
    }

    void hygieneStoreScansAsynchronously()
    {
        insert({ u"Ada"_s, {}, u"ada@x.org"_s, {}, {} });
        insert({ u"Ada L."_s, {}, u"ada@x.org"_s, {}, {} });
        HygieneStore store(&ws->executor(), &ws->store(), &ws->bus());
        QList<int> progress;
        const auto candidates = HubTest::waitForCallback<QList<DuplicateCandidate>>(
            [&](QObject* context, auto done) {
                store.scan(
                    {}, context, [&progress](int percent) { progress.append(percent); }, done);
            },
            u"HygieneStore::scan"_s);
        QVERIFY(candidates && candidates->size() == 1 && candidates->first().rule == u"email"_s);
        QVERIFY(!store.isScanning() && !progress.isEmpty() && progress.last() == 100);

        // Cancelled at once: done still comes, with what there was.
        const auto cancelled = HubTest::waitForCallback<QList<DuplicateCandidate>>(
            [&](QObject* context, auto done) {
                store.scan({}, context, {}, done);
                store.cancelScan();
            },
            u"HygieneStore::scan cancelled"_s);
        QVERIFY(cancelled && cancelled->isEmpty() && !store.isScanning());
    }
};

QTEST_GUILESS_MAIN(tst_DuplicateFinder)
#include "tst_duplicatefinder.moc"
