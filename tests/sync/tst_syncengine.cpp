#include "services/events/EventBus.h"
#include "services/leads/LeadStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/WorkspaceInitializer.h"
#include "services/sync/SyncEngine.h"
#include "tests/support/WaitFor.h"
#include "tests/sync/SyncDesktop.h"
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The desktop sync engine against a real team server: two workspaces (two desktops) syncing through one
// PostgreSQL database (DESIGN.md section 4).
class TestSyncEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstSyncPullsWhatTheMemberMaySee();
    void createdLeadReachesTheOtherDesktopLive();
    void editsOfDifferentFieldsConverge();
    void sameFieldEditedOnBothSidesIsAConflict();
    void editOfALeadDeletedMeanwhileIsKeptAndReported();
    void offlineEditsSurviveReopeningTheWorkspace();
    void killedConnectionMidPushAppliesEveryMutationOnce();
    void wrongPasswordHasItsOwnErrorKind();
    void unreachableServerHasItsOwnErrorKind();
    void newerServerSchemaIsRefused();

private:
    PgConnInfo loginOf(const QString& name) const
    {
        return m_database.loginInfo(m_team.loginOf(name), TeamFixture::passwordOf(name));
    }
    QVariant serverValue(const QString& sql, const QVariantList& binds = {})
    {
        return PgTestDatabase::scalar(*m_superuser, sql, binds);
    }
    // A new lead made on desktop a and synced to b.
    QString sharedLead(SyncDesktop& a, SyncDesktop& b, const QString& name);

    PgTestDatabase m_database;
    TeamFixture m_team;
    QSqlDatabase* m_superuser = nullptr;
};

void TestSyncEngine::initTestCase()
{
    HUB_REQUIRE_POSTGRES();
    QString error;
    QVERIFY2(m_database.create(&error), qPrintable(error));
    QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
    m_superuser = m_database.connectAsSuperuser(&error);
    QVERIFY2(m_superuser, qPrintable(error));
}

QString TestSyncEngine::sharedLead(SyncDesktop& a, SyncDesktop& b, const QString& name)
{
    const Lead saved = a.ws().saveBlocking(a.ws().makeLead(name));
    if (!saved.isValid())
        return {};
    const bool arrived = HubTest::waitUntil([&] { return b.leadValue(saved.id, QStringLiteral("name")) == name; });
    const bool settled = HubTest::waitUntil([&] {
        return a.outboxCount() == 0
            && a.leadValue(saved.id, QStringLiteral("rev")).toLongLong()
            == b.leadValue(saved.id, QStringLiteral("rev")).toLongLong();
    });
    return arrived && settled ? saved.id : QString();
}

void TestSyncEngine::firstSyncPullsWhatTheMemberMaySee()
{
    SyncDesktop eve;
    QVERIFY(eve.connectAndSync(loginOf(QStringLiteral("eve"))));
    // Employee eve: her own lead and the one assigned to her, nothing of ed's, anna's or the other org's.
    QCOMPARE(eve.leadValue(m_team.eveLead, QStringLiteral("id")).toString(), m_team.eveLead);
    QCOMPARE(eve.leadValue(m_team.assignedLead, QStringLiteral("assigned_to")).toString(), m_team.userId(QStringLiteral("eve")));
    QVERIFY(!eve.leadValue(m_team.edLead, QStringLiteral("id")).isValid());
    QVERIFY(!eve.leadValue(m_team.bobLead, QStringLiteral("id")).isValid());
    // Pulled rows are not local changes.
    QCOMPARE(eve.outboxCount(), 0);
    QCOMPARE(eve.engine().pendingCount(), 0);
    QVERIFY(eve.engine().lastSyncAt().isValid());
    QCOMPARE(eve.engine().serverUserId(), m_team.userId(QStringLiteral("eve")));
}

