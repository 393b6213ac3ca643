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
    void reassignedLeadWithAnUnpushedEditStays();

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

void TestSyncTimeline::reassignedLeadWithAnUnpushedEditStays()
{
    const QString id = assignedToEve(QStringLiteral("lead-edited-offline"));
    QVERIFY(!id.isEmpty());
    SyncDesktop eve;
    QVERIFY(eve.connectAndSync(loginOf(QStringLiteral("eve"))));
    QVERIFY(eve.leadValue(id, QStringLiteral("id")).isValid());
    eve.engine().stop();
    Lead edited = *eve.ws().fetchLeadBlocking(id);
    edited.notes = QStringLiteral("Written offline, not pushed yet");
    QVERIFY(eve.ws().saveBlocking(edited).isValid());
    QCOMPARE(runAsAnna(QStringLiteral("UPDATE hub.leads SET assigned_to = NULL WHERE id = ?"), { id }), 1);

    // The server refuses her edit now; the edit stays on her desktop (reported, never dropped silently).
    QSignalSpy errors(&eve.engine(), &SyncEngine::error);
    QSignalSpy synced(&eve.engine(), &SyncEngine::synced);
    eve.engine().start(loginOf(QStringLiteral("eve")));
    QVERIFY(HubTest::waitUntil([&] { return !errors.isEmpty() && !synced.isEmpty(); }));
    QCOMPARE(eve.leadValue(id, QStringLiteral("notes")).toString(), QStringLiteral("Written offline, not pushed yet"));
    QVERIFY(eve.outboxCount() >= 1);
}

QTEST_MAIN(TestSyncTimeline)
#include "tst_synctimeline.moc"
