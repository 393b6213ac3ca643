#include "services/leads/LeadStore.h"
#include "services/leads/TimelineStore.h"
#include "services/sync/SyncEngine.h"
#include "tests/support/WaitFor.h"
#include "tests/sync/SyncDesktop.h"
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

// What a Leads user needs beyond the lead rows, across two desktops and one team server: the timeline (notes,
// status changes) and the org's pipeline stages travel both ways, and a lead the server stops showing a member
// (reassigned away) leaves that member's replica with its timeline (DESIGN.md section 4, "Leaving a user's view").
class TestSyncTimeline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noteWrittenOnOneDesktopAppearsOnTheOthersTimeline();
    void statusChangeReachesTheOtherTimeline();
    void pipelineStagesComeFromTheServer();
    void leadReassignedAwayLeavesTheEmployeesReplica();
    void reassignedLeadEditIsSetAsideWithAClearMessage();
    void employeeDeletesHerOwnNoteButNotOthers();

private:
    PgConnInfo loginOf(const QString& name) const
    {
        return m_database.loginInfo(m_team.loginOf(name), TeamFixture::passwordOf(name));
    }
    // A lead made on desktop a, arrived on b.
    QString sharedLead(SyncDesktop& a, SyncDesktop& b, const QString& name)
    {
        const Lead saved = a.ws().saveBlocking(a.ws().makeLead(name));
        if (!saved.isValid())
            return {};
        return HubTest::waitUntil([&] { return b.leadValue(saved.id, QStringLiteral("name")) == name; }) ? saved.id
                                                                                                       : QString();
    }
    int activitiesOf(SyncDesktop& desktop, const QString& leadId, const QString& kind, const QString& body = {})
    {
        int count = -1;
        desktop.ws().runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = ? AND kind = ? AND deleted = 0")
                + (body.isEmpty() ? QString() : QStringLiteral(" AND body = ?")));
            query.addBindValue(leadId);
            query.addBindValue(kind);
            if (!body.isEmpty())
                query.addBindValue(body);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        });
        return count;
    }
    PipelineStages stagesOf(SyncDesktop& desktop)
    {
        PipelineStages stages;
        bool done = false;
        QObject context;
        desktop.ws().store().loadStages(&context, [&](const PipelineStages& loaded) {
            stages = loaded;
            done = true;
        });
        HubTest::waitUntil([&] { return done; });
        return stages;
    }
    // A lead owned by ed and assigned to eve, with a note, written on the server by anna.
    QString assignedToEve(const QString& id)
    {
        QString error;
        QSqlDatabase* anna = m_team.connectAs(QStringLiteral("anna"), &error);
        const bool ok = anna
            && PgTestDatabase::execute(*anna,
                   QStringLiteral("INSERT INTO hub.leads (id, org_id, name, owner_id, assigned_to) VALUES (?, ?, ?, ?, ?)"),
                   { id, m_team.orgA, QStringLiteral("Assigned %1").arg(id), m_team.userId(QStringLiteral("ed")),
                       m_team.userId(QStringLiteral("eve")) },
                   &error)
                == 1
            && PgTestDatabase::execute(*anna,
                   QStringLiteral("INSERT INTO hub.activities (id, org_id, lead_id, kind, body) VALUES (?, ?, ?, 'note', "
                                  "'private call notes')"),
                   { QString(QStringLiteral("act-") + id), m_team.orgA, id }, &error)
                == 1;
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok ? id : QString();
    }
    int runAsAnna(const QString& sql, const QVariantList& binds)
    {
        QString error;
        QSqlDatabase* anna = m_team.connectAs(QStringLiteral("anna"), &error);
        const int rows = anna ? PgTestDatabase::execute(*anna, sql, binds, &error) : -1;
        if (rows < 0)
            qWarning("%s", qPrintable(error));
        return rows;
    }

    QVariant runAsAnnaScalar(const QString& sql, const QVariantList& binds)
    {
        QString error;
        QSqlDatabase* anna = m_team.connectAs(QStringLiteral("anna"), &error);
        return anna ? PgTestDatabase::scalar(*anna, sql, binds, &error) : QVariant();
    }

    PgTestDatabase m_database;
    TeamFixture m_team;
};

void TestSyncTimeline::initTestCase()
{
    HUB_REQUIRE_POSTGRES();
    QString error;
    QVERIFY2(m_database.create(&error), qPrintable(error));
    QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
}

