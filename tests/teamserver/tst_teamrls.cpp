#include "services/teamserver/TeamDatabaseInitializer.h"
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"

#include <QTest>

// Tenant isolation and the permission matrix of seed 002 section 3.2, enforced by PostgreSQL itself: every
// member below is a hostile client with raw SQL on a connection logged in as its own role.
class TestTeamRls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyTableHasForcedRowLevelSecurity();
    void anotherOrgSeesNothing_data();
    void anotherOrgSeesNothing();
    void employeeSeesOwnAndAssignedLeads();
    void employeeCannotUpdateSomeoneElsesLead();
    void employeeCannotGiveALeadAwayOrDeleteIt();
    void managerSeesTheTeamsLeads();
    void adminSeesAndDeletesInTheWholeOrg();
    void membersCannotEscalate_data();
    void membersCannotEscalate();
    void adminManagesMembers();
    void deactivatedMemberCannotLogIn();
    void roleChangeTakesEffectAtOnce();
    void adminOfAnotherOrgCannotTouchMembers();

private:
    QSqlDatabase& as(const QString& name);
    QStringList leadsVisibleTo(const QString& name);

    PgTestDatabase m_database;
    TeamFixture m_team;
    QHash<QString, QSqlDatabase*> m_connections;
};

void TestTeamRls::initTestCase()
{
    HUB_REQUIRE_POSTGRES();
    QString error;
    QVERIFY2(m_database.create(&error), qPrintable(error));
    QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
}

QSqlDatabase& TestTeamRls::as(const QString& name)
{
    if (!m_connections.contains(name)) {
        QString error;
        QSqlDatabase* db = m_team.connectAs(name, &error);
        if (!db)
            qFatal("cannot log in as %s: %s", qPrintable(name), qPrintable(error));
        m_connections.insert(name, db);
    }
    return *m_connections.value(name);
}

QStringList TestTeamRls::leadsVisibleTo(const QString& name)
{
    return PgTestDatabase::column(as(name), QStringLiteral("SELECT id FROM hub.leads ORDER BY id"));
}

