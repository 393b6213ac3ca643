// search: search-as-you-type over n leads. Seeded phrases taken from the generated data are "typed" one
// keystroke at a time; every prefix is one query, answered like the Leads view asks for it: count, value totals
// and the first page of 200 rows. Budget (DESIGN.md section 10): p95 < 30 ms.

#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchReport.h"
#include "tests/bench/BenchScenarios.h"
#include "tests/bench/BenchWorkspace.h"

#include "services/storage/LeadRepository.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cstdio>

namespace {
constexpr int kQueryCount = 200;
constexpr int kPageSize = 200;
constexpr double kBudgetP95Ms = 30;

struct LeadText
{
    QString company;
    QString contactPerson;
    QString email;
    QString tags;
    QString notes;
};

struct QueryTiming
{
    double dbMs = 0;
    int total = 0;
    QString error;
};

QList<LeadText> sampleLeads(DatabaseExecutor& executor, int n, int count, QRandomGenerator& random)
{
    QList<LeadText> leads;
    QList<qint64> rowids;
    for (int i = 0; i < count; ++i)
        rowids.append(random.bounded(n) + 1);
    executor.runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT company, contact_person, email, tags, notes FROM leads WHERE rowid = ?"));
        for (const qint64 rowid : std::as_const(rowids)) {
            query.addBindValue(rowid);
            if (query.exec() && query.next()) {
                leads.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                    query.value(3).toString(), query.value(4).toString() });
            }
        }
    });
    return leads;
}

QString pickWord(const QString& text, QRandomGenerator& random, int minLength)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\\p{P}\\p{S}]+"));
    QStringList words;
    for (const QString& word : text.split(separators, Qt::SkipEmptyParts)) {
        if (word.size() >= minLength)
            words.append(word);
    }
    return words.isEmpty() ? QString() : words.at(random.bounded(static_cast<int>(words.size())));
}

// What people type into a CRM search box: a first or last name, a full name, a company, an email, a tag, a word
// from the notes, a company plus a name, and now and then a typo.
QString phraseFor(const LeadText& lead, int kind, QRandomGenerator& random)
{
    const QStringList person = lead.contactPerson.split(QLatin1Char(' '));
    switch (kind % 9) {
    case 0:
        return person.first();
    case 1:
        return person.last();
    case 2:
        return lead.contactPerson;
    case 3:
        return lead.company;
    case 4:
        return lead.email;
    case 5:
        return lead.tags.isEmpty() ? lead.company.section(QLatin1Char(' '), 0, 0) : lead.tags.section(QLatin1Char(','), 0, 0);
    case 6: {
        const QString word = pickWord(lead.notes, random, 5);
        return word.isEmpty() ? person.last() : word;
    }
    case 7:
        return lead.company.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') + person.first();
    default: {
        QString typo = person.last();
        if (typo.size() > 3)
            typo.remove(random.bounded(1, static_cast<int>(typo.size()) - 1), 1);
        return typo;
    }
    }
}

// Every keystroke of every phrase is a query, until there are `count` of them. A trailing space does not
// change the search, so it sends nothing.
QStringList typedQueries(const QList<LeadText>& leads, int count, QRandomGenerator& random)
{
    QStringList queries;
    for (int i = 0; queries.size() < count && !leads.isEmpty(); ++i) {
        QString phrase = phraseFor(leads.at(i % leads.size()), i, random);
        if (random.bounded(10) < 7)
            phrase = phrase.toLower();
        for (int length = 1; length <= phrase.size() && queries.size() < count; ++length) {
            if (!phrase.at(length - 1).isSpace())
                queries.append(phrase.left(length));
        }
    }
    return queries;
}
} // namespace

int runSearchBenchmark(const BenchOptions& options)
{
    BenchWorkspace workspace;
    std::fprintf(stderr, "search: generating %d leads (seed %u)...\n", options.n, options.seed);
    const QString error = workspace.create(options.n, options.seed);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "search: cannot create the workspace: %s\n", qPrintable(error));
        return 1;
    }
    std::fprintf(stderr, "search: generated in %.1f ms\n", workspace.generateMs());

    QRandomGenerator random(options.seed ^ 0x5ea4c4u);
    const QStringList queries = typedQueries(sampleLeads(workspace.executor(), options.n, 64, random), kQueryCount, random);

    QList<double> dbMs;
    QList<double> roundtripMs;
    QList<double> oneCharMs;
    QObject context;
    for (const QString& text : queries) {
        LeadFilter filter;
        filter.search = text;
        QEventLoop loop;
        QueryTiming timing;
        QElapsedTimer roundtrip;
        roundtrip.start();
        workspace.executor().run<QueryTiming>(
            &context,
            [filter](QSqlDatabase& db) {
                QueryTiming result;
                QElapsedTimer timer;
                timer.start();
                LeadRepository leads(db);
                const LeadPage page = leads.page(filter, 0, kPageSize);
                result.dbMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                result.total = page.total;
                result.error = leads.lastError();
                return result;
            },
            [&](QueryTiming result) {
                timing = std::move(result);
                loop.quit();
            });
        loop.exec();
        const double roundtripElapsed = static_cast<double>(roundtrip.nsecsElapsed()) / 1e6;
        if (!timing.error.isEmpty()) {
            std::fprintf(stderr, "search: query \"%s\" failed: %s\n", qPrintable(text), qPrintable(timing.error));
            return 1;
        }
        std::fprintf(stderr, "search: %-32s %7d hits %8.1f ms\n", qPrintable(QLatin1Char('"') + text + QLatin1Char('"')),
            timing.total, timing.dbMs);
        dbMs.append(timing.dbMs);
        roundtripMs.append(roundtripElapsed);
        if (text.trimmed().size() == 1)
            oneCharMs.append(timing.dbMs);
    }

    const double p95 = percentile(dbMs, 95);
    BenchReport report(QStringLiteral("search"), options.n);
    report.addInt(QStringLiteral("queries"), dbMs.size());
    report.addMs(QStringLiteral("p50_ms"), percentile(dbMs, 50));
    report.addMs(QStringLiteral("p95_ms"), p95);
    report.addMs(QStringLiteral("max_ms"), maxOf(dbMs));
    report.addMs(QStringLiteral("p95_roundtrip_ms"), percentile(roundtripMs, 95));
    report.addMs(QStringLiteral("max_1char_ms"), maxOf(oneCharMs));
    report.addMs(QStringLiteral("generate_ms"), workspace.generateMs());
    report.addNumber(QStringLiteral("budget_p95_ms"), kBudgetP95Ms, 0);
    report.addBool(QStringLiteral("within_budget"), p95 < kBudgetP95Ms);
    report.print(options.json);
    return 0;
}
