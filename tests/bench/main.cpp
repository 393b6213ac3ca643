// hub-bench <scenario> [--n N] [--json] [--seed S] [--app PATH] [--onscreen]
// Seeded benchmarks of the DESIGN.md section 10 budgets. With --json, stdout holds exactly one JSON line;
// progress and logs go to stderr.

#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchScenarios.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hub-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Business Hub performance benchmarks (DESIGN.md section 10)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("search, kanban, startup, import, dedupe or sync"));
    const QCommandLineOption countOption(QStringLiteral("n"), QStringLiteral("Number of generated leads."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON line on stdout."));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the generated data."),
        QStringLiteral("S"), QStringLiteral("20261123"));
    const QCommandLineOption appOption(QStringLiteral("app"),
        QStringLiteral("startup: the businesshub binary (default: next to hub-bench)."), QStringLiteral("PATH"));
    const QCommandLineOption onscreenOption(QStringLiteral("onscreen"),
        QStringLiteral("startup: show the window on $DISPLAY instead of the offscreen platform."));
    parser.addOptions({ countOption, jsonOption, seedOption, appOption, onscreenOption });
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QStringList scenarios { QStringLiteral("search"), QStringLiteral("kanban"), QStringLiteral("startup"),
        QStringLiteral("import"), QStringLiteral("dedupe"), QStringLiteral("sync") };
    if (positional.size() != 1 || !scenarios.contains(positional.first())) {
        std::fprintf(stderr, "hub-bench: give one scenario: %s\n", qPrintable(scenarios.join(QStringLiteral(", "))));
        return 2;
    }

    BenchOptions options;
    bool ok = false;
    options.n = parser.value(countOption).toInt(&ok);
    if (!ok || options.n < 1) {
        std::fprintf(stderr, "hub-bench: --n must be a positive number\n");
        return 2;
    }
    options.seed = parser.value(seedOption).toUInt(&ok);
    if (!ok) {
        std::fprintf(stderr, "hub-bench: --seed must be a non-negative number\n");
        return 2;
    }
    options.json = parser.isSet(jsonOption);
    options.onscreen = parser.isSet(onscreenOption);
    options.appPath = parser.isSet(appOption)
        ? parser.value(appOption)
        : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("businesshub"));

    const QString scenario = positional.first();
    if (scenario == QLatin1String("search"))
        return runSearchBenchmark(options);
    if (scenario == QLatin1String("kanban"))
        return runKanbanBenchmark(options);
    if (scenario == QLatin1String("import"))
        return runImportBenchmark(options);
    if (scenario == QLatin1String("dedupe"))
        return runDedupeBenchmark(options);
    if (scenario == QLatin1String("sync"))
        return runSyncBenchmark(options);
    return runStartupBenchmark(options);
}