void TestTeamRls::everyTableHasForcedRowLevelSecurity()
{
    QString error;
    QSqlDatabase* superuser = m_database.connectAsSuperuser(&error);
    QVERIFY2(superuser, qPrintable(error));
    const QString owner = TeamDatabaseInitializer::ownerRoleFor(m_database.name());
    const QStringList tables = PgTestDatabase::column(*superuser,
        QStringLiteral(
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname IN ('hub', 'hub_private') AND c.relkind IN ('r', 'p') ORDER BY 1"));
    QVERIFY(tables.contains(QStringLiteral("hub.leads")));
    QVERIFY(tables.contains(QStringLiteral("hub.applied_mutations")));
    QVERIFY(tables.size() >= 20);
    const QStringList unprotected = PgTestDatabase::column(*superuser,
        QStringLiteral(
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname IN ('hub', 'hub_private') AND c.relkind IN ('r', 'p') "
            "AND NOT (c.relrowsecurity AND c.relforcerowsecurity AND pg_get_userbyid(c.relowner) = ?)"),
        { owner });
    QVERIFY2(unprotected.isEmpty(), qPrintable(unprotected.join(QStringLiteral(", "))));
    // Every synced table is registered for push and pull.
    const QStringList unregistered = PgTestDatabase::column(*superuser,
        QStringLiteral("SELECT c.table_name FROM information_schema.columns c WHERE c.table_schema = 'hub' "
                       "AND c.column_name = 'change_xid' AND c.table_name NOT IN "
                       "(SELECT table_name FROM hub_private.synced_tables)"));
    QVERIFY2(unregistered.isEmpty(), qPrintable(unregistered.join(QStringLiteral(", "))));
}

void TestTeamRls::anotherOrgSeesNothing_data()
{
    QTest::addColumn<QString>("table");
    QString error;
    QSqlDatabase* superuser = m_database.connectAsSuperuser(&error);
    QVERIFY2(superuser, qPrintable(error));
    for (const QString& table : PgTestDatabase::column(
             *superuser, QStringLiteral("SELECT table_name FROM hub_private.synced_tables ORDER BY 1")))
        QTest::newRow(qPrintable(table)) << table;
}

void TestTeamRls::anotherOrgSeesNothing()
{
    QFETCH(QString, table);
    const QString ofOrg = QStringLiteral("SELECT count(*) FROM hub.%1 WHERE org_id = ?").arg(table);
    const QString all = QStringLiteral("SELECT count(*) FROM hub.%1").arg(table);
    QString error;
    QSqlDatabase* superuser = m_database.connectAsSuperuser(&error);
    QVERIFY(superuser);
    const int rowsOfA = PgTestDatabase::scalar(*superuser, ofOrg, { m_team.orgA }).toInt();
    // Org B's owner and employee, asking for org A's rows and for everything.
    for (const QString& member : { QStringLiteral("bob"), QStringLiteral("bea") }) {
        QCOMPARE(PgTestDatabase::scalar(as(member), ofOrg, { m_team.orgA }, &error).toInt(), 0);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const int visible = PgTestDatabase::scalar(as(member), all).toInt();
        const int ofB = PgTestDatabase::scalar(*superuser, ofOrg, { m_team.orgB }).toInt();
        QVERIFY2(visible <= ofB,
            qPrintable(QStringLiteral("%1 sees %2 rows, org B has %3").arg(member).arg(visible).arg(ofB)));
    }
    // And the other way round.
    QCOMPARE(PgTestDatabase::scalar(as(QStringLiteral("anna")), ofOrg, { m_team.orgB }).toInt(), 0);
    // Not "nobody sees anything": where org A has rows, its owner sees them all.
    QCOMPARE(PgTestDatabase::scalar(as(QStringLiteral("anna")), ofOrg, { m_team.orgA }).toInt(), rowsOfA);
}

void TestTeamRls::employeeSeesOwnAndAssignedLeads()
{
    QCOMPARE(leadsVisibleTo(QStringLiteral("eve")), QStringList({ m_team.assignedLead, m_team.eveLead }));
    QCOMPARE(leadsVisibleTo(QStringLiteral("ed")), QStringList({ m_team.assignedLead, m_team.edLead }));
    QCOMPARE(leadsVisibleTo(QStringLiteral("bea")), QStringList());
    // What hangs off a lead follows it.
    for (const QString& table :
        { QStringLiteral("activities"), QStringLiteral("proposals"), QStringLiteral("notifications") }) {
        QCOMPARE(PgTestDatabase::column(as(QStringLiteral("eve")),
                     QStringLiteral("SELECT lead_id FROM hub.%1 ORDER BY lead_id").arg(table)),
            QStringList({ m_team.assignedLead, m_team.eveLead }));
    }
    // Everyone in the org sees its people and pipeline; nobody else's.
    QCOMPARE(
        PgTestDatabase::scalar(as(QStringLiteral("eve")), QStringLiteral("SELECT count(*) FROM hub.users")).toInt(), 5);
    QCOMPARE(
        PgTestDatabase::scalar(as(QStringLiteral("eve")), QStringLiteral("SELECT count(*) FROM hub.pipeline_stages"))
            .toInt(),
        6);
}

void TestTeamRls::employeeCannotUpdateSomeoneElsesLead()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    const QString rename = QStringLiteral("UPDATE hub.leads SET name = 'Taken over' WHERE id = ?");
    QString error;
    QCOMPARE(PgTestDatabase::execute(eve, rename, { m_team.edLead }, &error), 0);
    QCOMPARE(PgTestDatabase::execute(eve, rename, { m_team.annaLead }, &error), 0);
    QCOMPARE(PgTestDatabase::execute(eve, rename, { m_team.bobLead }, &error), 0);
    QSqlDatabase* superuser = m_database.connectAsSuperuser();
    QCOMPARE(
        PgTestDatabase::scalar(*superuser, QStringLiteral("SELECT count(*) FROM hub.leads WHERE name = 'Taken over'"))
            .toInt(),
        0);
    // Their own lead and the one assigned to them, yes.
    QCOMPARE(PgTestDatabase::execute(
                 eve, QStringLiteral("UPDATE hub.leads SET notes = 'mine' WHERE id = ?"), { m_team.eveLead }, &error),
        1);
    QCOMPARE(PgTestDatabase::execute(eve, QStringLiteral("UPDATE hub.leads SET notes = 'assigned' WHERE id = ?"),
                 { m_team.assignedLead }, &error),
        1);
    // Nor can they slip a row into someone else's lead or org.
    QString state;
    QCOMPARE(PgTestDatabase::execute(eve,
                 QStringLiteral("INSERT INTO hub.activities (id, org_id, lead_id, kind) VALUES ('x1', ?, ?, 'note')"),
                 { m_team.orgA, m_team.edLead }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    QCOMPARE(
        PgTestDatabase::execute(eve, QStringLiteral("INSERT INTO hub.leads (id, org_id, name) VALUES ('x2', ?, 'Spy')"),
            { m_team.orgB }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
}

void TestTeamRls::employeeCannotGiveALeadAwayOrDeleteIt()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    QString error;
    QString state;
    // Handing the lead to someone else would take it out of their own view: refused, not silently done.
    QCOMPARE(PgTestDatabase::execute(eve, QStringLiteral("UPDATE hub.leads SET owner_id = ? WHERE id = ?"),
                 { m_team.userId(QStringLiteral("ed")), m_team.eveLead }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    QCOMPARE(PgTestDatabase::execute(eve, QStringLiteral("UPDATE hub.leads SET org_id = ? WHERE id = ?"),
                 { m_team.orgB, m_team.eveLead }, &error, &state),
        -1);
    // Deleting is for owners and admins (seed 002: employees and managers do not delete records).
    QCOMPARE(PgTestDatabase::execute(
                 eve, QStringLiteral("DELETE FROM hub.leads WHERE id = ?"), { m_team.eveLead }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    QCOMPARE(PgTestDatabase::execute(eve, QStringLiteral("UPDATE hub.leads SET deleted = true WHERE id = ?"),
                 { m_team.eveLead }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    QCOMPARE(
        PgTestDatabase::scalar(eve, QStringLiteral("SELECT deleted FROM hub.leads WHERE id = ?"), { m_team.eveLead })
            .toBool(),
        false);
}

void TestTeamRls::managerSeesTheTeamsLeads()
{
    // Mia manages North (eve): eve's lead and the one assigned to eve; not South's (ed) nor the owner's.
    QCOMPARE(leadsVisibleTo(QStringLiteral("mia")), QStringList({ m_team.assignedLead, m_team.eveLead }));
    QSqlDatabase& mia = as(QStringLiteral("mia"));
    QString error;
    QString state;
    QCOMPARE(PgTestDatabase::execute(mia, QStringLiteral("UPDATE hub.leads SET status = 'qualified' WHERE id = ?"),
                 { m_team.eveLead }, &error),
        1);
    QCOMPARE(PgTestDatabase::execute(mia, QStringLiteral("UPDATE hub.leads SET status = 'qualified' WHERE id = ?"),
                 { m_team.edLead }, &error),
        0);
    QCOMPARE(PgTestDatabase::execute(
                 mia, QStringLiteral("DELETE FROM hub.leads WHERE id = ?"), { m_team.eveLead }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    // A manager may give a lead to another person of the team, not to someone outside it.
    QCOMPARE(PgTestDatabase::execute(mia, QStringLiteral("UPDATE hub.leads SET owner_id = ? WHERE id = ?"),
                 { m_team.userId(QStringLiteral("mia")), m_team.eveLead }, &error),
        1);
    QCOMPARE(PgTestDatabase::execute(mia, QStringLiteral("UPDATE hub.leads SET owner_id = ? WHERE id = ?"),
                 { m_team.userId(QStringLiteral("eve")), m_team.eveLead }, &error),
        1);
    QCOMPARE(PgTestDatabase::execute(mia, QStringLiteral("UPDATE hub.leads SET owner_id = ? WHERE id = ?"),
                 { m_team.userId(QStringLiteral("anna")), m_team.eveLead }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
}

void TestTeamRls::adminSeesAndDeletesInTheWholeOrg()
{
    QCOMPARE(leadsVisibleTo(QStringLiteral("ada")),
        QStringList({ m_team.annaLead, m_team.assignedLead, m_team.edLead, m_team.eveLead }));
    QSqlDatabase& ada = as(QStringLiteral("ada"));
    QString error;
    QCOMPARE(PgTestDatabase::execute(ada,
                 QStringLiteral("INSERT INTO hub.leads (id, org_id, name, owner_id) VALUES ('doomed', ?, 'Doomed', ?)"),
                 { m_team.orgA, m_team.userId(QStringLiteral("ed")) }, &error),
        1);
    QCOMPARE(PgTestDatabase::execute(ada, QStringLiteral("DELETE FROM hub.leads WHERE id = 'doomed'"), {}, &error), 0);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(PgTestDatabase::scalar(ada, QStringLiteral("SELECT deleted FROM hub.leads WHERE id = 'doomed'")).toBool(),
        true);
    // Its owner still receives the tombstone (so their replica drops the card).
    QCOMPARE(PgTestDatabase::scalar(
                 as(QStringLiteral("ed")), QStringLiteral("SELECT deleted FROM hub.leads WHERE id = 'doomed'"))
                 .toBool(),
        true);
    // Org settings: admins change them, employees only read them.
    QCOMPARE(PgTestDatabase::execute(
                 ada, QStringLiteral("UPDATE hub.pipeline_stages SET color = '#000000' WHERE key = 'won'"), {}, &error),
        1);
    QCOMPARE(PgTestDatabase::execute(as(QStringLiteral("eve")),
                 QStringLiteral("UPDATE hub.pipeline_stages SET color = '#ffffff' WHERE key = 'won'"), {}, &error),
        0);
}

void TestTeamRls::membersCannotEscalate_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("promote self") << QStringLiteral("UPDATE hub.memberships SET role = 'owner'");
    QTest::newRow("insert membership") << QStringLiteral(
        "INSERT INTO hub.memberships (id, org_id, user_id, role) SELECT 'm', org_id, user_id, 'owner' "
        "FROM hub.my_memberships()");
    QTest::newRow("forge user") << QStringLiteral("INSERT INTO hub.users (id, org_id, name, login_role) "
                                                  "SELECT 'u', org_id, 'x', 'postgres' FROM hub.my_memberships()");
    QTest::newRow("read server info") << QStringLiteral("SELECT * FROM hub_private.server_info");
    QTest::newRow("create org") << QStringLiteral(
        "SELECT hub_private.create_organization('Evil', 'EUR', 'evil@evil.test', 'Evil', 'pw')");
    QTest::newRow("internal enrol") << QStringLiteral(
        "SELECT hub_private.enrol(org_id, 'evil@evil.test', 'Evil', 'owner', 'pw', NULL) FROM hub.my_memberships()");
    QTest::newRow("become owner role") << QStringLiteral("SET ROLE %1");
    QTest::newRow("add member") << QStringLiteral(
        "SELECT hub.add_member(org_id, 'friend@acme.test', 'Friend', 'admin', 'pw') FROM hub.my_memberships()");
    QTest::newRow("deactivate owner") << QStringLiteral(
        "SELECT hub.deactivate_member(m.org_id, m.user_id) FROM hub.memberships m WHERE m.role = 'owner'");
    QTest::newRow("forge mutation record") << QStringLiteral(
        "INSERT INTO hub.applied_mutations (mutation_id, org_id, table_name, row_id, op, applied_by) SELECT "
        "gen_random_uuid(), org_id, 'leads', 'x', 'upsert', 'someone_else' FROM hub.my_memberships()");
}

void TestTeamRls::membersCannotEscalate()
{
    QFETCH(QString, sql);
    if (sql.contains(QLatin1String("%1")))
        sql = sql.arg(TeamDatabaseInitializer::ownerRoleFor(m_database.name()));
    QString error;
    QString state;
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    const int result = PgTestDatabase::execute(eve, sql, {}, &error, &state);
    QVERIFY2(result <= 0, qPrintable(QStringLiteral("%1 rows").arg(result)));
    if (result < 0)
        QCOMPARE(state, QStringLiteral("42501"));
    QCOMPARE(PgTestDatabase::scalar(eve, QStringLiteral("SELECT role FROM hub.my_memberships()")).toString(),
        QStringLiteral("employee"));
    QCOMPARE(PgTestDatabase::scalar(eve, QStringLiteral("SELECT current_user")).toString(),
        m_team.loginOf(QStringLiteral("eve")));
}

void TestTeamRls::adminManagesMembers()
{
    QSqlDatabase& ada = as(QStringLiteral("ada"));
    QString error;
    QString state;
    // An admin may not create owners, nor change the owner; the last owner stays an owner.
    QCOMPARE(PgTestDatabase::execute(ada,
                 QStringLiteral("SELECT hub.add_member(?, 'otto@acme.test', 'Otto', 'owner', 'pw')"), { m_team.orgA },
                 &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    QCOMPARE(PgTestDatabase::execute(ada, QStringLiteral("SELECT hub.change_member_role(?, ?, 'employee')"),
                 { m_team.orgA, m_team.userId(QStringLiteral("anna")) }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    QCOMPARE(PgTestDatabase::execute(as(QStringLiteral("anna")),
                 QStringLiteral("SELECT hub.change_member_role(?, ?, 'admin')"),
                 { m_team.orgA, m_team.userId(QStringLiteral("anna")) }, &error, &state),
        -1);
    QVERIFY2(error.contains(QLatin1String("at least one owner")), qPrintable(error));
    // Bad input is refused with a message.
    QCOMPARE(
        PgTestDatabase::execute(ada, QStringLiteral("SELECT hub.add_member(?, 'not-an-email', 'X', 'employee', 'pw')"),
            { m_team.orgA }, &error, &state),
        -1);
    QVERIFY2(error.contains(QLatin1String("e-mail")), qPrintable(error));
    QCOMPARE(
        PgTestDatabase::execute(ada, QStringLiteral("SELECT hub.add_member(?, 'x@acme.test', 'X', 'manager', 'pw')"),
            { m_team.orgA }, &error, &state),
        -1);
    QVERIFY2(error.contains(QLatin1String("team")), qPrintable(error));
    QCOMPARE(PgTestDatabase::execute(ada, QStringLiteral("SELECT hub.add_member(?, ?, 'Eve again', 'employee', 'pw')"),
                 { m_team.orgA, TeamFixture::emailOf(QStringLiteral("eve")) }, &error, &state),
        -1);
    QVERIFY2(error.contains(QLatin1String("already a member")), qPrintable(error));
}

void TestTeamRls::deactivatedMemberCannotLogIn()
{
    QSqlDatabase& ada = as(QStringLiteral("ada"));
    const QString login = PgTestDatabase::scalar(ada,
        QStringLiteral("SELECT hub.add_member(?, 'ian@acme.test', 'Ian', 'employee', 'Ian-Secret-1', ?)"),
        { m_team.orgA, m_team.teamNorth })
                              .toString();
    QCOMPARE(login, m_database.loginPrefix() + QStringLiteral("ian@acme.test"));
    QString error;
    QSqlDatabase* ian = m_database.connectAs(login, QStringLiteral("Ian-Secret-1"), &error);
    QVERIFY2(ian, qPrintable(error));
    QCOMPARE(PgTestDatabase::execute(*ian,
                 QStringLiteral("INSERT INTO hub.leads (id, org_id, name) VALUES ('ian-1', ?, 'Ian''s')"),
                 { m_team.orgA }, &error),
        1);
    QCOMPARE(PgTestDatabase::scalar(*ian, QStringLiteral("SELECT count(*) FROM hub.leads")).toInt(), 1);
    const QString ianId
        = PgTestDatabase::scalar(*ian, QStringLiteral("SELECT user_id FROM hub.my_memberships()")).toString();

    QCOMPARE(PgTestDatabase::execute(
                 ada, QStringLiteral("SELECT hub.deactivate_member(?, ?)"), { m_team.orgA, ianId }, &error),
        1);
    // A new login is refused by the server's authentication.
    QVERIFY(!m_database.connectAs(login, QStringLiteral("Ian-Secret-1"), &error));
    QVERIFY2(error.contains(QLatin1String("not permitted to log in")), qPrintable(error));
    // The session still open sees nothing of the org any more.
    QCOMPARE(PgTestDatabase::scalar(*ian, QStringLiteral("SELECT count(*) FROM hub.leads")).toInt(), 0);
    QCOMPARE(PgTestDatabase::scalar(*ian, QStringLiteral("SELECT count(*) FROM hub.users")).toInt(), 0);
    // The org keeps the lead; reactivated, Ian logs in again and sees it.
    QCOMPARE(
        PgTestDatabase::scalar(ada, QStringLiteral("SELECT owner_id FROM hub.leads WHERE id = 'ian-1'")).toString(),
        ianId);
    QCOMPARE(PgTestDatabase::execute(
                 ada, QStringLiteral("SELECT hub.reactivate_member(?, ?)"), { m_team.orgA, ianId }, &error),
        1);
    QSqlDatabase* again = m_database.connectAs(login, QStringLiteral("Ian-Secret-1"), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(PgTestDatabase::scalar(*again, QStringLiteral("SELECT count(*) FROM hub.leads")).toInt(), 1);
}

void TestTeamRls::roleChangeTakesEffectAtOnce()
{
    QSqlDatabase& anna = as(QStringLiteral("anna"));
    QString error;
    const QString login = PgTestDatabase::scalar(anna,
        QStringLiteral("SELECT hub.add_member(?, 'max@acme.test', 'Max', 'employee', 'Max-Secret-1', ?)"),
        { m_team.orgA, m_team.teamSouth })
                              .toString();
    QSqlDatabase* max = m_database.connectAs(login, QStringLiteral("Max-Secret-1"), &error);
    QVERIFY2(max, qPrintable(error));
    const QString maxId
        = PgTestDatabase::scalar(*max, QStringLiteral("SELECT user_id FROM hub.my_memberships()")).toString();
    QCOMPARE(PgTestDatabase::scalar(*max, QStringLiteral("SELECT count(*) FROM hub.leads")).toInt(), 0);

    QVERIFY(PgTestDatabase::execute(anna, QStringLiteral("SELECT hub.change_member_role(?, ?, 'manager', ?)"),
                { m_team.orgA, maxId, m_team.teamSouth }, &error)
        >= 0);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Manager of South: ed's leads (his own and the one he owns but eve works on).
    QCOMPARE(PgTestDatabase::column(*max, QStringLiteral("SELECT id FROM hub.leads WHERE NOT deleted ORDER BY id")),
        QStringList({ m_team.assignedLead, m_team.edLead }));

    QVERIFY(PgTestDatabase::execute(
                anna, QStringLiteral("SELECT hub.change_member_role(?, ?, 'admin')"), { m_team.orgA, maxId }, &error)
        >= 0);
    QCOMPARE(
        PgTestDatabase::scalar(*max, QStringLiteral("SELECT count(*) FROM hub.leads WHERE org_id = ?"), { m_team.orgA })
            .toInt(),
        PgTestDatabase::scalar(anna, QStringLiteral("SELECT count(*) FROM hub.leads")).toInt());
}

void TestTeamRls::adminOfAnotherOrgCannotTouchMembers()
{
    QSqlDatabase& bob = as(QStringLiteral("bob"));
    QString error;
    QString state;
    for (const QString& call : { QStringLiteral("SELECT hub.deactivate_member(?, ?)"),
             QStringLiteral("SELECT hub.change_member_role(?, ?, 'admin')"),
             QStringLiteral("SELECT hub.set_member_password(?, ?, 'Owned-1')") }) {
        QCOMPARE(
            PgTestDatabase::execute(bob, call, { m_team.orgA, m_team.userId(QStringLiteral("eve")) }, &error, &state),
            -1);
        QCOMPARE(state, QStringLiteral("42501"));
    }
    // Bob may add eve's address to his own org (she keeps her login and password), but not reset her password:
    // that would open her account in org A to him.
    QCOMPARE(PgTestDatabase::scalar(bob, QStringLiteral("SELECT hub.add_member(?, ?, 'Eve', 'employee', NULL)"),
                 { m_team.orgB, TeamFixture::emailOf(QStringLiteral("eve")) }, &error)
                 .toString(),
        m_team.loginOf(QStringLiteral("eve")));
    QCOMPARE(PgTestDatabase::execute(bob, QStringLiteral("SELECT hub.set_member_password(?, ?, 'Owned-1')"),
                 { m_team.orgB, m_team.userId(QStringLiteral("eve")) }, &error, &state),
        -1);
    QCOMPARE(state, QStringLiteral("42501"));
    QVERIFY(m_team.connectAs(QStringLiteral("eve"), &error));
    // In org B she sees only what org B gives her; in org A nothing changed.
    QCOMPARE(PgTestDatabase::scalar(as(QStringLiteral("eve")),
                 QStringLiteral("SELECT count(*) FROM hub.leads WHERE org_id = ?"), { m_team.orgB })
                 .toInt(),
        0);
    QCOMPARE(leadsVisibleTo(QStringLiteral("eve")), QStringList({ m_team.assignedLead, m_team.eveLead }));
}

QTEST_GUILESS_MAIN(TestTeamRls)
#include "tst_teamrls.moc"
