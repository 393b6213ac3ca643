#include "tests/sync/SyncBenchmark.h"

#include "services/events/EventBus.h"
#include "services/leads/LeadStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/sync/SyncEngine.h"
#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchReport.h"
#include "tests/teamserver/PgTestDatabase.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {
constexpr double kInitialBudgetMs = 5000;
constexpr double kNotifyBudgetP95Ms = 300;
constexpr int kNotifyRounds = 50;

int cannotRun(const QString& why)
{
    std::fprintf(stderr, "sync benchmark cannot run: %s\n", qPrintable(why));
    return 2;
}

// Spins the event loop until done() or the timeout; false on timeout.
bool spinUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
} // namespace

int runSyncBenchmark(const BenchOptions& options)
{
    const QString unavailable = PgTestDatabase::unavailableReason();
    if (!unavailable.isEmpty())
        return cannotRun(unavailable);
    PgTestDatabase database;
    QString error;
    if (!database.create(&error))
        return cannotRun(error);
    const QString password = QStringLiteral("Bench-Secret-1");
    const ServerSetupResult setup =
        database.initialize(QStringLiteral("Bench"), QStringLiteral("bench@bench.example"), password);
    if (!setup.ok())
        return cannotRun(setup.message);
    QSqlDatabase* superuser = database.connectAsSuperuser(&error);
    if (!superuser)
        return cannotRun(error);
    if (PgTestDatabase::execute(*superuser,
            QStringLiteral("INSERT INTO hub.leads (id, org_id, owner_id, name, company, email, notes, status) "
                           "SELECT gen_random_uuid()::text, ?, ?, 'Lead ' || i, 'Company ' || (i % 5000), "
                           "'lead' || i || '@example.com', 'seeded lead number ' || i, "
                           "(ARRAY['new','contacted','qualified','proposal','won'])[1 + i % 5] "
                           "FROM generate_series(1, ?) AS i"),
            { setup.orgId, setup.ownerUserId, options.n }, &error)
        < 0)
        return cannotRun(error);

    QTemporaryDir dir;
    DatabaseExecutor executor;
    if (!dir.isValid() || !executor.openBlocking(dir.filePath(QStringLiteral("sync-bench.sqlite"))).ok())
        return cannotRun(QStringLiteral("cannot create the workspace"));
    EventBus bus;
    LeadStore store(&executor, &bus);
    SyncOptions syncOptions;
    syncOptions.pageSize = 5000;
    syncOptions.notifyDebounceMs = 5;
    SyncEngine engine(&executor, &store, syncOptions);
    int cycles = 0;
    QString syncError;
    QObject::connect(&engine, &SyncEngine::synced, &engine, [&] { ++cycles; });
    QObject::connect(
        &engine, &SyncEngine::error, &engine, [&](Sync::ErrorKind, const QString& message) { syncError = message; });

    QElapsedTimer initial;
    initial.start();
    engine.start(database.loginInfo(setup.ownerLogin, password));
    if (!spinUntil([&] { return cycles > 0 || !syncError.isEmpty(); }, 600000) || !syncError.isEmpty())
        return cannotRun(syncError.isEmpty() ? QStringLiteral("the first sync did not finish") : syncError);
    const double initialMs = static_cast<double>(initial.nsecsElapsed()) / 1e6;
    int replicated = 0;
    executor.runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("SELECT count(*) FROM leads")) && query.next())
            replicated = query.value(0).toInt();
    });

    // One server change at a time; the clock stops when the store announces the refreshed lead.
    const QStringList ids = PgTestDatabase::column(*superuser,
        QStringLiteral("SELECT id FROM hub.leads ORDER BY rev DESC LIMIT ?"), { kNotifyRounds });
    QString awaited;
    bool arrived = false;
    QObject::connect(&store, &LeadListSource::leadsUpserted, &engine, [&](const QList<Lead>& leads) {
        for (const Lead& lead : leads)
            if (lead.id == awaited)
                arrived = true;
    });
    QList<double> latencies;
    int missed = 0;
    for (int i = 0; i < ids.size(); ++i) {
        awaited = ids.at(i);
        arrived = false;
        QElapsedTimer clock;
        clock.start();
        PgTestDatabase::execute(*superuser, QStringLiteral("UPDATE hub.leads SET notes = ? WHERE id = ?"),
            { QStringLiteral("changed on the server %1").arg(i), awaited });
        if (spinUntil([&] { return arrived; }, 5000))
            latencies.append(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        else
            ++missed;
    }

    BenchReport report(QStringLiteral("sync"), options.n);
    report.addMs(QStringLiteral("initial_sync_ms"), initialMs);
    report.addInt(QStringLiteral("replicated_leads"), replicated);
    report.addMs(QStringLiteral("notify_p50_ms"), percentile(latencies, 50));
    report.addMs(QStringLiteral("notify_p95_ms"), percentile(latencies, 95));
    report.addInt(QStringLiteral("notify_missed"), missed);
    const bool ok = replicated >= options.n && missed == 0 && initialMs < kInitialBudgetMs
        && percentile(latencies, 95) < kNotifyBudgetP95Ms;
    report.addBool(QStringLiteral("within_budget"), ok);
    report.print(options.json);
    return ok ? 0 : 1;
}
