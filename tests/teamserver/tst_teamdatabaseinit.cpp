#include "services/teamserver/PgConnection.h"
#include "services/teamserver/PgSchemaMigrator.h"
#include "services/teamserver/TeamDatabaseInitializer.h"
#include "tests/teamserver/PgTestDatabase.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// --init-db and --migrate against a real PostgreSQL: an empty database is prepared, everything else is refused
// without being touched.
class TestTeamDatabaseInit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void preparesAnEmptyDatabase();
    void refusesASecondInit();
    void refusesANewerSchema();
    void refusesAForeignDatabase();
    void refusesANonSuperuser();
    void failureLeavesTheDatabaseEmpty();
    void reportsConnectionFailures();
    void rejectsInvalidInputWithoutConnecting_data();
    void rejectsInvalidInputWithoutConnecting();
    void upgradesAnOlderSchema();

private:
    static constexpr auto kPassword = "Owner-Secret-1";
};

void TestTeamDatabaseInit::initTestCase()
{
    HUB_REQUIRE_POSTGRES();
}

void TestTeamDatabaseInit::preparesAnEmptyDatabase()
{
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    const ServerSetupResult result
        = database.initialize(QStringLiteral("Acme"), QStringLiteral("Anna@Acme.test"), QString::fromLatin1(kPassword));
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.schemaVersion, TeamDatabaseInitializer::latestSchemaVersion());
    QVERIFY(result.schemaVersion >= 5);
    QCOMPARE(result.ownerLogin, database.loginPrefix() + QStringLiteral("anna@acme.test"));
    QVERIFY(result.message.contains(result.ownerLogin));

    QSqlDatabase* superuser = database.connectAsSuperuser(&error);
    QVERIFY2(superuser, qPrintable(error));
    // One version row per migration, in order.
    QStringList versions;
    for (int v = 1; v <= result.schemaVersion; ++v)
        versions.append(QString::number(v));
    QCOMPARE(PgTestDatabase::column(*superuser, QStringLiteral("SELECT version FROM hub.schema_migrations ORDER BY 1")),
        versions);
    // The owner's login role is an ordinary one: no superuser, no role creation, no RLS bypass.
    QCOMPARE(PgTestDatabase::scalar(*superuser,
                 QStringLiteral("SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreaterole AND NOT rolbypassrls "
                                "AND NOT rolcreatedb FROM pg_roles WHERE rolname = ?"),
                 { result.ownerLogin })
                 .toBool(),
        true);

    // The owner logs in with the password and sees their org, its default pipeline and their membership.
    QSqlDatabase* owner = database.connectAs(result.ownerLogin, QString::fromLatin1(kPassword), &error);
    QVERIFY2(owner, qPrintable(error));
    QCOMPARE(PgTestDatabase::scalar(*owner, QStringLiteral("SELECT org_name || '/' || role FROM hub.my_memberships()"))
                 .toString(),
        QStringLiteral("Acme/owner"));
    QCOMPARE(PgTestDatabase::scalar(*owner, QStringLiteral("SELECT count(*) FROM hub.pipeline_stages")).toInt(), 6);
    QCOMPARE(PgTestDatabase::scalar(
                 *owner, QStringLiteral("SELECT org_id FROM hub.users WHERE id = ?"), { result.ownerUserId })
                 .toString(),
        result.orgId);
    // The search path of the database leads to the schema without qualification.
    QCOMPARE(PgTestDatabase::scalar(*owner, QStringLiteral("SELECT count(*) FROM organizations")).toInt(), 1);
    // A wrong password is refused.
    QVERIFY(!database.connectAs(result.ownerLogin, QStringLiteral("wrong"), &error));
    QVERIFY2(error.contains(QLatin1String("password authentication failed")), qPrintable(error));
}

void TestTeamDatabaseInit::refusesASecondInit()
{
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    QVERIFY(
        database.initialize(QStringLiteral("Acme"), QStringLiteral("anna@acme.test"), QString::fromLatin1(kPassword))
            .ok());
    const ServerSetupResult again
        = database.initialize(QStringLiteral("Other"), QStringLiteral("otto@other.test"), QStringLiteral("pw"));
    QCOMPARE(again.status, ServerSetupResult::Status::AlreadyInitialized);
    QVERIFY2(again.message.contains(QLatin1String("--migrate")), qPrintable(again.message));
    QSqlDatabase* superuser = database.connectAsSuperuser(&error);
    QVERIFY(superuser);
    QCOMPARE(PgTestDatabase::column(*superuser, QStringLiteral("SELECT name FROM hub.organizations")),
        QStringList { QStringLiteral("Acme") });
    QCOMPARE(PgTestDatabase::scalar(*superuser, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"),
                 { QString(database.loginPrefix() + QStringLiteral("otto@other.test")) })
                 .toInt(),
        0);
}

