// hub-sync-bench [--n N] [--json]: runs runSyncBenchmark on its own until hub-bench has a "sync" scenario.
#include "tests/bench/BenchOptions.h"
#include "tests/sync/SyncBenchmark.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    BenchOptions options;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--json"))
            options.json = true;
        else if (args.at(i) == QLatin1String("--n") && i + 1 < args.size())
            options.n = args.at(++i).toInt();
    }
    return runSyncBenchmark(options);
}