void TestSyncEngine::createdLeadReachesTheOtherDesktopLive()
{
    SyncDesktop a;
    SyncDesktop b;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    QSignalSpy bUpserted(&b.ws().store(), &LeadListSource::leadsUpserted);

    Lead lead = a.ws().makeLead(QStringLiteral("Live Lead Ltd"));
    lead.company = QStringLiteral("Live Co");
    lead.doNotCall = true;
    const Lead saved = a.ws().saveBlocking(lead);
    QVERIFY(saved.isValid());
    // B does nothing: the server's NOTIFY makes it pull.
    QVERIFY(HubTest::waitUntil(
        [&] { return b.leadValue(saved.id, QStringLiteral("company")).toString() == QLatin1String("Live Co"); }));
    QCOMPARE(b.leadValue(saved.id, QStringLiteral("do_not_call")).toInt(), 1);
    QCOMPARE(b.leadValue(saved.id, QStringLiteral("owner_id")).toString(), m_team.userId(QStringLiteral("anna")));
    QVERIFY(HubTest::waitUntil([&] { return !bUpserted.isEmpty(); }));
    QCOMPARE(serverValue(QStringLiteral("SELECT company FROM hub.leads WHERE id = ?"), { saved.id }).toString(),
        QStringLiteral("Live Co"));
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0 && a.engine().pendingCount() == 0; }));
    QCOMPARE(b.outboxCount(), 0);
}

void TestSyncEngine::editsOfDifferentFieldsConverge()
{
    SyncDesktop a;
    SyncDesktop b;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    const QString id = sharedLead(a, b, QStringLiteral("Converge GmbH"));
    QVERIFY(!id.isEmpty());

    b.engine().stop();
    Lead onA = *a.ws().fetchLeadBlocking(id);
    onA.company = QStringLiteral("Company from A");
    QVERIFY(a.ws().saveBlocking(onA).isValid());
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0; }));

    Lead onB = *b.ws().fetchLeadBlocking(id);
    onB.notes = QStringLiteral("Notes from B");
    QVERIFY(b.ws().saveBlocking(onB).isValid());
    QCOMPARE(b.outboxCount(), 1);
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));

    for (SyncDesktop* desktop : { &a, &b }) {
        QVERIFY(HubTest::waitUntil([&] {
            return desktop->leadValue(id, QStringLiteral("company")).toString() == QLatin1String("Company from A")
                && desktop->leadValue(id, QStringLiteral("notes")).toString() == QLatin1String("Notes from B");
        }));
    }
    QVERIFY(b.engine().conflicts().isEmpty());
    QCOMPARE(b.outboxCount(), 0);
}

void TestSyncEngine::sameFieldEditedOnBothSidesIsAConflict()
{
    SyncDesktop a;
    SyncDesktop b;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    const QString id = sharedLead(a, b, QStringLiteral("Conflict AG"));
    QVERIFY(!id.isEmpty());

    b.engine().stop();
    Lead onA = *a.ws().fetchLeadBlocking(id);
    onA.company = QStringLiteral("Acme by A");
    QVERIFY(a.ws().saveBlocking(onA).isValid());
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0; }));
    Lead onB = *b.ws().fetchLeadBlocking(id);
    onB.company = QStringLiteral("Acme by B");
    QVERIFY(b.ws().saveBlocking(onB).isValid());

    QSignalSpy detected(&b.engine(), &SyncEngine::conflictsDetected);
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    QVERIFY(HubTest::waitUntil([&] { return !detected.isEmpty(); }));
    const QList<SyncConflict> conflicts = b.engine().conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.constFirst().rowId, id);
    QCOMPARE(conflicts.constFirst().column, QStringLiteral("company"));
    QCOMPARE(conflicts.constFirst().localValue.toString(), QStringLiteral("Acme by B"));
    QCOMPARE(conflicts.constFirst().serverValue.toString(), QStringLiteral("Acme by A"));
    // The server kept its value, B shows it, and B's value is not lost: it is in the conflict.
    QCOMPARE(serverValue(QStringLiteral("SELECT company FROM hub.leads WHERE id = ?"), { id }).toString(),
        QStringLiteral("Acme by A"));
    QCOMPARE(b.leadValue(id, QStringLiteral("company")).toString(), QStringLiteral("Acme by A"));

    // Resolving with a conflict that does not exist fails and changes nothing.
    const auto missing = HubTest::waitForCallback<QString>(
        [&](QObject* context, std::function<void(const QString&)> done) {
            b.engine().resolve(999999, Sync::Resolution::PickLocal, context, done);
        },
        QStringLiteral("resolve"));
    QVERIFY(missing && !missing->isEmpty());

    const auto resolved = HubTest::waitForCallback<QString>(
        [&](QObject* context, std::function<void(const QString&)> done) {
            b.engine().resolve(conflicts.constFirst().id, Sync::Resolution::PickLocal, context, done);
        },
        QStringLiteral("resolve"));
    QVERIFY(resolved);
    QVERIFY2(resolved->isEmpty(), qPrintable(*resolved));
    QVERIFY(b.engine().conflicts().isEmpty());
    QVERIFY(HubTest::waitUntil([&] {
        return serverValue(QStringLiteral("SELECT company FROM hub.leads WHERE id = ?"), { id }).toString()
            == QLatin1String("Acme by B");
    }));
    QVERIFY(HubTest::waitUntil(
        [&] { return a.leadValue(id, QStringLiteral("company")).toString() == QLatin1String("Acme by B"); }));
    QVERIFY(a.engine().conflicts().isEmpty());
}