void TestSyncTimeline::noteWrittenOnOneDesktopAppearsOnTheOthersTimeline()
{
    SyncDesktop a;
    SyncDesktop b;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    // The fixture's timeline came with the first sync.
    QCOMPARE(activitiesOf(b, m_team.eveLead, QStringLiteral("note"), QStringLiteral("Called them")), 1);
    const QString id = sharedLead(a, b, QStringLiteral("Timeline Travel Ltd"));
    QVERIFY(!id.isEmpty());
    QVERIFY(HubTest::waitUntil([&] { return activitiesOf(b, id, QStringLiteral("created")) == 1; }));

    QSignalSpy bTimeline(&b.ws().timeline(), &TimelineStore::timelineChanged);
    QVERIFY(a.ws().addNoteBlocking(id, QStringLiteral("Wants a quote by Friday")));
    QVERIFY(HubTest::waitUntil(
        [&] { return activitiesOf(b, id, QStringLiteral("note"), QStringLiteral("Wants a quote by Friday")) == 1; }));
    // Open timelines of that lead on b reload.
    QVERIFY(HubTest::waitUntil([&] {
        for (const QList<QVariant>& emitted : std::as_const(bTimeline))
            if (emitted.at(0).toString() == id)
                return true;
        return false;
    }));
    const QList<Activity> onB = b.ws().timelineBlocking(id);
    QString noteId;
    for (const Activity& activity : onB)
        if (activity.body == QLatin1String("Wants a quote by Friday"))
            noteId = activity.id;
    QVERIFY(!noteId.isEmpty());

    // Edited on b, back on a; nothing left to push on either side.
    QVERIFY(b.ws().editNoteBlocking(noteId, QStringLiteral("Wants a quote by Monday")));
    QVERIFY(HubTest::waitUntil([&] {
        return a.value(QStringLiteral("activities"), noteId, QStringLiteral("body")).toString()
            == QLatin1String("Wants a quote by Monday");
    }));
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0 && b.outboxCount() == 0; }));
    QCOMPARE(activitiesOf(a, id, QStringLiteral("note")), 1);
}

void TestSyncTimeline::statusChangeReachesTheOtherTimeline()
{
    SyncDesktop a;
    SyncDesktop b;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    const QString id = sharedLead(a, b, QStringLiteral("Moving Cards GmbH"));
    QVERIFY(!id.isEmpty());
    QVERIFY(a.ws().changeStatusBlocking({ id }, QStringLiteral("qualified")).ok);
    QVERIFY(HubTest::waitUntil([&] {
        return b.leadValue(id, QStringLiteral("status")).toString() == QLatin1String("qualified")
            && activitiesOf(b, id, QStringLiteral("status_change")) == 1;
    }));
}

void TestSyncTimeline::pipelineStagesComeFromTheServer()
{
    SyncDesktop eve;
    QVERIFY(eve.connectAndSync(loginOf(QStringLiteral("eve"))));
    // The server's stages replace the defaults the local file was created with (no column twice).
    const PipelineStages first = stagesOf(eve);
    QVERIFY(!first.isEmpty());
    QSet<QString> keys;
    for (const PipelineStage& stage : first)
        keys.insert(stage.key);
    QCOMPARE(keys.size(), first.size());
    QVERIFY(eve.value(QStringLiteral("pipeline_stages"), first.constFirst().id, QStringLiteral("rev")).toLongLong() > 0);

    // An admin renames a stage on the server: the employee's board follows.
    QCOMPARE(runAsAnna(QStringLiteral("UPDATE hub.pipeline_stages SET name = 'Negotiation' WHERE org_id = ? AND key = ?"),
                 { m_team.orgA, first.constLast().key }),
        1);
    QVERIFY(HubTest::waitUntil([&] { return stagesOf(eve).constLast().name == QLatin1String("Negotiation"); }));
    QCOMPARE(stagesOf(eve).size(), first.size());
}

