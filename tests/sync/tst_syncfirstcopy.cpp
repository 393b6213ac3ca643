#include "services/leads/LeadStore.h"
#include "services/sync/SyncEngine.h"
#include "tests/support/WaitFor.h"
#include "tests/sync/SyncDesktop.h"
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

// The first full sync of a replica by COPY (DESIGN.md section 4) against a real team server: every column type
// arrives exactly as an incremental pull would write it, the replica's indexes and outbox triggers work afterwards,
// and the cursor is the COPY's own snapshot, so rows committed meanwhile, in any order, arrive next.
class TestSyncFirstCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyColumnArrivesAsAnIncrementalPullWritesIt();
    void copiedReplicaIsSearchableAndQueuesLocalWrites();
    void manyRowsResetOpenLists();
    void rowsCommittedDuringTheCopyArriveNext();
    void replicaWithRowsGetsTombstonesToo();

private:
    PgConnInfo loginOf(const QString& name) const
    {
        return m_database.loginInfo(m_team.loginOf(name), TeamFixture::passwordOf(name));
    }
    int run(const QString& sql, const QVariantList& binds = {})
    {
        QString error;
        const int rows = PgTestDatabase::execute(*m_superuser, sql, binds, &error);
        if (rows < 0)
            qWarning("%s: %s", qPrintable(sql), qPrintable(error));
        return rows;
    }
    QString insertLead(const QString& id, const QString& name)
    {
        return run(QStringLiteral("INSERT INTO hub.leads (id, org_id, owner_id, name) VALUES (?, ?, ?, ?)"),
                   { id, m_team.orgA, m_team.userId(QStringLiteral("anna")), name })
                == 1
            ? id
            : QString();
    }

    PgTestDatabase m_database;
    TeamFixture m_team;
    QSqlDatabase* m_superuser = nullptr;
};

void TestSyncFirstCopy::initTestCase()
{
    HUB_REQUIRE_POSTGRES();
    QString error;
    QVERIFY2(m_database.create(&error), qPrintable(error));
    QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
    m_superuser = m_database.connectAsSuperuser(&error);
    QVERIFY2(m_superuser, qPrintable(error));
}

