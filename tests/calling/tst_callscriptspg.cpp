// The server schema of call scripts, the objection library and playbooks (resources/sql/postgres 0006) on a real
// PostgreSQL: the migration applies, rows get revs, org isolation and the delete rule hold, the CHECKs refuse bad
// data, and the sync push function accepts a script.
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

class TestCallScriptsPg : public QObject
{
    Q_OBJECT

private:
    PgTestDatabase m_database;
    TeamFixture m_team;

    QSqlDatabase& as(const QString& name)
    {
        QString error;
        QSqlDatabase* db = m_team.connectAs(name, &error);
        if (!db)
            qFatal("cannot log in as %s: %s", qPrintable(name), qPrintable(error));
        return *db;
    }

    int insertScript(QSqlDatabase& db, const QString& id, const QString& org, const QString& extra = {},
        QString* error = nullptr)
    {
        return PgTestDatabase::execute(db,
            QStringLiteral("INSERT INTO hub.call_scripts (id, org_id, name, opening_line, talking_points%1) "
                           "VALUES (?, ?, 'Dentists', 'Hi {{first_name}}', '[\"Bookings\"]'%2)")
                .arg(extra.isEmpty() ? QString() : QStringLiteral(", ") + extra.section(QLatin1Char('='), 0, 0),
                    extra.isEmpty() ? QString() : QStringLiteral(", ") + extra.section(QLatin1Char('='), 1)),
            { id, org }, error);
    }

private slots:
    void initTestCase()
    {
        HUB_REQUIRE_POSTGRES();
        QString error;
        QVERIFY2(m_database.create(&error), qPrintable(error));
        QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
    }

    void migrationIsRecorded()
    {
        QSqlDatabase* superuser = m_database.connectAsSuperuser();
        QVERIFY(superuser);
        QCOMPARE(PgTestDatabase::scalar(*superuser,
                     QStringLiteral("SELECT name FROM hub.schema_migrations WHERE version = 6"))
                     .toString(),
            QStringLiteral("call_scripts"));
        QCOMPARE(PgTestDatabase::column(*superuser,
                     QStringLiteral("SELECT table_name FROM hub_private.synced_tables WHERE table_name IN "
                                    "('call_scripts', 'playbooks', 'objections', 'call_script_objections') ORDER BY 1")),
            (QStringList { QStringLiteral("call_script_objections"), QStringLiteral("call_scripts"),
                QStringLiteral("objections"), QStringLiteral("playbooks") }));
    }

