#include "services/calling/CallRepository.h"
#include "services/calling/CallScriptStore.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/sync/SyncEngine.h"
#include "tests/support/WaitFor.h"
#include "tests/sync/SyncDesktop.h"
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"

#include "models/Ids.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

// The rest of the team's data across desktops and one team server (issue #3, 0015/0008): proposals, call scripts
// with their library objections, and calls written on one desktop appear on another; what the server does not let a
// member see (another org, a colleague's lead) never reaches that member's replica.
class TestSyncDeals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void proposalScriptAndCallTravelBetweenDesktops();
    void anotherOrganisationSeesNone();
    void employeeSeesCallsAndProposalsOfHerLeadsOnly();

private:
    PgConnInfo loginOf(const QString& name) const
    {
        return m_database.loginInfo(m_team.loginOf(name), TeamFixture::passwordOf(name));
    }
    int count(SyncDesktop& desktop, const QString& sql) { return desktop.ws().countRows(sql); }
    QStringList ids(SyncDesktop& desktop, const QString& table)
    {
        QStringList found;
        desktop.ws().runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT id FROM %1 WHERE deleted = 0 ORDER BY id").arg(table)))
                while (query.next())
                    found.append(query.value(0).toString());
        });
        return found;
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
    QVariant serverValue(const QString& sql, const QVariantList& binds)
    {
        QString error;
        QSqlDatabase* anna = m_team.connectAs(QStringLiteral("anna"), &error);
        return anna ? PgTestDatabase::scalar(*anna, sql, binds, &error) : QVariant();
    }
    CallRecord call(const QString& id, const QString& leadId, const QString& summary) const
    {
        CallRecord record;
        record.id = id;
        record.orgId = m_team.orgA;
        record.leadId = leadId;
        record.provider = QStringLiteral("vapi");
        record.providerCallId = QStringLiteral("vapi-") + id;
        record.status = CallRecord::Status::Completed;
        record.outcome = CallRecord::Outcome::Booked;
        record.durationSeconds = 95;
        record.summary = summary;
        record.costUsd = 0.25;
        record.startedAt = QDateTime::currentDateTimeUtc().addSecs(-95);
        record.endedAt = QDateTime::currentDateTimeUtc();
        record.createdAt = record.startedAt;
        record.updatedAt = record.endedAt;
        return record;
    }
    static Proposal draft(const QString& leadId)
    {
        Proposal p;
        p.leadId = leadId;
        p.title = QStringLiteral("Website relaunch");
        p.currency = QStringLiteral("EUR");
        p.validUntil = QDate(2031, 3, 31);
        p.sections = { { QStringLiteral("Scope"), QStringLiteral("<p>Five pages</p>") } };
        p.lines = { { QStringLiteral("Design"), 1500, 99999, 1900 } };
        return p;
    }

    PgTestDatabase m_database;
    TeamFixture m_team;
};

void TestSyncDeals::initTestCase()
{
    HUB_REQUIRE_POSTGRES();
    QString error;
    QVERIFY2(m_database.create(&error), qPrintable(error));
    QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
}