void TestSyncFirstCopy::everyColumnArrivesAsAnIncrementalPullWritesIt()
{
    // b has synced before the lead exists (it gets it by incremental pull); c's replica is new (COPY).
    SyncDesktop b;
    QVERIFY(b.connectAndSync(loginOf(QStringLiteral("anna"))));
    const QString id = QStringLiteral("lead-every-type");
    QCOMPARE(run(QStringLiteral(
                     "INSERT INTO hub.leads (id, org_id, owner_id, assigned_to, name, notes, value_minor, do_not_call, "
                     "marketing_consent, consent_at, ai_profile, deal_heat, field_sources, tags) VALUES (?, ?, ?, ?, "
                     "?, ?, 123456789012, true, false, '2026-03-04 05:06:07.123456+00', ?, 42, '{\"email\": \"csv\"}', "
                     "'vip,berlin')"),
                 { id, m_team.orgA, m_team.userId(QStringLiteral("anna")), m_team.userId(QStringLiteral("eve")),
                     QStringLiteral("Tab\there, new\nline, back\\slash, Ünïcödé ☃"), QStringLiteral("\\N is not null"),
                     QStringLiteral("{\"summary\": \"Zürich \\\"quoted\\\"\", \"score\": 7, \"tags\": [1, 2]}") }),
        1);
    QVERIFY(HubTest::waitUntil([&] { return b.leadValue(id, QStringLiteral("id")).isValid(); }));

    SyncDesktop c;
    QSignalSpy copied(&c.engine(), &SyncEngine::tableCopied);
    QVERIFY(c.connectAndSync(loginOf(QStringLiteral("anna"))));
    // Stages, leads, activities, proposals, intelligence, scripts, playbooks, objections, script links, calls.
    QCOMPARE(copied.size(), 10);
    QVERIFY(copied.at(1).at(0).value<SyncCopyStats>().rows >= 5);
    const QStringList json = { QStringLiteral("ai_profile"), QStringLiteral("field_sources") };
    for (const QString& column : { QStringLiteral("org_id"), QStringLiteral("owner_id"), QStringLiteral("assigned_to"),
             QStringLiteral("name"), QStringLiteral("company"), QStringLiteral("notes"), QStringLiteral("tags"),
             QStringLiteral("status"), QStringLiteral("value_minor"), QStringLiteral("currency"),
             QStringLiteral("do_not_call"), QStringLiteral("marketing_consent"), QStringLiteral("consent_at"),
             QStringLiteral("ai_profile"), QStringLiteral("ai_profile_at"), QStringLiteral("deal_heat"),
             QStringLiteral("field_sources"), QStringLiteral("last_contacted_at"), QStringLiteral("created_at"),
             QStringLiteral("updated_at"), QStringLiteral("rev"), QStringLiteral("deleted") }) {
        const QVariant pulled = b.leadValue(id, column);
        const QVariant copiedValue = c.leadValue(id, column);
        QCOMPARE(copiedValue.isNull(), pulled.isNull());
        if (json.contains(column))
            QCOMPARE(QJsonDocument::fromJson(copiedValue.toString().toUtf8()),
                QJsonDocument::fromJson(pulled.toString().toUtf8()));
        else
            QCOMPARE(copiedValue.toString(), pulled.toString());
    }
    QCOMPARE(c.leadValue(id, QStringLiteral("consent_at")).toString(), QStringLiteral("2026-03-04T05:06:07.123Z"));
    QCOMPARE(c.leadValue(id, QStringLiteral("name")).toString(),
        QStringLiteral("Tab\there, new\nline, back\\slash, Ünïcödé ☃"));
    QCOMPARE(c.leadValue(id, QStringLiteral("value_minor")).toLongLong(), 123456789012LL);
    QCOMPARE(c.leadValue(id, QStringLiteral("do_not_call")).toInt(), 1);
    QCOMPARE(c.leadValue(id, QStringLiteral("deal_heat")).toInt(), 42);
    QVERIFY(c.leadValue(id, QStringLiteral("last_contacted_at")).isNull());
    QCOMPARE(c.ws().fetchLeadBlocking(id)->notes, QStringLiteral("\\N is not null"));
}

