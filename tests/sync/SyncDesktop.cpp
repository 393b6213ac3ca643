#include "tests/sync/SyncDesktop.h"

#include "tests/support/WaitFor.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

SyncOptions SyncDesktop::fastOptions()
{
    SyncOptions options;
    options.initialBackoffMs = 100;
    options.maxBackoffMs = 800;
    options.notifyDebounceMs = 20;
    options.heartbeatMs = 1000;
    return options;
}

SyncDesktop::SyncDesktop(const SyncOptions& options)
    : m_engine(std::make_unique<SyncEngine>(&m_ws.executor(), &m_ws.store(), options))
{
    m_engine->setTimelineStore(&m_ws.timeline());
    // Every error in the test log, also those a test does not wait for.
    QObject::connect(m_engine.get(), &SyncEngine::error, m_engine.get(),
        [](Sync::ErrorKind, const QString& message) { qWarning("sync error: %s", qPrintable(message)); });
}

SyncDesktop::~SyncDesktop()
{
    m_engine.reset();
}

bool SyncDesktop::connectAndSync(const PgConnInfo& info)
{
    QSignalSpy synced(m_engine.get(), &SyncEngine::synced);
    QSignalSpy errors(m_engine.get(), &SyncEngine::error);
    m_engine->start(info);
    const bool done = HubTest::waitUntil([&] { return !synced.isEmpty() || !errors.isEmpty(); });
    if (!errors.isEmpty()) {
        QTest::qFail(qPrintable(QStringLiteral("sync failed: %1").arg(errors.constFirst().at(1).toString())),
            __FILE__, __LINE__);
        return false;
    }
    if (!done)
        QTest::qFail("the first sync did not finish", __FILE__, __LINE__);
    // Pulled rows may start the next round at once (Syncing again): online once that one is done.
    return done && HubTest::waitUntil([&] { return m_engine->state() == Sync::State::Online; });
}

bool SyncDesktop::syncAndWait()
{
    QSignalSpy synced(m_engine.get(), &SyncEngine::synced);
    m_engine->syncNow();
    return HubTest::waitUntil([&] { return !synced.isEmpty(); });
}

QVariant SyncDesktop::leadValue(const QString& id, const QString& column)
{
    return value(QStringLiteral("leads"), id, column);
}

QVariant SyncDesktop::value(const QString& table, const QString& id, const QString& column)
{
    QVariant value;
    m_ws.runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(column, table));
        query.addBindValue(id);
        if (query.exec() && query.next())
            value = query.value(0);
    });
    return value;
}

int SyncDesktop::outboxCount()
{
    return m_ws.countRows(QStringLiteral("SELECT count(*) FROM sync_outbox"));
}
