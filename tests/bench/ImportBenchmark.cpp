// import: a seeded, messy CSV export of n rows (~200 bytes a row: 50,000 rows ≈ 10 MB) imported into an empty
// workspace with normalisation and de-duplication, exactly as the wizard runs it. Budget (DESIGN.md section 10):
// 50,000 rows in < 2 s. For scale, the same file is also loaded by `sqlite3 .import` into a bare table.

#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchReport.h"
#include "tests/bench/BenchScenarios.h"
#include "tests/bench/BenchWorkspace.h"

#include "services/imports/ImportRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

namespace {
constexpr double kBudgetMsPer50k = 2000;

// clang-format off
const char* const kFirst[] = { "Anna", "Ben", "Chloé", "David", "Elif", "Finn", "Greta", "Hugo", "Ines", "Jamal",
    "Kira", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tess" };
const char* const kLast[] = { "Müller", "Smith", "García", "Nguyen", "O'Neil", "Kowalski", "Rossi", "Dubois",
    "Jensen", "Okafor", "Tanaka", "Silva", "Novak", "Brown", "Schmidt" };
const char* const kCompanies[] = { "Acme Dental", "Bright Bakery", "Cobalt Legal", "Delta Roofing", "Echo Fitness",
    "Fjord Logistics", "Gale & Sons", "Harbor Realty", "Indigo Studio", "Juniper Clinic" };
const char* const kStages[] = { "New", "contacted", "Qualified", "proposal", "", "Won", "lost" };
const char* const kCities[] = { "Austin", "Berlin", "Lisbon", "Dublin", "Toronto" };
// clang-format on

template <typename T, size_t N>
QByteArray pick(QRandomGenerator& random, T (&items)[N])
{
    return QByteArray(items[random.bounded(static_cast<quint32>(N))]);
}

// One number per identity (so only planted duplicates collide), written the many ways people write them.
QByteArray phoneFor(QRandomGenerator& random, int identity)
{
    static const int kAreas[] = { 415, 212, 312, 646, 718, 917, 303, 206, 617, 512 };
    const int area = kAreas[(identity / 10000) % 10];
    const QString line = QStringLiteral("%1").arg(identity % 10000, 4, 10, QLatin1Char('0'));
    switch (random.bounded(5)) {
    case 0:
        return QStringLiteral("(%1) 555-%2").arg(area).arg(line).toUtf8();
    case 1:
        return QStringLiteral("+1 %1 555 %2").arg(area).arg(line).toUtf8();
    case 2:
        return QStringLiteral("%1.555.%2").arg(area).arg(line).toUtf8();
    case 3:
        return random.bounded(20) == 0 ? QByteArray("12-34") : QStringLiteral("%1-555-%2").arg(area).arg(line).toUtf8();
    default:
        return QByteArray();
    }
}

// Writes the messy file; returns its size.
qint64 writeMessyCsv(const QString& path, int n, quint32 seed)
{
    QRandomGenerator random(seed);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write("First Name,Last Name,E-Mail,Phone,Company,Website,Lead Status,Tags,Notes,City,Deal Value\r\n");
    QByteArray row;
    for (int i = 0; i < n; ++i) {
        // About 3% repeat an earlier row's email in other letters: duplicates the import must catch.
        const int identity = (i > 100 && random.bounded(33) == 0) ? static_cast<int>(random.bounded(i)) : i;
        const QByteArray first = pick(random, kFirst);
        const QByteArray last = pick(random, kLast);
        const QByteArray company = pick(random, kCompanies);
        const QByteArray email = QStringLiteral("%1.%2.%3@example.com")
                                     .arg(QString::fromUtf8(first).toLower(), QString::number(identity),
                                         random.bounded(2) ? QStringLiteral("work") : QStringLiteral("mail"))
                                     .toUtf8();
        row.clear();
        row += "  " + first + " ," + last + ",";
        row += (random.bounded(4) == 0 ? email.toUpper() : email) + ",";
        row += phoneFor(random, identity) + ",";
        row += "\"" + company + ", Inc.\",";
        row += random.bounded(3) ? QByteArray("www.") + company.toLower().replace(' ', '-') + ".com," : QByteArray(",");
        row += pick(random, kStages) + ",";
        row += random.bounded(2) ? QByteArray("\"vip; q3\",") : QByteArray("lead,");
        row += random.bounded(5) == 0 ? QByteArray("\"Called twice, \"\"interested\"\".\nFollow up in spring.\",")
                                      : QByteArray("Met at expo booth; wants a quote for the new site,");
        row += pick(random, kCities) + ",";
        row += QByteArray::number(random.bounded(100, 50000)) + (random.bounded(2) ? ".50" : "") + "\r\n";
        file.write(row);
    }
    return file.size();
}

double peakResidentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// CPU time of a clock (this thread, or the whole process), in ms: unlike wall time, hardly moved by other load.
double cpuMs(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double sqliteBaselineMs(const QString& csv, const QString& dir)
{
    QProcess sqlite;
    QElapsedTimer clock;
    clock.start();
    sqlite.start(QStringLiteral("sqlite3"), { dir + QStringLiteral("/baseline.sqlite"),
                                                QStringLiteral(".import --csv ") + csv + QStringLiteral(" bare") });
    if (!sqlite.waitForFinished(120000) || sqlite.exitCode() != 0)
        return -1;
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}
} // namespace

int runImportBenchmark(const BenchOptions& options)
{
    QTemporaryDir dir;
    BenchWorkspace workspace;
    if (const QString error = workspace.create(0, options.seed); !error.isEmpty()) {
        std::fprintf(stderr, "hub-bench import: %s\n", qPrintable(error));
        return 1;
    }
    const QString csv = dir.filePath(QStringLiteral("messy.csv"));
    const qint64 size = writeMessyCsv(csv, options.n, options.seed);
    if (size < 0) {
        std::fprintf(stderr, "hub-bench import: cannot write %s\n", qPrintable(csv));
        return 1;
    }
    ImportRequest request;
    request.path = csv;
    request.options.region = QStringLiteral("US");
    ImportJob job;
    double importMs = 0;
    double writerCpuMs = 0;
    const double processCpuStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    workspace.executor().runBlocking([&](QSqlDatabase& db) {
        QElapsedTimer clock;
        clock.start();
        const double threadCpuStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        job = ImportRunner(db, workspace.identity()).run(request);
        writerCpuMs = cpuMs(CLOCK_THREAD_CPUTIME_ID) - threadCpuStart;
        importMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    });
    const double importCpuMs = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - processCpuStart;
    if (job.status != QLatin1String("completed")) {
        std::fprintf(stderr, "hub-bench import: %s (%s)\n", qPrintable(job.status), qPrintable(job.error));
        return 1;
    }
    const double baselineMs = sqliteBaselineMs(csv, dir.path());
    const double budgetMs = kBudgetMsPer50k * options.n / 50000.0;

    BenchReport report(QStringLiteral("import"), options.n);
    report.addNumber(QStringLiteral("file_mb"), static_cast<double>(size) / (1024.0 * 1024.0), 2);
    report.addMs(QStringLiteral("import_ms"), importMs);
    report.addNumber(QStringLiteral("rows_per_s"), options.n / (importMs / 1000.0), 0);
    // Where the time goes: the database thread writes while the thread pool reads and normalises the next batch.
    report.addMs(QStringLiteral("writer_cpu_ms"), writerCpuMs);
    report.addMs(QStringLiteral("import_cpu_ms"), importCpuMs);
    report.addNumber(QStringLiteral("rss_mb"), peakResidentMegabytes());
    report.addMs(QStringLiteral("baseline_sqlite_ms"), baselineMs);
    report.addInt(QStringLiteral("imported"), job.imported);
    report.addInt(QStringLiteral("skipped"), job.skipped);
    report.addInt(QStringLiteral("failed"), job.failed);
    report.addMs(QStringLiteral("budget_import_ms"), budgetMs);
    report.addBool(QStringLiteral("within_budget"), importMs < budgetMs);
    report.print(options.json);
    return 0;
}
