// kanban: loading one Kanban column (count, value totals and the first 200 cards of a stage) and committing a
// status change dragged between columns (lead row, timeline activity, event publish). Budget (DESIGN.md
// section 10): both < 50 ms.

#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchReport.h"
#include "tests/bench/BenchScenarios.h"
#include "tests/bench/BenchWorkspace.h"

#include "services/events/EventBus.h"
#include "services/leads/LeadStore.h"
#include "services/storage/LeadRepository.h"
#include "services/storage/StageRepository.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cstdio>

namespace {
constexpr int kCardsPerColumn = 200;
constexpr int kColumnRounds = 5;
constexpr int kStatusChanges = 50;
constexpr double kBudgetMs = 50;

double elapsedMs(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Per stage: the median of kColumnRounds loads measured on the database thread. Returns the stage keys loaded.
QStringList loadColumns(DatabaseExecutor& executor, QList<double>* medianPerStage, QList<double>* allLoads,
    QString* error)
{
    QStringList keys;
    executor.runBlocking([&](QSqlDatabase& db) {
        for (const PipelineStage& stage : StageRepository(db).all())
            keys.append(stage.key);
    });
    QHash<QString, QList<double>> loads;
    for (int round = 0; round < kColumnRounds; ++round) {
        for (const QString& key : std::as_const(keys)) {
            executor.runBlocking([&](QSqlDatabase& db) {
                LeadFilter filter;
                filter.status = key;
                LeadRepository leads(db);
                QElapsedTimer timer;
                timer.start();
                const LeadPage page = leads.page(filter, 0, kCardsPerColumn);
                loads[key].append(elapsedMs(timer));
                if (!leads.lastError().isEmpty())
                    *error = leads.lastError();
                if (round == 0)
                    std::fprintf(stderr, "kanban: column %-10s %6d cards\n", qPrintable(key), page.total);
            });
        }
    }
    for (const QString& key : std::as_const(keys)) {
        medianPerStage->append(percentile(loads.value(key), 50));
        allLoads->append(loads.value(key));
        std::fprintf(stderr, "kanban: column %-10s median %.1f ms, max %.1f ms\n", qPrintable(key),
            medianPerStage->last(), maxOf(loads.value(key)));
    }
    return keys;
}

struct Move
{
    QString leadId;
    QString status;
};

QList<Move> plannedMoves(DatabaseExecutor& executor, int n, const QStringList& keys, quint32 seed)
{
    QRandomGenerator random(seed ^ 0x4a4b4au);
    QList<Move> moves;
    QHash<QString, QString> statusAfterMoves; // a lead picked twice moves on from where the first move left it
    executor.runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id, status FROM leads WHERE rowid = ?"));
        while (moves.size() < kStatusChanges && keys.size() > 1) {
            query.addBindValue(random.bounded(n) + 1);
            if (!query.exec() || !query.next())
                break;
            const QString id = query.value(0).toString();
            const QString current = statusAfterMoves.value(id, query.value(1).toString());
            QString target = current;
            while (target == current)
                target = keys.at(random.bounded(static_cast<int>(keys.size())));
            statusAfterMoves.insert(id, target);
            moves.append({ id, target });
        }
    });
    return moves;
}
} // namespace

int runKanbanBenchmark(const BenchOptions& options)
{
    BenchWorkspace workspace;
    std::fprintf(stderr, "kanban: generating %d leads (seed %u)...\n", options.n, options.seed);
    QString error = workspace.create(options.n, options.seed);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "kanban: cannot create the workspace: %s\n", qPrintable(error));
        return 1;
    }
    std::fprintf(stderr, "kanban: generated in %.1f ms\n", workspace.generateMs());

    QList<double> columnMedians;
    QList<double> columnLoads;
    const QStringList keys = loadColumns(workspace.executor(), &columnMedians, &columnLoads, &error);
    if (!error.isEmpty() || keys.isEmpty()) {
        std::fprintf(stderr, "kanban: loading columns failed: %s\n", qPrintable(error));
        return 1;
    }

    EventBus bus;
    LeadStore store(&workspace.executor(), &bus);
    store.setIdentity(workspace.identity());
    int published = 0;
    QObject context;
    bus.subscribe(HubEvent::Type::LeadStatusChanged, &context, [&published](const HubEvent&) { ++published; });

    QList<double> changeMs;
    for (const Move& move : plannedMoves(workspace.executor(), options.n, keys, options.seed)) {
        QEventLoop loop;
        WriteOutcome outcome;
        QElapsedTimer timer;
        timer.start();
        store.changeStatus({ move.leadId }, move.status, std::make_shared<LeadChangeRecord>(), &context,
            [&](const WriteOutcome& result) {
                outcome = result;
                loop.quit();
            });
        loop.exec();
        changeMs.append(elapsedMs(timer));
        if (!outcome.ok || outcome.changed.size() != 1) {
            std::fprintf(stderr, "kanban: status change of %s failed: %s\n", qPrintable(move.leadId),
                qPrintable(outcome.error));
            return 1;
        }
    }
    if (published != changeMs.size()) {
        std::fprintf(stderr, "kanban: %d status changes published %d events\n", int(changeMs.size()), published);
        return 1;
    }

    const double columnLoad = maxOf(columnMedians);
    const double statusChange = percentile(changeMs, 95);
    BenchReport report(QStringLiteral("kanban"), options.n);
    report.addInt(QStringLiteral("stages"), keys.size());
    report.addMs(QStringLiteral("column_load_ms"), columnLoad);
    report.addMs(QStringLiteral("column_load_worst_ms"), maxOf(columnLoads));
    report.addMs(QStringLiteral("status_change_ms"), statusChange);
    report.addMs(QStringLiteral("status_change_max_ms"), maxOf(changeMs));
    report.addMs(QStringLiteral("generate_ms"), workspace.generateMs());
    report.addNumber(QStringLiteral("budget_column_load_ms"), kBudgetMs, 0);
    report.addNumber(QStringLiteral("budget_status_change_ms"), kBudgetMs, 0);
    report.addBool(QStringLiteral("within_budget"), columnLoad < kBudgetMs && statusChange < kBudgetMs);
    report.print(options.json);
    return 0;
}
