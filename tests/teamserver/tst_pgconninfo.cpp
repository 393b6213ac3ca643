#include "services/teamserver/PgConnInfo.h"

#include <QSqlDatabase>
#include <QTest>

class TestPgConnInfo : public QObject
{
    Q_OBJECT

private slots:
    void parsesKeywordStrings();
    void parsesUris();
    void roundTrips();
    void rejectsMalformedStrings_data();
    void rejectsMalformedStrings();
    void describeNeverShowsThePassword();
};

void TestPgConnInfo::parsesKeywordStrings()
{
    PgConnInfo info;
    QString error;
    QVERIFY2(PgConnInfo::parse(QStringLiteral("host=db.example.com  port = 6543 dbname=hub user=anna@acme.test "
                                              "password='it\\'s \\'quoted\\' \\\\ ok' sslmode=verify-full "
                                              "sslrootcert='/etc/ssl/my ca.pem'"),
                 &info, &error),
        qPrintable(error));
    QCOMPARE(info.host(), QStringLiteral("db.example.com"));
    QCOMPARE(info.port(), 6543);
    QCOMPARE(info.databaseName(), QStringLiteral("hub"));
    QCOMPARE(info.userName(), QStringLiteral("anna@acme.test"));
    // Inside quotes a backslash escapes the next character, as in libpq.
    QCOMPARE(info.password(), QStringLiteral("it's 'quoted' \\ ok"));
    QCOMPARE(info.option(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
    QCOMPARE(info.option(QStringLiteral("sslrootcert")), QStringLiteral("/etc/ssl/my ca.pem"));
}

void TestPgConnInfo::parsesUris()
{
    PgConnInfo info;
    QString error;
    QVERIFY2(PgConnInfo::parse(QStringLiteral("postgresql://anna%40acme.test:p%20w@db.example.com:5433/hub?"
                                              "sslmode=require&application_name=hub"),
                 &info, &error),
        qPrintable(error));
    QCOMPARE(info.host(), QStringLiteral("db.example.com"));
    QCOMPARE(info.port(), 5433);
    QCOMPARE(info.databaseName(), QStringLiteral("hub"));
    QCOMPARE(info.userName(), QStringLiteral("anna@acme.test"));
    QCOMPARE(info.password(), QStringLiteral("p w"));
    QCOMPARE(info.option(QStringLiteral("sslmode")), QStringLiteral("require"));
    QCOMPARE(info.option(QStringLiteral("application_name")), QStringLiteral("hub"));
}

void TestPgConnInfo::roundTrips()
{
    PgConnInfo info;
    QString error;
    QVERIFY(PgConnInfo::parse(
        QStringLiteral("host=h port=1 dbname='my db' user=u password='a b\\'c' sslmode=require"), &info, &error));
    PgConnInfo again;
    QVERIFY2(PgConnInfo::parse(info.toString(), &again, &error), qPrintable(error));
    QCOMPARE(again.databaseName(), QStringLiteral("my db"));
    QCOMPARE(again.password(), QStringLiteral("a b'c"));
    QCOMPARE(again.option(QStringLiteral("sslmode")), QStringLiteral("require"));

    if (QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("apply"));
        info.applyTo(db);
        QCOMPARE(db.hostName(), QStringLiteral("h"));
        QCOMPARE(db.port(), 1);
        QCOMPARE(db.databaseName(), QStringLiteral("my db"));
        QCOMPARE(db.connectOptions(), QStringLiteral("sslmode=require"));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("apply"));
    }
}

void TestPgConnInfo::rejectsMalformedStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no value") << QStringLiteral("host") << QStringLiteral("host");
    QTest::newRow("open quote") << QStringLiteral("password='abc") << QStringLiteral("quote");
    QTest::newRow("bad port") << QStringLiteral("port=http") << QStringLiteral("http");
    QTest::newRow("port range") << QStringLiteral("port=70000") << QStringLiteral("70000");
    QTest::newRow("no name") << QStringLiteral("=x") << QStringLiteral("without a name");
    QTest::newRow("bad uri") << QStringLiteral("postgresql://[::1") << QStringLiteral("postgresql://");
}

void TestPgConnInfo::rejectsMalformedStrings()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    PgConnInfo info;
    QString error;
    QVERIFY(!PgConnInfo::parse(text, &info, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestPgConnInfo::describeNeverShowsThePassword()
{
    PgConnInfo info;
    QString error;
    QVERIFY(
        PgConnInfo::parse(QStringLiteral("host=db port=5432 dbname=hub user=anna password=hunter2"), &info, &error));
    QCOMPARE(info.describe(), QStringLiteral("anna@db:5432/hub"));
    QVERIFY(!info.describe().contains(QLatin1String("hunter2")));
}

QTEST_GUILESS_MAIN(TestPgConnInfo)
#include "tst_pgconninfo.moc"