void TestSyncDeals::proposalScriptAndCallTravelBetweenDesktops()
{
    SyncDesktop a;
    SyncDesktop b;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("ada"))));
    // The fixture's proposals came with the first sync (COPY).
    QVERIFY(b.value(QStringLiteral("proposals"), QStringLiteral("prop-") + m_team.eveLead, QStringLiteral("rev"))
                .toLongLong()
        > 0);

    ProposalStore proposals(&a.ws().executor(), &a.ws().bus());
    proposals.setIdentity(a.ws().identity());
    const auto saved = HubTest::waitForCallback<ProposalWriteOutcome>(
        [&](QObject* c, ProposalStore::Done d) { proposals.save(draft(m_team.annaLead), c, d); },
        QStringLiteral("proposal save"));
    QVERIFY(saved && saved->ok && saved->changed.size() == 1);
    const QString proposalId = saved->changed.first().id;

    CallScriptStore scripts(&a.ws().executor(), &a.ws().bus());
    scripts.setIdentity(a.ws().identity());
    Objection objection;
    objection.objection = QStringLiteral("Too expensive");
    objection.response = QStringLiteral("We offer monthly payments.");
    objection.category = QStringLiteral("price");
    const auto objectionSaved = HubTest::waitForCallback<CallScriptWriteOutcome>(
        [&](QObject* c, CallScriptStore::Done d) { scripts.saveObjection(objection, c, d); },
        QStringLiteral("objection save"));
    QVERIFY(objectionSaved && objectionSaved->ok);
    CallScriptEntry entry;
    entry.script.name = QStringLiteral("Dentists, spring");
    entry.script.openingLine = QStringLiteral("Hi, it's Ava from Northwind.");
    entry.script.talkingPoints = { QStringLiteral("Online booking") };
    entry.script.rateMinMinor = 120000;
    entry.script.rateMaxMinor = 380000;
    entry.script.temperature = 0.4;
    entry.libraryObjectionIds = { objectionSaved->id };
    const auto scriptSaved = HubTest::waitForCallback<CallScriptWriteOutcome>(
        [&](QObject* c, CallScriptStore::Done d) { scripts.save(entry, c, d); }, QStringLiteral("script save"));
    QVERIFY(scriptSaved && scriptSaved->ok);

    const QString callId = Ids::newId();
    bool inserted = false;
    a.ws().runBlocking([&](QSqlDatabase& db) {
        inserted = CallRepository(db).insert(call(callId, m_team.annaLead, QStringLiteral("Booked a demo")));
    });
    QVERIFY(inserted);
    a.engine().syncNow();

    QVERIFY(HubTest::waitUntil([&] {
        return b.value(QStringLiteral("proposals"), proposalId, QStringLiteral("title")).toString()
            == QLatin1String("Website relaunch")
            && b.value(QStringLiteral("call_scripts"), scriptSaved->id, QStringLiteral("name")).toString()
            == QLatin1String("Dentists, spring")
            && b.value(QStringLiteral("calls"), callId, QStringLiteral("summary")).toString()
            == QLatin1String("Booked a demo")
            && count(b,
                   QStringLiteral("SELECT count(*) FROM call_script_objections WHERE script_id = '%1' AND "
                                  "objection_id = '%2' AND deleted = 0")
                       .arg(scriptSaved->id, objectionSaved->id))
            == 1;
    }));
    // Values arrive as the app stored them: JSON, dates, times, money, real numbers.
    const QString linesA = a.value(QStringLiteral("proposals"), proposalId, QStringLiteral("lines")).toString();
    const QString linesB = b.value(QStringLiteral("proposals"), proposalId, QStringLiteral("lines")).toString();
    QCOMPARE(QJsonDocument::fromJson(linesB.toUtf8()), QJsonDocument::fromJson(linesA.toUtf8()));
    QCOMPARE(b.value(QStringLiteral("proposals"), proposalId, QStringLiteral("valid_until")).toString(),
        QStringLiteral("2031-03-31"));
    QCOMPARE(b.value(QStringLiteral("call_scripts"), scriptSaved->id, QStringLiteral("temperature")).toDouble(), 0.4);
    QCOMPARE(b.value(QStringLiteral("calls"), callId, QStringLiteral("cost")).toDouble(), 0.25);
    QCOMPARE(b.value(QStringLiteral("calls"), callId, QStringLiteral("started_at")).toString(),
        a.value(QStringLiteral("calls"), callId, QStringLiteral("started_at")).toString());
    QCOMPARE(b.value(QStringLiteral("objections"), objectionSaved->id, QStringLiteral("response")).toString(),
        QStringLiteral("We offer monthly payments."));

    // Edited on b, back on a; nothing left to push on either side.
    b.ws().runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE proposals SET title = 'Website relaunch, phase 1' WHERE id = ?"));
        query.addBindValue(proposalId);
        query.exec();
    });
    b.engine().syncNow();
    QVERIFY(HubTest::waitUntil([&] {
        return a.value(QStringLiteral("proposals"), proposalId, QStringLiteral("title")).toString()
            == QLatin1String("Website relaunch, phase 1");
    }));
    QVERIFY(HubTest::waitUntil([&] { return a.outboxCount() == 0 && b.outboxCount() == 0; }));
    QCOMPARE(serverValue(QStringLiteral("SELECT title FROM hub.proposals WHERE id = ?"), { proposalId }).toString(),
        QStringLiteral("Website relaunch, phase 1"));
}