void TestSyncEngine::editOfALeadDeletedMeanwhileIsKeptAndReported()
{
    SyncDesktop a;
    SyncDesktop b;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    const QString id = sharedLead(a, b, QStringLiteral("Race Ltd"));
    QVERIFY(!id.isEmpty());

    b.engine().stop();
    QVERIFY(a.ws().setDeletedBlocking({ id }, true).ok);
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0; }));
    QVERIFY(serverValue(QStringLiteral("SELECT deleted FROM hub.leads WHERE id = ?"), { id }).toBool());

    Lead onB = *b.ws().fetchLeadBlocking(id);
    onB.notes = QStringLiteral("Called them, they want an offer");
    QVERIFY(b.ws().saveBlocking(onB).isValid());
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    QVERIFY(HubTest::waitUntil([&] { return !b.engine().conflicts().isEmpty(); }));
    const SyncConflict conflict = b.engine().conflicts().constFirst();
    QCOMPARE(conflict.column, QStringLiteral("deleted"));
    // The edit landed on the tombstone; B shows the lead as deleted until the user restores it.
    QCOMPARE(serverValue(QStringLiteral("SELECT notes FROM hub.leads WHERE id = ?"), { id }).toString(),
        QStringLiteral("Called them, they want an offer"));
    QCOMPARE(b.leadValue(id, QStringLiteral("deleted")).toInt(), 1);

    const auto resolved = HubTest::waitForCallback<QString>(
        [&](QObject* context, std::function<void(const QString&)> done) {
            b.engine().resolve(conflict.id, Sync::Resolution::PickLocal, context, done);
        },
        QStringLiteral("resolve"));
    QVERIFY(resolved && resolved->isEmpty());
    QVERIFY(HubTest::waitUntil([&] {
        return !serverValue(QStringLiteral("SELECT deleted FROM hub.leads WHERE id = ?"), { id }).toBool();
    }));
    QVERIFY(HubTest::waitUntil([&] { return a.leadValue(id, QStringLiteral("deleted")).toInt() == 0; }));
}