    void membersShareScriptsWithinTheirOrgOnly()
    {
        QString error;
        QSqlDatabase& eve = as(QStringLiteral("eve"));
        QCOMPARE(insertScript(eve, QStringLiteral("script-eve"), m_team.orgA, {}, &error), 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(PgTestDatabase::scalar(eve, QStringLiteral("SELECT rev FROM hub.call_scripts WHERE id = 'script-eve'"))
                    .toLongLong()
            > 0);
        QCOMPARE(PgTestDatabase::execute(eve,
                     QStringLiteral("INSERT INTO hub.objections (id, org_id, objection, response, category) VALUES "
                                    "('obj-a', ?, 'Too expensive', 'We can phase it.', 'price')"),
                     { m_team.orgA }, &error),
            1);
        QCOMPARE(PgTestDatabase::execute(eve,
                     QStringLiteral("INSERT INTO hub.call_script_objections (id, org_id, script_id, objection_id) "
                                    "VALUES ('link-a', ?, 'script-eve', 'obj-a')"),
                     { m_team.orgA }, &error),
            1);
        // Everyone in the org uses the script, including another team's employee.
        QCOMPARE(PgTestDatabase::scalar(as(QStringLiteral("ed")), QStringLiteral("SELECT count(*) FROM hub.call_scripts"))
                     .toInt(),
            1);

        // Globex sees nothing and cannot write into Acme.
        QSqlDatabase& bob = as(QStringLiteral("bob"));
        for (const char* table : { "call_scripts", "objections", "call_script_objections", "playbooks" })
            QCOMPARE(PgTestDatabase::scalar(bob, QStringLiteral("SELECT count(*) FROM hub.%1").arg(QLatin1String(table)))
                         .toInt(),
                0);
        QCOMPARE(insertScript(bob, QStringLiteral("script-bob-in-a"), m_team.orgA, {}, &error), -1);
        QVERIFY(!error.isEmpty());
        // A link in Globex's name to Acme's script and objection is refused.
        QCOMPARE(insertScript(bob, QStringLiteral("script-bob"), m_team.orgB, {}, &error), 1);
        QCOMPARE(PgTestDatabase::execute(bob,
                     QStringLiteral("INSERT INTO hub.call_script_objections (id, org_id, script_id, objection_id) "
                                    "VALUES ('link-b', ?, 'script-bob', 'obj-a')"),
                     { m_team.orgB }, &error),
            -1);
    }

    void onlyAdminsTombstone()
    {
        QString error;
        QSqlDatabase& eve = as(QStringLiteral("eve"));
        QCOMPARE(insertScript(eve, QStringLiteral("script-del"), m_team.orgA), 1);
        QCOMPARE(PgTestDatabase::execute(eve, QStringLiteral("UPDATE hub.call_scripts SET deleted = true WHERE id = "
                                                             "'script-del'"),
                     {}, &error),
            -1);
        QSqlDatabase& anna = as(QStringLiteral("anna"));
        QCOMPARE(PgTestDatabase::execute(anna, QStringLiteral("DELETE FROM hub.call_scripts WHERE id = 'script-del'")),
            0); // turned into a tombstone
        QVERIFY(PgTestDatabase::scalar(anna, QStringLiteral("SELECT deleted FROM hub.call_scripts WHERE id = 'script-del'"))
                    .toBool());
    }

    void checksRefuseBadData_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::newRow("rate max below min") << "rate_min_minor, rate_max_minor=500, 100";
        QTest::newRow("negative rate") << "rate_min_minor=-1";
        QTest::newRow("temperature above 2") << "temperature=3";
        QTest::newRow("negative usage") << "usage_count=-5";
    }

    void checksRefuseBadData()
    {
        QFETCH(QString, extra);
        QString error;
        QCOMPARE(insertScript(as(QStringLiteral("anna")), QUuid::createUuid().toString(QUuid::WithoutBraces),
                     m_team.orgA, extra, &error),
            -1);
        QVERIFY(error.contains(QLatin1String("check"), Qt::CaseInsensitive));
    }

    void pushMutationAcceptsAScript()
    {
        QSqlDatabase& eve = as(QStringLiteral("eve"));
        const QJsonObject fields { { QStringLiteral("name"), QStringLiteral("Pushed script") },
            { QStringLiteral("opening_line"), QStringLiteral("Hello {{first_name}}") },
            { QStringLiteral("talking_points"), QJsonArray { QStringLiteral("One"), QStringLiteral("Two") } },
            { QStringLiteral("rate_min_minor"), 1000 }, { QStringLiteral("rate_max_minor"), 2000 },
            { QStringLiteral("temperature"), 0.5 }, { QStringLiteral("usage_count"), 2 } };
        QSqlQuery query(eve);
        query.prepare(QStringLiteral("SELECT outcome, row_rev FROM hub.push_mutation(?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& value : { QVariant(QUuid::createUuid().toString(QUuid::WithoutBraces)), QVariant(m_team.orgA),
                 QVariant(QStringLiteral("call_scripts")), QVariant(QStringLiteral("script-pushed")),
                 QVariant(QStringLiteral("upsert")),
                 QVariant(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact))), QVariant() })
            query.addBindValue(value);
        QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
        QCOMPARE(query.value(0).toString(), QStringLiteral("applied"));
        QCOMPARE(PgTestDatabase::scalar(eve,
                     QStringLiteral("SELECT talking_points::text FROM hub.call_scripts WHERE id = 'script-pushed'"))
                     .toString(),
            QStringLiteral("[\"One\", \"Two\"]"));
    }
};

QTEST_GUILESS_MAIN(TestCallScriptsPg)
#include "tst_callscriptspg.moc"