void TestSyncDeals::anotherOrganisationSeesNone()
{
    const QString scriptId = QStringLiteral("script-acme-only");
    QCOMPARE(runAsAnna(QStringLiteral("INSERT INTO hub.call_scripts (id, org_id, name) VALUES (?, ?, 'Acme secret "
                                      "pitch')"),
                 { scriptId, m_team.orgA }),
        1);
    QCOMPARE(runAsAnna(QStringLiteral("INSERT INTO hub.calls (id, org_id, lead_id, provider, summary) VALUES "
                                      "('call-acme-only', ?, ?, 'vapi', 'Acme call')"),
                 { m_team.orgA, m_team.annaLead }),
        1);
    SyncDesktop bob;
    QVERIFY(bob.connectAndSync(loginOf(QStringLiteral("bob"))));
    // Only Globex's own proposal; nothing of Acme in any of the new tables.
    QCOMPARE(ids(bob, QStringLiteral("proposals")), QStringList { QStringLiteral("prop-") + m_team.bobLead });
    for (const char* table : { "proposals", "lead_intelligence", "call_scripts", "playbooks", "objections",
             "call_script_objections", "calls" })
        QCOMPARE(count(bob,
                     QStringLiteral("SELECT count(*) FROM %1 WHERE org_id = '%2'")
                         .arg(QString::fromLatin1(table), m_team.orgA)),
            0);
    QVERIFY(!bob.value(QStringLiteral("call_scripts"), scriptId, QStringLiteral("id")).isValid());
}

void TestSyncDeals::employeeSeesCallsAndProposalsOfHerLeadsOnly()
{
    for (const QString& lead : { m_team.eveLead, m_team.edLead, m_team.assignedLead })
        QCOMPARE(runAsAnna(QStringLiteral("INSERT INTO hub.calls (id, org_id, lead_id, provider, summary) VALUES "
                                          "(?, ?, ?, 'twilio', 'Fixture call')"),
                     { QString(QStringLiteral("call-") + lead), m_team.orgA, lead }),
            1);
    QCOMPARE(runAsAnna(QStringLiteral("INSERT INTO hub.call_scripts (id, org_id, name) VALUES ('script-shared', ?, "
                                      "'Team pitch')"),
                 { m_team.orgA }),
        1);
    SyncDesktop eve;
    QVERIFY(eve.connectAndSync(loginOf(QStringLiteral("eve"))));
    // Her own lead and the one assigned to her; not ed's, not anna's.
    QCOMPARE(ids(eve, QStringLiteral("proposals")),
        (QStringList { QStringLiteral("prop-") + m_team.assignedLead, QStringLiteral("prop-") + m_team.eveLead }));
    QCOMPARE(ids(eve, QStringLiteral("calls")),
        (QStringList { QStringLiteral("call-") + m_team.assignedLead, QStringLiteral("call-") + m_team.eveLead }));
    // Scripts are the org's: every member reads them.
    QCOMPARE(
        eve.value(QStringLiteral("call_scripts"), QStringLiteral("script-shared"), QStringLiteral("name")).toString(),
        QStringLiteral("Team pitch"));

    // A call she makes on her lead reaches the server.
    const QString callId = Ids::newId();
    bool inserted = false;
    eve.ws().runBlocking([&](QSqlDatabase& db) {
        inserted = CallRepository(db).insert(call(callId, m_team.eveLead, QStringLiteral("Left a voicemail")));
    });
    QVERIFY(inserted);
    QVERIFY(eve.syncAndWait());
    QVERIFY(HubTest::waitUntil([&] { return eve.outboxCount() == 0; }));
    QCOMPARE(serverValue(QStringLiteral("SELECT summary FROM hub.calls WHERE id = ?"), { callId }).toString(),
        QStringLiteral("Left a voicemail"));
}

QTEST_MAIN(TestSyncDeals)
#include "tst_syncdeals.moc"
