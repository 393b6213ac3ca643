#include "services/teamserver/PgScript.h"

#include <QDir>
#include <QFile>
#include <QTest>

// PgScript splits the server's SQL files the way psql does; a wrong split would run half a function body.
class TestPgScript : public QObject
{
    Q_OBJECT

private slots:
    void splitsStatements_data();
    void splitsStatements();
    void substitutesVariables();
    void leavesCastsAndParametersAlone();
    void rejectsBrokenScripts_data();
    void rejectsBrokenScripts();
    void everyShippedScriptSplits();
};

void TestPgScript::splitsStatements_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("two plain") << QStringLiteral("SELECT 1;\nSELECT 2;")
                               << QStringList { QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2") };
    QTest::newRow("no final semicolon") << QStringLiteral("SELECT 1;  SELECT 2  ")
                                        << QStringList { QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2") };
    QTest::newRow("semicolon in string") << QStringLiteral("SELECT 'a;b', 'it''s;';SELECT 3")
                                         << QStringList { QStringLiteral("SELECT 'a;b', 'it''s;'"),
                                                QStringLiteral("SELECT 3") };
    QTest::newRow("escape string") << QStringLiteral("SELECT E'a\\';b';SELECT 4")
                                   << QStringList { QStringLiteral("SELECT E'a\\';b'"), QStringLiteral("SELECT 4") };
    QTest::newRow("quoted identifier") << QStringLiteral("SELECT 1 AS \"x;\"\"y\";SELECT 5")
                                       << QStringList { QStringLiteral("SELECT 1 AS \"x;\"\"y\""),
                                              QStringLiteral("SELECT 5") };
    QTest::newRow("dollar body") << QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;"
                                                   "SELECT f()")
                                 << QStringList { QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ "
                                                                 "LANGUAGE sql"),
                                        QStringLiteral("SELECT f()") };
    QTest::newRow("tagged body with inner $$")
        << QStringLiteral("DO $outer$ BEGIN EXECUTE $$SELECT ';'$$; END $outer$;SELECT 6")
        << QStringList { QStringLiteral("DO $outer$ BEGIN EXECUTE $$SELECT ';'$$; END $outer$"),
               QStringLiteral("SELECT 6") };
    QTest::newRow("comments") << QStringLiteral("-- a; comment\nSELECT 1; /* b; /* nested; */ c; */ SELECT 2;\n-- end;")
                              << QStringList { QStringLiteral("-- a; comment\nSELECT 1"),
                                     QStringLiteral("/* b; /* nested; */ c; */ SELECT 2") };
    QTest::newRow("only comments") << QStringLiteral("-- nothing;\n/* here; */\n;;") << QStringList {};
}

void TestPgScript::splitsStatements()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QStringList result;
    QString error;
    QVERIFY2(PgScript::split(script, {}, &result, &error), qPrintable(error));
    QCOMPARE(result, statements);
}

void TestPgScript::substitutesVariables()
{
    QStringList result;
    QString error;
    const PgScript::Variables variables { { QStringLiteral("role"), QStringLiteral("we\"ird") },
        { QStringLiteral("prefix"), QStringLiteral("o'neil_") } };
    QVERIFY(PgScript::split(
        QStringLiteral("GRANT x TO :\"role\"; INSERT INTO t VALUES (:'prefix');"), variables, &result, &error));
    QCOMPARE(result,
        QStringList(
            { QStringLiteral("GRANT x TO \"we\"\"ird\""), QStringLiteral("INSERT INTO t VALUES ('o''neil_')") }));

    // Inside quotes and bodies nothing is substituted, as in psql.
    QVERIFY(PgScript::split(QStringLiteral("SELECT ':''role''', $$ :\"role\" $$"), variables, &result, &error));
    QCOMPARE(result, QStringList { QStringLiteral("SELECT ':''role''', $$ :\"role\" $$") });
}

void TestPgScript::leavesCastsAndParametersAlone()
{
    QStringList result;
    QString error;
    QVERIFY(PgScript::split(QStringLiteral("SELECT '{}'::jsonb, x::\"char\", $1, a$b FROM t"), {}, &result, &error));
    QCOMPARE(result, QStringList { QStringLiteral("SELECT '{}'::jsonb, x::\"char\", $1, a$b FROM t") });
}

void TestPgScript::rejectsBrokenScripts_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("expected");
    QTest::newRow("open string") << QStringLiteral("SELECT 'abc; SELECT 2") << QStringLiteral("string");
    QTest::newRow("open identifier") << QStringLiteral("SELECT \"abc") << QStringLiteral("identifier");
    QTest::newRow("open body") << QStringLiteral("DO $x$ BEGIN END $y$") << QStringLiteral("$x$");
    QTest::newRow("open comment") << QStringLiteral("SELECT 1 /* /* */") << QStringLiteral("comment");
    QTest::newRow("unknown variable") << QStringLiteral("GRANT x TO :\"nobody\"") << QStringLiteral("nobody");
}

void TestPgScript::rejectsBrokenScripts()
{
    QFETCH(QString, script);
    QFETCH(QString, expected);
    QStringList result;
    QString error;
    QVERIFY(!PgScript::split(script, {}, &result, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestPgScript::everyShippedScriptSplits()
{
    const PgScript::Variables variables { { QStringLiteral("owner_role"), QStringLiteral("o") },
        { QStringLiteral("member_role"), QStringLiteral("m") }, { QStringLiteral("login_prefix"), QString() } };
    QStringList files;
    for (const QString& dir : { QStringLiteral(":/sql/postgres"), QStringLiteral(":/sql/postgres/setup") }) {
        for (const QString& name : QDir(dir).entryList({ QStringLiteral("*.sql") }, QDir::Files))
            files.append(dir + QLatin1Char('/') + name);
    }
    QVERIFY(files.size() >= 6);
    for (const QString& path : std::as_const(files)) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList statements;
        QString error;
        QVERIFY2(PgScript::split(QString::fromUtf8(file.readAll()), variables, &statements, &error),
            qPrintable(path + QStringLiteral(": ") + error));
        QVERIFY2(!statements.isEmpty(), qPrintable(path));
        // No psql variable is left for the server to choke on.
        for (const QString& statement : std::as_const(statements))
            QVERIFY2(!statement.contains(QLatin1String(":\"")), qPrintable(statement.left(200)));
    }
}

QTEST_GUILESS_MAIN(TestPgScript)
#include "tst_pgscript.moc"