void TestSyncEngine::offlineEditsSurviveReopeningTheWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("offline.sqlite"));
    QString leadId;
    {
        DatabaseExecutor executor;
        QVERIFY(executor.openBlocking(path).ok());
        EventBus bus;
        LeadStore store(&executor, &bus);
        WorkspaceIdentity identity;
        executor.runBlocking([&](QSqlDatabase& db) { identity = WorkspaceInitializer::identity(db); });
        store.setIdentity(identity);
        SyncEngine engine(&executor, &store, SyncDesktop::fastOptions());
        // Never started: the server is out of reach for this desktop.
        Lead lead;
        lead.name = QStringLiteral("Written offline");
        lead.company = QStringLiteral("Offline Oy");
        const auto outcome = HubTest::waitForCallback<WriteOutcome>(
            [&](QObject* context, std::function<void(const WriteOutcome&)> done) {
                store.saveLead(lead, context, done);
            },
            QStringLiteral("save"));
        QVERIFY(outcome && outcome->ok && !outcome->changed.isEmpty());
        leadId = outcome->changed.constFirst().id;
        // The lead and its "created" timeline entry.
        QVERIFY(HubTest::waitUntil([&] { return engine.pendingCount() == 2; }));
    }
    QVERIFY(!serverValue(QStringLiteral("SELECT id FROM hub.leads WHERE id = ?"), { leadId }).isValid());

    DatabaseExecutor executor;
    QVERIFY(executor.openBlocking(path).ok());
    EventBus bus;
    LeadStore store(&executor, &bus);
    SyncEngine engine(&executor, &store, SyncDesktop::fastOptions());
    QSignalSpy synced(&engine, &SyncEngine::synced);
    engine.start(loginOf(QStringLiteral("anna")));
    QVERIFY(HubTest::waitUntil([&] { return !synced.isEmpty(); }));
    QCOMPARE(serverValue(QStringLiteral("SELECT company FROM hub.leads WHERE id = ?"), { leadId }).toString(),
        QStringLiteral("Offline Oy"));
    // The workspace's own user became the member on the server.
    QCOMPARE(serverValue(QStringLiteral("SELECT owner_id FROM hub.leads WHERE id = ?"), { leadId }).toString(),
        m_team.userId(QStringLiteral("anna")));
    QCOMPARE(engine.pendingCount(), 0);
}

void TestSyncEngine::killedConnectionMidPushAppliesEveryMutationOnce()
{
    SyncDesktop a;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    const QString login = m_team.loginOf(QStringLiteral("anna"));
    const Lead saved = a.ws().saveBlocking(a.ws().makeLead(QStringLiteral("Crash Test Inc")));
    QVERIFY(saved.isValid());
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0; }));

    // Hold the row so the next push waits inside push_mutation, then kill that backend.
    QString error;
    QSqlDatabase* locker = m_database.connectAsSuperuser(&error);
    QVERIFY2(locker, qPrintable(error));
    QVERIFY(locker->transaction());
    QSqlQuery lock(*locker);
    QVERIFY(lock.exec(QStringLiteral("SELECT id FROM hub.leads WHERE id = '%1' FOR UPDATE").arg(saved.id)));

    QSignalSpy errors(&a.engine(), &SyncEngine::error);
    Lead edited = *a.ws().fetchLeadBlocking(saved.id);
    edited.company = QStringLiteral("Survivor Corp");
    QVERIFY(a.ws().saveBlocking(edited).isValid());
    const QString waitingPid = QStringLiteral(
        "SELECT pid FROM pg_stat_activity WHERE usename = ? AND wait_event_type = 'Lock' LIMIT 1");
    QVERIFY(HubTest::waitUntil([&] { return serverValue(waitingPid, { login }).isValid(); }));
    QVERIFY(serverValue(QStringLiteral("SELECT pg_terminate_backend(?)"), { serverValue(waitingPid, { login }) })
                .toBool());
    QVERIFY(locker->rollback());

    QVERIFY(HubTest::waitUntil([&] { return !errors.isEmpty(); }));
    QCOMPARE(errors.constFirst().at(0).value<Sync::ErrorKind>(), Sync::ErrorKind::ServerUnreachable);
    // Reconnected on its own, pushed again.
    QVERIFY(HubTest::waitUntil([&] {
        return a.outboxCount() == 0
            && serverValue(QStringLiteral("SELECT company FROM hub.leads WHERE id = ?"), { saved.id }).toString()
            == QLatin1String("Survivor Corp");
    }));
    QVERIFY(HubTest::waitUntil([&] { return a.engine().state() == Sync::State::Online; }));

    // The answer of a push that the server applied gets lost: the desktop sends the same mutation again.
    const QString lastMutation = serverValue(QStringLiteral("SELECT mutation_id::text FROM hub.applied_mutations "
                                                            "WHERE row_id = ? ORDER BY applied_at DESC LIMIT 1"),
        { saved.id })
                                     .toString();
    QVERIFY(!lastMutation.isEmpty());
    a.ws().runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev) "
                                     "VALUES (?, 'leads', ?, 'upsert', '{\"company\":\"Survivor Corp\"}', 0)"));
        query.addBindValue(lastMutation);
        query.addBindValue(saved.id);
        QVERIFY(query.exec());
    });
    QVERIFY(a.syncAndWait());
    // (A round already running when the entry was written may be the one syncAndWait saw end.)
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0; }));
    QCOMPARE(serverValue(QStringLiteral("SELECT count(*) FROM hub.applied_mutations WHERE mutation_id = ?::uuid"),
                 { lastMutation })
                 .toInt(),
        1);
    // One creation and one edit: two mutations, each applied once, and no conflict.
    QCOMPARE(
        serverValue(QStringLiteral("SELECT count(*) FROM hub.applied_mutations WHERE row_id = ?"), { saved.id }).toInt(),
        2);
    QVERIFY(a.engine().conflicts().isEmpty());
}

