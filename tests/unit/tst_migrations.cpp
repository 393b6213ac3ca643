#include "services/storage/DatabaseExecutor.h"
#include "services/storage/MigrationRunner.h"
#include "services/storage/StageRepository.h"
#include "services/storage/WorkspaceInitializer.h"
#include "tests/support/TempWorkspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using HubTest::TempWorkspace;

namespace {
// Runs fn on a plain connection in this thread, the way another program would open the file.
template <typename Fn> void withRawDatabase(const QString& path, Fn fn)
{
    static int counter = 0;
    const QString name = QStringLiteral("raw-%1").arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        fn(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

QVariant scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.value(0);
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList folderListing(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

QString latestVersionText()
{
    return QString::number(MigrationRunner(QSqlDatabase()).latestKnownVersion());
}
} // namespace

class tst_Migrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(MigrationRunner(QSqlDatabase()).latestKnownVersion() >= 1,
            "no migrations found in :/sql/sqlite (resources not linked?)");
    }

    void newWorkspaceGetsLatestSchema()
    {
        TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        const int latest = MigrationRunner(QSqlDatabase()).latestKnownVersion();
        QCOMPARE(ws.openResult().schemaVersion, latest);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT MAX(version) FROM schema_migrations")), latest);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM schema_migrations")), latest);

        QStringList tables;
        QStringList triggers;
        ws.runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')"));
            while (query.next())
                (query.value(0).toString() == QLatin1String("table") ? tables : triggers)
                    .append(query.value(1).toString());
        });
        for (const char* table : { "schema_migrations", "organizations", "users", "pipeline_stages", "leads",
                 "leads_fts", "activities", "notifications", "workspace_info" }) {
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        }
        // The triggers that keep the search index current.
        for (const char* trigger : { "lead_derived_insert", "leads_fts_update", "leads_fts_delete" })
            QVERIFY2(triggers.contains(QLatin1String(trigger)), trigger);

        // The default pipeline, in order.
        PipelineStages stages;
        ws.runBlocking([&](QSqlDatabase& db) { stages = StageRepository(db).all(); });
        QStringList keys;
        for (const PipelineStage& stage : std::as_const(stages)) {
            keys.append(stage.key);
            QCOMPARE(stage.position, keys.size() - 1);
            QVERIFY(!stage.name.isEmpty());
            QVERIFY(!stage.id.isEmpty());
            QVERIFY(stage.color.isValid());
            QCOMPARE(stage.isClosed, stage.key == QLatin1String("won") || stage.key == QLatin1String("lost"));
        }
        QCOMPARE(keys,
            (QStringList { QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified"),
                QStringLiteral("proposal"), QStringLiteral("won"), QStringLiteral("lost") }));

        // Identity rows.
        const WorkspaceIdentity identity = ws.identity();
        QVERIFY(!identity.workspaceId.isEmpty());
        QVERIFY(identity.orgId != identity.userId);
        QCOMPARE(
            ws.countRows(QStringLiteral("SELECT count(*) FROM organizations WHERE id = '%1'").arg(identity.orgId)), 1);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM users WHERE id = '%1' AND org_id = '%2'")
                                  .arg(identity.userId, identity.orgId)),
            1);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM workspace_info WHERE key = 'app' AND value = "
                                             "'businesshub'")),
            1);

        // Connection settings of the app's connection.
        QVariant journalMode;
        QVariant foreignKeys;
        QVariant synchronous;
        ws.runBlocking([&](QSqlDatabase& db) {
            journalMode = scalar(db, QStringLiteral("PRAGMA journal_mode"));
            foreignKeys = scalar(db, QStringLiteral("PRAGMA foreign_keys"));
            synchronous = scalar(db, QStringLiteral("PRAGMA synchronous"));
        });
        QCOMPARE(journalMode.toString(), QStringLiteral("wal"));
        QCOMPARE(foreignKeys.toInt(), 1);
        QCOMPARE(synchronous.toInt(), 2); // FULL

        // WAL is a property of the file: another connection sees it too.
        withRawDatabase(ws.path(), [](QSqlDatabase& db) {
            QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        });

        // Foreign keys are enforced: a lead of an unknown organisation is refused.
        bool inserted = true;
        ws.runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            inserted = query.exec(QStringLiteral("INSERT INTO leads (id, org_id, name, created_at, updated_at) "
                                                 "VALUES ('x', 'no-such-org', 'X', '', '')"));
        });
        QVERIFY(!inserted);
    }

    void reopenIsIdempotent()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("workspace.sqlite"));

        WorkspaceIdentity first;
        {
            DatabaseExecutor executor;
            const OpenResult result = executor.openBlocking(path);
            QVERIFY2(result.ok(), qPrintable(result.message));
            executor.runBlocking([&](QSqlDatabase& db) {
                first = WorkspaceInitializer::identity(db);
                QVERIFY(exec(db,
                    QStringLiteral(
                        "INSERT INTO leads (id, org_id, name, created_at, updated_at) VALUES ('lead-1', '%1', "
                        "'Kept', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')")
                        .arg(first.orgId)));
            });
        }
        QVERIFY(!first.orgId.isEmpty());

        for (int round = 0; round < 3; ++round) {
            DatabaseExecutor executor;
            const OpenResult result = executor.openBlocking(path);
            QVERIFY2(result.ok(), qPrintable(result.message));
            QCOMPARE(result.schemaVersion, MigrationRunner(QSqlDatabase()).latestKnownVersion());
            WorkspaceIdentity identity;
            QVariantList counts;
            executor.runBlocking([&](QSqlDatabase& db) {
                identity = WorkspaceInitializer::identity(db);
                for (const char* sql :
                    { "SELECT count(*) FROM schema_migrations", "SELECT count(*) FROM pipeline_stages",
                        "SELECT count(*) FROM organizations", "SELECT count(*) FROM users",
                        "SELECT count(*) FROM workspace_info", "SELECT count(*) FROM leads" }) {
                    counts.append(scalar(db, QString::fromLatin1(sql)));
                }
            });
            QCOMPARE(identity.workspaceId, first.workspaceId);
            QCOMPARE(identity.orgId, first.orgId);
            QCOMPARE(identity.userId, first.userId);
            QCOMPARE(counts, (QVariantList { MigrationRunner(QSqlDatabase()).latestKnownVersion(), 6, 1, 1, 4, 1 }));
        }
    }

    void newerSchemaIsRefusedUntouched_data()
    {
        QTest::addColumn<QString>("journalMode");
        QTest::newRow("wal file") << QStringLiteral("wal");
        QTest::newRow("rollback-journal file") << QStringLiteral("delete");
    }

    void newerSchemaIsRefusedUntouched()
    {
        QFETCH(QString, journalMode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        {
            DatabaseExecutor executor;
            QVERIFY(executor.openBlocking(path).ok());
            executor.runBlocking([](QSqlDatabase& db) {
                QVERIFY(exec(db,
                    QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, "
                                   "'from_the_future', '2031-01-01T00:00:00.000Z')")));
            });
        }
        withRawDatabase(path, [&](QSqlDatabase& db) {
            QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode=") + journalMode).toString(), journalMode);
        });
        const QStringList filesBefore = folderListing(dir.path());
        QCOMPARE(filesBefore, QStringList { QStringLiteral("future.sqlite") });
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());

        DatabaseExecutor executor;
        const OpenResult result = executor.openBlocking(path);
        QCOMPARE(result.status, OpenResult::Status::NewerSchema);
        QCOMPARE(result.schemaVersion, 999);
        QVERIFY(result.message.contains(QStringLiteral("999")));
        QVERIFY(result.message.contains(latestVersionText()));

        QCOMPARE(folderListing(dir.path()), filesBefore);
        QVERIFY2(fileBytes(path) == before, "the refused file was modified");
    }

    void foreignFileIsRefusedUntouched_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: build an SQLite file of another program instead
        QTest::addColumn<QString>("journalMode");

        QByteArray random(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(7);
        generator.fillRange(reinterpret_cast<quint32*>(random.data()), random.size() / 4);
        QTest::newRow("random bytes") << random << QString();
        QTest::newRow("text file") << QByteArray("name,company\nJane,Acme Dental\n") << QString();
        QTest::newRow("one byte") << QByteArray("x") << QString();
        QTest::newRow("damaged: SQLite header, random rest")
            << QByteArray(QByteArray("SQLite format 3\0", 16) + random.left(4080)) << QString();
        QTest::newRow("other program's SQLite file") << QByteArray() << QStringLiteral("delete");
        QTest::newRow("other program's SQLite file in WAL mode") << QByteArray() << QStringLiteral("wal");
        QTest::newRow("Rails database (its own schema_migrations)") << QByteArray() << QStringLiteral("rails");
    }

    void foreignFileIsRefusedUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, journalMode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("other.db"));
        if (!content.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(content), content.size());
        } else {
            withRawDatabase(path, [&](QSqlDatabase& db) {
                if (journalMode == QLatin1String("rails")) {
                    QVERIFY(exec(
                        db, QStringLiteral("CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY)")));
                    QVERIFY(exec(db, QStringLiteral("INSERT INTO schema_migrations VALUES ('20240101123456')")));
                    QVERIFY(exec(db, QStringLiteral("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT)")));
                    return;
                }
                QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode=") + journalMode).toString(), journalMode);
                QVERIFY(exec(db, QStringLiteral("CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT)")));
                QVERIFY(exec(db, QStringLiteral("INSERT INTO foo (bar) VALUES ('keep me')")));
            });
        }
        const QStringList filesBefore = folderListing(dir.path());
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());

        DatabaseExecutor executor;
        const OpenResult result = executor.openBlocking(path);
        QCOMPARE(result.status, OpenResult::Status::NotBusinessHub);
        QVERIFY(!result.message.isEmpty());

        QCOMPARE(folderListing(dir.path()), filesBefore);
        QVERIFY2(fileBytes(path) == before, "the refused file was modified");

        // The executor is still usable for a real workspace afterwards.
        const OpenResult next = executor.openBlocking(dir.filePath(QStringLiteral("real.sqlite")));
        QVERIFY2(next.ok(), qPrintable(next.message));
    }

    void cannotOpen_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("path is a folder") << QStringLiteral("folder");
        QTest::newRow("parent is a file") << QStringLiteral("file-parent");
    }

    void cannotOpen()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString path;
        if (kind == QLatin1String("folder")) {
            path = dir.filePath(QStringLiteral("a-folder.sqlite"));
            QVERIFY(QDir().mkpath(path));
        } else {
            QFile file(dir.filePath(QStringLiteral("plain-file")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x");
            file.close();
            path = dir.filePath(QStringLiteral("plain-file/sub/workspace.sqlite"));
        }
        DatabaseExecutor executor;
        const OpenResult result = executor.openBlocking(path);
        QCOMPARE(result.status, OpenResult::Status::CannotOpen);
        QVERIFY(!result.message.isEmpty());
        QVERIFY(!result.ok());
    }

    void emptyFileBecomesWorkspace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("touched.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        DatabaseExecutor executor;
        const OpenResult result = executor.openBlocking(path);
        QVERIFY2(result.ok(), qPrintable(result.message));
    }

    void missingFolderIsCreated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("a/b/c/workspace.sqlite"));
        DatabaseExecutor executor;
        const OpenResult result = executor.openBlocking(path);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QVERIFY(QFile::exists(path));
    }

    // A migration that fails half-way is rolled back completely and the version stays where it was.
    void failedMigrationChangesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString scripts = dir.filePath(QStringLiteral("sql"));
        QVERIFY(QDir().mkpath(scripts));
        QVERIFY(QFile::copy(
            QStringLiteral(":/sql/sqlite/0001_initial.sql"), scripts + QStringLiteral("/0001_initial.sql")));
        {
            QFile broken(scripts + QStringLiteral("/0002_broken.sql"));
            QVERIFY(broken.open(QIODevice::WriteOnly));
            broken.write("CREATE TABLE added_by_two (id TEXT);\n"
                         "INSERT INTO added_by_two VALUES ('x');\n"
                         "ALTER TABLE no_such_table ADD COLUMN y TEXT;\n");
        }
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        withRawDatabase(path, [&](QSqlDatabase& db) {
            MigrationRunner runner(db, scripts);
            QCOMPARE(runner.latestKnownVersion(), 2);
            const OpenResult result = runner.migrate();
            QCOMPARE(result.status, OpenResult::Status::MigrationFailed);
            QCOMPARE(result.schemaVersion, 1);
            QVERIFY(result.message.contains(QStringLiteral("2")));
            QCOMPARE(MigrationRunner::currentVersion(db), 1);
            QCOMPARE(
                scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'added_by_two'")).toInt(),
                0);
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'leads'")).toInt(), 1);

            // With the broken script fixed, the next start applies it.
            QFile fixed(scripts + QStringLiteral("/0002_broken.sql"));
            QVERIFY(fixed.open(QIODevice::WriteOnly | QIODevice::Truncate));
            fixed.write("CREATE TABLE added_by_two (id TEXT);\n");
            fixed.close();
            const OpenResult retried = MigrationRunner(db, scripts).migrate();
            QVERIFY2(retried.ok(), qPrintable(retried.message));
            QCOMPARE(retried.schemaVersion, 2);
            QCOMPARE(MigrationRunner::currentVersion(db), 2);
        });
    }

    void splitStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");

        QTest::newRow("empty") << QString() << QStringList {};
        QTest::newRow("two statements") << QStringLiteral("CREATE TABLE a (x);\nCREATE TABLE b (y);\n")
                                        << QStringList { QStringLiteral("CREATE TABLE a (x);"),
                                               QStringLiteral("CREATE TABLE b (y);") };
        QTest::newRow("multi-line statement and comments")
            << QStringLiteral("-- header\n\nCREATE TABLE a (\n    x TEXT -- inline\n);\n\n-- between\nDROP TABLE a;")
            << QStringList { QStringLiteral("CREATE TABLE a (\n    x TEXT -- inline\n);"),
                   QStringLiteral("DROP TABLE a;") };
        QTest::newRow("trigger stays whole") << QStringLiteral("CREATE TABLE t (x);\n"
                                                               "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n"
                                                               "    INSERT INTO log VALUES (new.x);\n"
                                                               "    UPDATE counter SET n = n + 1;\n"
                                                               "END;\n"
                                                               "CREATE INDEX t_x ON t (x);\n")
                                             << QStringList { QStringLiteral("CREATE TABLE t (x);"),
                                                    QStringLiteral("CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n"
                                                                   "    INSERT INTO log VALUES (new.x);\n"
                                                                   "    UPDATE counter SET n = n + 1;\n"
                                                                   "END;"),
                                                    QStringLiteral("CREATE INDEX t_x ON t (x);") };
        QTest::newRow("semicolon in a string")
            << QStringLiteral("INSERT INTO t VALUES ('a;\nb');\nSELECT 1;")
            << QStringList { QStringLiteral("INSERT INTO t VALUES ('a;\nb');"), QStringLiteral("SELECT 1;") };
        QTest::newRow("last statement without semicolon") << QStringLiteral(
            "SELECT 1;\nSELECT 2") << QStringList { QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 2") };
    }

    void splitStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QCOMPARE(MigrationRunner::splitStatements(script), statements);
    }

    void initialMigrationSplitsIntoCompleteStatements()
    {
        QFile file(QStringLiteral(":/sql/sqlite/0001_initial.sql"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList statements = MigrationRunner::splitStatements(QString::fromUtf8(file.readAll()));
        int triggers = 0;
        for (const QString& statement : statements) {
            QVERIFY2(statement.endsWith(QLatin1Char(';')), qPrintable(statement));
            if (statement.startsWith(QStringLiteral("CREATE TRIGGER"))) {
                ++triggers;
                QVERIFY2(statement.endsWith(QStringLiteral("END;")), qPrintable(statement));
                QCOMPARE(statement.count(QStringLiteral("INSERT INTO leads_fts")) >= 1, true);
            }
        }
        QCOMPARE(triggers, 3);
    }
};

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