void TestTeamDatabaseInit::refusesANewerSchema()
{
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    QVERIFY(
        database.initialize(QStringLiteral("Acme"), QStringLiteral("anna@acme.test"), QString::fromLatin1(kPassword))
            .ok());
    QSqlDatabase* superuser = database.connectAsSuperuser(&error);
    QVERIFY(superuser);
    QCOMPARE(PgTestDatabase::execute(*superuser,
                 QStringLiteral("INSERT INTO hub.schema_migrations (version, name) VALUES (9999, 'from_the_future')")),
        1);

    const ServerSetupResult init
        = database.initialize(QStringLiteral("Acme"), QStringLiteral("anna@acme.test"), QString::fromLatin1(kPassword));
    QCOMPARE(init.status, ServerSetupResult::Status::NewerSchema);
    QCOMPARE(init.schemaVersion, 9999);
    QVERIFY2(init.message.contains(QLatin1String("newer")), qPrintable(init.message));

    const ServerSetupResult upgrade = TeamDatabaseInitializer::upgrade(database.superuserInfo());
    QCOMPARE(upgrade.status, ServerSetupResult::Status::NewerSchema);
    QVERIFY2(upgrade.message.contains(QLatin1String("9999")), qPrintable(upgrade.message));
}

void TestTeamDatabaseInit::refusesAForeignDatabase()
{
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    QSqlDatabase* superuser = database.connectAsSuperuser(&error);
    QVERIFY(superuser);
    QCOMPARE(PgTestDatabase::execute(*superuser, QStringLiteral("CREATE TABLE public.customers (id int)")), 0);

    const ServerSetupResult result
        = database.initialize(QStringLiteral("Acme"), QStringLiteral("anna@acme.test"), QString::fromLatin1(kPassword));
    QCOMPARE(result.status, ServerSetupResult::Status::ForeignDatabase);
    QVERIFY2(result.message.contains(QLatin1String("public.customers")), qPrintable(result.message));
    // Untouched: no schema, no roles.
    QCOMPARE(PgTestDatabase::scalar(*superuser,
                 QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname "
                                "IN ('hub', 'hub_private')"))
                 .toInt(),
        0);
    QCOMPARE(PgTestDatabase::scalar(*superuser, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"),
                 { TeamDatabaseInitializer::ownerRoleFor(database.name()) })
                 .toInt(),
        0);

    const ServerSetupResult upgrade = TeamDatabaseInitializer::upgrade(database.superuserInfo());
    QCOMPARE(upgrade.status, ServerSetupResult::Status::NotInitialized);
}

void TestTeamDatabaseInit::refusesANonSuperuser()
{
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    const ServerSetupResult first
        = database.initialize(QStringLiteral("Acme"), QStringLiteral("anna@acme.test"), QString::fromLatin1(kPassword));
    QVERIFY(first.ok());
    const ServerSetupResult upgrade
        = TeamDatabaseInitializer::upgrade(database.loginInfo(first.ownerLogin, QString::fromLatin1(kPassword)));
    QCOMPARE(upgrade.status, ServerSetupResult::Status::NotSuperuser);
    QVERIFY2(upgrade.message.contains(first.ownerLogin), qPrintable(upgrade.message));
}

void TestTeamDatabaseInit::failureLeavesTheDatabaseEmpty()
{
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    // The login role name (prefix + e-mail) exceeds PostgreSQL's 63 bytes: the last step fails.
    const QString longEmail = QString(60, QLatin1Char('x')) + QStringLiteral("@acme.test");
    const ServerSetupResult result
        = database.initialize(QStringLiteral("Acme"), longEmail, QString::fromLatin1(kPassword));
    QCOMPARE(result.status, ServerSetupResult::Status::Failed);
    QVERIFY2(result.message.contains(QLatin1String("63")), qPrintable(result.message));

    QSqlDatabase* superuser = database.connectAsSuperuser(&error);
    QVERIFY(superuser);
    PgSchemaMigrator migrator(*superuser);
    QCOMPARE(migrator.inspect(&error).kind, PgSchemaMigrator::State::Kind::Empty);
    QCOMPARE(PgTestDatabase::scalar(*superuser, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN (?, ?)"),
                 { TeamDatabaseInitializer::ownerRoleFor(database.name()),
                     TeamDatabaseInitializer::memberRoleFor(database.name()) })
                 .toInt(),
        0);
    // And it can be prepared properly afterwards.
    QVERIFY(
        database.initialize(QStringLiteral("Acme"), QStringLiteral("anna@acme.test"), QString::fromLatin1(kPassword))
            .ok());
}

void TestTeamDatabaseInit::reportsConnectionFailures()
{
    PgTestDatabase database;
    PgConnInfo info = database.superuserInfo();
    info.setDatabaseName(QStringLiteral("hub_no_such_database"));
    TeamOrganizationSetup setup;
    setup.name = QStringLiteral("Acme");
    setup.ownerEmail = QStringLiteral("anna@acme.test");
    setup.ownerPassword = QStringLiteral("pw");
    const ServerSetupResult result = TeamDatabaseInitializer::initialize(info, setup);
    QCOMPARE(result.status, ServerSetupResult::Status::ConnectionFailed);
    QVERIFY2(result.message.contains(QLatin1String("hub_no_such_database")), qPrintable(result.message));
}