void TestSyncEngine::wrongPasswordHasItsOwnErrorKind()
{
    SyncDesktop a;
    QSignalSpy errors(&a.engine(), &SyncEngine::error);
    a.engine().start(m_database.loginInfo(m_team.loginOf(QStringLiteral("anna")), QStringLiteral("not-it")));
    QVERIFY(HubTest::waitUntil([&] { return !errors.isEmpty(); }));
    QCOMPARE(errors.constFirst().at(0).value<Sync::ErrorKind>(), Sync::ErrorKind::WrongPassword);
    QVERIFY(errors.constFirst().at(1).toString().contains(QStringLiteral("password")));
    QCOMPARE(a.engine().state(), Sync::State::Offline);
}

void TestSyncEngine::unreachableServerHasItsOwnErrorKind()
{
    SyncDesktop a;
    QSignalSpy errors(&a.engine(), &SyncEngine::error);
    PgConnInfo info = loginOf(QStringLiteral("anna"));
    PgConnInfo unreachable;
    QString error;
    QVERIFY2(PgConnInfo::parse(QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2 dbname=%1 user=%2")
                                   .arg(info.databaseName(), info.userName()),
                 &unreachable, &error),
        qPrintable(error));
    unreachable.setPassword(info.password());
    a.engine().start(unreachable);
    QVERIFY(HubTest::waitUntil([&] { return !errors.isEmpty(); }));
    QCOMPARE(errors.constFirst().at(0).value<Sync::ErrorKind>(), Sync::ErrorKind::ServerUnreachable);
    // It keeps trying on its own.
    QVERIFY(HubTest::waitUntil([&] { return errors.size() >= 2; }));
    QCOMPARE(errors.at(1).at(0).value<Sync::ErrorKind>(), Sync::ErrorKind::ServerUnreachable);
}

void TestSyncEngine::newerServerSchemaIsRefused()
{
    QVERIFY(PgTestDatabase::execute(*m_superuser,
                QStringLiteral("INSERT INTO hub.schema_migrations (version, name) VALUES (99, 'future')"))
        >= 0);
    SyncDesktop a;
    QSignalSpy errors(&a.engine(), &SyncEngine::error);
    a.engine().start(loginOf(QStringLiteral("anna")));
    const bool got = HubTest::waitUntil([&] { return !errors.isEmpty(); });
    PgTestDatabase::execute(*m_superuser, QStringLiteral("DELETE FROM hub.schema_migrations WHERE version = 99"));
    QVERIFY(got);
    QCOMPARE(errors.constFirst().at(0).value<Sync::ErrorKind>(), Sync::ErrorKind::SchemaMismatch);
    QVERIFY(errors.constFirst().at(1).toString().contains(QStringLiteral("99")));
    QCOMPARE(a.outboxCount(), 0);
    QVERIFY(a.engine().lastSyncAt().isNull());
}

QTEST_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