void TestSyncFirstCopy::copiedReplicaIsSearchableAndQueuesLocalWrites()
{
    QVERIFY(!insertLead(QStringLiteral("lead-searchable"), QStringLiteral("Quokka Searchable Ltd")).isEmpty());
    SyncDesktop a;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    const int leads = a.ws().countRows(QStringLiteral("SELECT count(*) FROM leads"));
    QVERIFY(leads >= 5);
    // The per-row triggers skipped during the COPY are back, and what they maintain was built at once.
    QCOMPARE(a.ws().countRows(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                             "('lead_derived_insert', 'leads_outbox_insert')")),
        2);
    QCOMPARE(a.ws().countRows(QStringLiteral("SELECT count(*) FROM lead_figures")), leads);
    QCOMPARE(a.ws().countRows(QStringLiteral("SELECT sum(leads) FROM lead_totals")),
        a.ws().countRows(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")));
    LeadFilter filter;
    filter.search = QStringLiteral("quokka");
    QCOMPARE(a.ws().pageBlocking(filter).size(), 1);
    QCOMPARE(a.outboxCount(), 0);

    const Lead saved = a.ws().saveBlocking(a.ws().makeLead(QStringLiteral("Wombat Local GmbH")));
    QVERIFY(saved.isValid());
    filter.search = QStringLiteral("wombat");
    QCOMPARE(a.ws().pageBlocking(filter).size(), 1);
    QVERIFY(HubTest::waitUntil([&] {
        return PgTestDatabase::scalar(*m_superuser, QStringLiteral("SELECT name FROM hub.leads WHERE id = ?"),
                   { saved.id })
                   .toString()
            == QLatin1String("Wombat Local GmbH");
    }));
}

void TestSyncFirstCopy::manyRowsResetOpenLists()
{
    SyncOptions options = SyncDesktop::fastOptions();
    options.resetThreshold = 2;
    SyncDesktop a(options);
    QSignalSpy reset(&a.ws().store(), &LeadListSource::leadsReset);
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(!reset.isEmpty());
}

void TestSyncFirstCopy::rowsCommittedDuringTheCopyArriveNext()
{
    // An older transaction (lower rev) still open while the replica copies, and a newer one already committed.
    QString error;
    QSqlDatabase* slow = m_database.connectAsSuperuser(&error);
    QVERIFY2(slow, qPrintable(error));
    QVERIFY(slow->transaction());
    QCOMPARE(PgTestDatabase::execute(*slow,
                 QStringLiteral("INSERT INTO hub.leads (id, org_id, owner_id, name) VALUES ('lead-slow', ?, ?, 'Slow')"),
                 { m_team.orgA, m_team.userId(QStringLiteral("anna")) }, &error),
        1);
    QVERIFY(!insertLead(QStringLiteral("lead-fast"), QStringLiteral("Fast")).isEmpty());
    QVERIFY(PgTestDatabase::scalar(*m_superuser,
                QStringLiteral("SELECT (SELECT rev FROM hub.leads WHERE id = 'lead-fast') > 0"))
                .toBool());

    SyncDesktop a;
    QVERIFY(a.connectAndSync(loginOf(QStringLiteral("anna"))));
    QCOMPARE(a.leadValue(QStringLiteral("lead-fast"), QStringLiteral("name")).toString(), QStringLiteral("Fast"));
    QVERIFY(!a.leadValue(QStringLiteral("lead-slow"), QStringLiteral("id")).isValid());
    QVERIFY(slow->commit());
    // Its NOTIFY makes the replica pull; the lower rev is not skipped.
    QVERIFY(HubTest::waitUntil([&] {
        return a.leadValue(QStringLiteral("lead-slow"), QStringLiteral("name")).toString() == QLatin1String("Slow");
    }));
}

void TestSyncFirstCopy::replicaWithRowsGetsTombstonesToo()
{
    const QString gone = insertLead(QStringLiteral("lead-gone"), QStringLiteral("Gone Ltd"));
    QVERIFY(!gone.isEmpty());
    QString error;
    QSqlDatabase* anna = m_team.connectAs(QStringLiteral("anna"), &error);
    QVERIFY2(anna, qPrintable(error));
    // Owners may delete; the server keeps a tombstone (and reports 0 rows deleted).
    QCOMPARE(PgTestDatabase::execute(*anna, QStringLiteral("DELETE FROM hub.leads WHERE id = ?"), { gone }, &error), 0);
    QVERIFY(PgTestDatabase::scalar(*m_superuser, QStringLiteral("SELECT deleted FROM hub.leads WHERE id = ?"), { gone })
                .toBool());

    // A fresh replica needs no tombstones.
    SyncDesktop fresh;
    QVERIFY(fresh.connectAndSync(loginOf(QStringLiteral("anna"))));
    QVERIFY(!fresh.leadValue(gone, QStringLiteral("id")).isValid());

    // A replica that already holds rows (written offline before its first sync) gets them, through upserts.
    SyncDesktop offline;
    const Lead local = offline.ws().saveBlocking(offline.ws().makeLead(QStringLiteral("Written Offline")));
    QVERIFY(local.isValid());
    QCOMPARE(offline.outboxCount(), 2); // the lead and its "created" timeline entry
    QVERIFY(offline.connectAndSync(loginOf(QStringLiteral("anna"))));
    QCOMPARE(offline.leadValue(gone, QStringLiteral("deleted")).toInt(), 1);
    QCOMPARE(offline.outboxCount(), 0);
    QVERIFY(offline.leadValue(local.id, QStringLiteral("rev")).toLongLong() > 0);
    QCOMPARE(offline.leadValue(QStringLiteral("lead-searchable"), QStringLiteral("name")).toString(),
        QStringLiteral("Quokka Searchable Ltd"));
    LeadFilter filter;
    filter.search = QStringLiteral("quokka");
    QCOMPARE(offline.ws().pageBlocking(filter).size(), 1);
}

QTEST_MAIN(TestSyncFirstCopy)
#include "tst_syncfirstcopy.moc"