void TestSyncTimeline::leadReassignedAwayLeavesTheEmployeesReplica()
{
    const QString id = assignedToEve(QStringLiteral("lead-leaves-view"));
    QVERIFY(!id.isEmpty());
    SyncDesktop eve;
    QVERIFY(eve.connectAndSync(loginOf(QStringLiteral("eve"))));
    QVERIFY(eve.leadValue(id, QStringLiteral("id")).isValid());
    QCOMPARE(activitiesOf(eve, id, QStringLiteral("note"), QStringLiteral("private call notes")), 1);
    QSignalSpy removed(&eve.ws().store(), &LeadListSource::leadsRemoved);

    QCOMPARE(runAsAnna(QStringLiteral("UPDATE hub.leads SET assigned_to = NULL WHERE id = ?"), { id }), 1);
    QVERIFY(HubTest::waitUntil([&] { return !eve.leadValue(id, QStringLiteral("id")).isValid(); }));
    QCOMPARE(eve.ws().countRows(QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = '%1'").arg(id)), 0);
    QVERIFY(HubTest::waitUntil([&] {
        for (const QList<QVariant>& emitted : std::as_const(removed))
            if (emitted.at(0).toStringList().contains(id))
                return true;
        return false;
    }));
    // What she may still see stays, and nothing was queued as her change.
    QVERIFY(eve.leadValue(m_team.eveLead, QStringLiteral("id")).isValid());
    QCOMPARE(eve.outboxCount(), 0);
}

void TestSyncTimeline::reassignedLeadEditIsSetAsideWithAClearMessage()
{
    const QString id = assignedToEve(QStringLiteral("lead-edited-offline"));
    QVERIFY(!id.isEmpty());
    SyncDesktop eve;
    QVERIFY(eve.connectAndSync(loginOf(QStringLiteral("eve"))));
    QVERIFY(eve.leadValue(id, QStringLiteral("id")).isValid());
    eve.engine().stop();
    // Offline: an edit and a note on the lead that is about to be reassigned, and an edit of her own lead.
    Lead edited = *eve.ws().fetchLeadBlocking(id);
    edited.notes = QStringLiteral("Written offline, not pushed yet");
    QVERIFY(eve.ws().saveBlocking(edited).isValid());
    QVERIFY(eve.ws().addNoteBlocking(id, QStringLiteral("Spoke to the CFO")));
    Lead own = *eve.ws().fetchLeadBlocking(m_team.eveLead);
    own.notes = QStringLiteral("Mine, offline");
    QVERIFY(eve.ws().saveBlocking(own).isValid());
    QCOMPARE(runAsAnna(QStringLiteral("UPDATE hub.leads SET assigned_to = NULL WHERE id = ?"), { id }), 1);

    // The server refuses the changes to the lead she no longer sees: they are set aside with a message that says so
    // (not the server's raw refusal), the lead leaves her replica, and her other change goes through.
    QSignalSpy errors(&eve.engine(), &SyncEngine::error);
    QSignalSpy rejected(&eve.engine(), &SyncEngine::rejectedChangesChanged);
    eve.engine().start(loginOf(QStringLiteral("eve")));
    QVERIFY(HubTest::waitUntil([&] { return !rejected.isEmpty() && eve.outboxCount() == 0; }));
    const QList<SyncRejectedChange> setAside = eve.engine().rejectedChanges();
    QSet<QString> tables;
    for (const SyncRejectedChange& change : setAside) {
        QCOMPARE(change.message, QStringLiteral("This lead was reassigned to someone else; your change was not applied."));
        tables.insert(change.table);
    }
    QCOMPARE(tables, (QSet<QString> { QStringLiteral("leads"), QStringLiteral("activities") }));
    bool notesKept = false;
    for (const SyncRejectedChange& change : setAside)
        notesKept = notesKept || change.fields.contains(QStringLiteral("Written offline, not pushed yet"));
    QVERIFY(notesKept);
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.constLast().at(1).toString(),
        QStringLiteral("This lead was reassigned to someone else; your change was not applied."));
    QVERIFY(HubTest::waitUntil([&] { return !eve.leadValue(id, QStringLiteral("id")).isValid(); }));
    QCOMPARE(runAsAnnaScalar(QStringLiteral("SELECT notes FROM hub.leads WHERE id = ?"), { m_team.eveLead }).toString(),
        QStringLiteral("Mine, offline"));
    QCOMPARE(runAsAnnaScalar(QStringLiteral("SELECT notes FROM hub.leads WHERE id = ?"), { id }).toString(),
        QString());

    // Read and dismissed: gone from the list, also after the next cycle.
    for (const SyncRejectedChange& change : setAside) {
        QString error = QStringLiteral("pending");
        eve.engine().dismissRejected(change.id, nullptr, [&](const QString& e) { error = e; });
        QVERIFY(HubTest::waitUntil([&] { return error != QLatin1String("pending"); }));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QVERIFY(eve.syncAndWait());
    QVERIFY(eve.engine().rejectedChanges().isEmpty());
}

void TestSyncTimeline::employeeDeletesHerOwnNoteButNotOthers()
{
    SyncDesktop eve;
    QVERIFY(eve.connectAndSync(loginOf(QStringLiteral("eve"))));
    QVERIFY(eve.ws().addNoteBlocking(m_team.eveLead, QStringLiteral("My own note")));
    QString noteId;
    for (const Activity& activity : eve.ws().timelineBlocking(m_team.eveLead))
        if (activity.body == QLatin1String("My own note"))
            noteId = activity.id;
    QVERIFY(!noteId.isEmpty());
    QVERIFY(eve.syncAndWait());
    QVERIFY(HubTest::waitUntil([&] { return eve.outboxCount() == 0; }));
    // The server wrote her name on it, and the replica knows.
    QVERIFY(HubTest::waitUntil([&] {
        return eve.value(QStringLiteral("activities"), noteId, QStringLiteral("created_by")).toString()
            == m_team.userId(QStringLiteral("eve"));
    }));

    // Her own note: deleted on her desktop, tombstoned on the server, nothing refused.
    QSignalSpy errors(&eve.engine(), &SyncEngine::error);
    QVERIFY(eve.ws().setNoteDeletedBlocking(noteId, true));
    QVERIFY(eve.syncAndWait());
    QVERIFY(HubTest::waitUntil([&] { return eve.outboxCount() == 0; }));
    QCOMPARE(runAsAnnaScalar(QStringLiteral("SELECT deleted FROM hub.activities WHERE id = ?"), { noteId }).toBool(),
        true);
    QVERIFY(errors.isEmpty());

    // Someone else's note on a lead she sees (anna wrote the fixture's): refused, on her raw connection too, and she
    // cannot make it hers.
    const QString othersNote = QStringLiteral("act-") + m_team.eveLead;
    QString error;
    QSqlDatabase* raw = m_team.connectAs(QStringLiteral("eve"), &error);
    QVERIFY2(raw, qPrintable(error));
    QCOMPARE(PgTestDatabase::execute(
                 *raw, QStringLiteral("UPDATE hub.activities SET deleted = true WHERE id = ?"), { othersNote }, &error),
        -1);
    QVERIFY2(error.contains(QStringLiteral("author of a note")), qPrintable(error));
    QCOMPARE(PgTestDatabase::execute(*raw, QStringLiteral("UPDATE hub.activities SET created_by = ? WHERE id = ?"),
                 { m_team.userId(QStringLiteral("eve")), othersNote }, &error),
        -1);
    QVERIFY(eve.ws().setNoteDeletedBlocking(othersNote, true));
    QVERIFY(eve.syncAndWait());
    QVERIFY(HubTest::waitUntil([&] { return !errors.isEmpty(); }));
    QCOMPARE(errors.constFirst().at(0).value<Sync::ErrorKind>(), Sync::ErrorKind::PermissionDenied);
    QVERIFY2(errors.constFirst().at(1).toString().contains(QStringLiteral("author of a note")),
        qPrintable(errors.constFirst().at(1).toString()));
    // Refused, not disconnected: the cycle finishes online.
    QVERIFY(HubTest::waitUntil([&] { return eve.engine().state() == Sync::State::Online; }));
    QVERIFY(std::none_of(errors.begin(), errors.end(), [](const QList<QVariant>& emitted) {
        return emitted.at(0).value<Sync::ErrorKind>() == Sync::ErrorKind::ServerUnreachable;
    }));
    QCOMPARE(runAsAnnaScalar(QStringLiteral("SELECT deleted FROM hub.activities WHERE id = ?"), { othersNote }).toBool(),
        false);
    // An admin may delete anybody's note.
    QCOMPARE(runAsAnna(QStringLiteral("UPDATE hub.activities SET deleted = true WHERE id = ?"),
                 { QString(QStringLiteral("act-") + m_team.edLead) }),
        1);
}

QTEST_MAIN(TestSyncTimeline)
#include "tst_synctimeline.moc"