void TestTeamDatabaseInit::rejectsInvalidInputWithoutConnecting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::newRow("no org name") << QString() << QStringLiteral("EUR") << QStringLiteral("a@b.c")
                                 << QStringLiteral("pw");
    QTest::newRow("bad currency") << QStringLiteral("Acme") << QStringLiteral("euro") << QStringLiteral("a@b.c")
                                  << QStringLiteral("pw");
    QTest::newRow("bad e-mail") << QStringLiteral("Acme") << QStringLiteral("EUR") << QStringLiteral("anna")
                                << QStringLiteral("pw");
    QTest::newRow("hostile e-mail") << QStringLiteral("Acme") << QStringLiteral("EUR")
                                    << QStringLiteral("x\"; DROP ROLE postgres; --@a b") << QStringLiteral("pw");
    QTest::newRow("no password") << QStringLiteral("Acme") << QStringLiteral("EUR") << QStringLiteral("a@b.c")
                                 << QString();
}

void TestTeamDatabaseInit::rejectsInvalidInputWithoutConnecting()
{
    QFETCH(QString, name);
    QFETCH(QString, currency);
    QFETCH(QString, email);
    QFETCH(QString, password);
    PgConnInfo unreachable;
    QString error;
    QVERIFY(PgConnInfo::parse(QStringLiteral("host=127.0.0.1 port=1 connect_timeout=1"), &unreachable, &error));
    TeamOrganizationSetup setup;
    setup.name = name;
    setup.currency = currency;
    setup.ownerEmail = email;
    setup.ownerPassword = password;
    const ServerSetupResult result = TeamDatabaseInitializer::initialize(unreachable, setup);
    QCOMPARE(result.status, ServerSetupResult::Status::InvalidInput);
    QVERIFY(!result.message.isEmpty());
}

// A database prepared by an older version (migrations up to 4) is brought to the newest schema by --migrate,
// keeping its data; running it again changes nothing.
void TestTeamDatabaseInit::upgradesAnOlderSchema()
{
    QTemporaryDir older;
    QVERIFY(older.isValid());
    QVERIFY(QDir(older.path()).mkpath(QStringLiteral("setup")));
    QVERIFY(QFile::copy(QStringLiteral(":/sql/postgres/setup/prepare_database.sql"),
        older.filePath(QStringLiteral("setup/prepare_database.sql"))));
    for (const QString& file : QDir(QStringLiteral(":/sql/postgres")).entryList({ QStringLiteral("000[1-4]_*.sql") }))
        QVERIFY(QFile::copy(QStringLiteral(":/sql/postgres/") + file, older.filePath(file)));

    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    QSqlDatabase* superuser = database.connectAsSuperuser(&error);
    QVERIFY(superuser);
    const PgScript::Variables variables { { QStringLiteral("owner_role"),
                                              TeamDatabaseInitializer::ownerRoleFor(database.name()) },
        { QStringLiteral("member_role"), TeamDatabaseInitializer::memberRoleFor(database.name()) },
        { QStringLiteral("login_prefix"), database.loginPrefix() } };
    PgSchemaMigrator migrator(*superuser, older.path());
    QVERIFY(superuser->transaction());
    error = migrator.prepare(variables);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(superuser->commit());
    error = migrator.applyFrom(0, variables, true);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(PgSchemaMigrator::currentVersion(*superuser), 4);
    QVERIFY(PgTestDatabase::scalar(*superuser,
        QStringLiteral(
            "SELECT org_id FROM hub_private.create_organization('Acme', 'EUR', 'anna@acme.test', 'Anna', ?)"),
        { QString::fromLatin1(kPassword) })
                .isValid());
    QCOMPARE(
        PgTestDatabase::scalar(*superuser, QStringLiteral("SELECT to_regproc('hub.push_mutation') IS NULL")).toBool(),
        true);

    const ServerSetupResult upgraded = TeamDatabaseInitializer::upgrade(database.superuserInfo());
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.message));
    QCOMPARE(upgraded.schemaVersion, TeamDatabaseInitializer::latestSchemaVersion());
    QVERIFY2(upgraded.message.contains(QLatin1String("from schema 4")), qPrintable(upgraded.message));
    QCOMPARE(
        PgTestDatabase::scalar(*superuser, QStringLiteral("SELECT to_regproc('hub.push_mutation') IS NULL")).toBool(),
        false);
    QCOMPARE(PgTestDatabase::scalar(*superuser, QStringLiteral("SELECT count(*) FROM hub.organizations")).toInt(), 1);

    const ServerSetupResult again = TeamDatabaseInitializer::upgrade(database.superuserInfo());
    QVERIFY2(again.ok(), qPrintable(again.message));
    QVERIFY2(again.message.contains(QLatin1String("up to date")), qPrintable(again.message));
}

QTEST_GUILESS_MAIN(TestTeamDatabaseInit)
#include "tst_teamdatabaseinit.moc"
