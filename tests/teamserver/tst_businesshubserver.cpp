#include "tests/teamserver/PgTestDatabase.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The businesshub-server executable as an administrator runs it (installer/server/README.md).
class TestBusinessHubServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initDbPreparesTheDatabase();
    void initDbReadsThePasswordFromStandardInput();
    void badArgumentsExitWithUsageErrors_data();
    void badArgumentsExitWithUsageErrors();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList& arguments, const QByteArray& input = {});
    QString writePasswordFile(const QByteArray& content);

    QTemporaryDir m_dir;
};

void TestBusinessHubServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(HUB_SERVER_BINARY)), HUB_SERVER_BINARY);
    // The usage checks below need no server; the rest do.
}

TestBusinessHubServer::Run TestBusinessHubServer::run(const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    process.start(QStringLiteral(HUB_SERVER_BINARY), arguments);
    if (!process.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

QString TestBusinessHubServer::writePasswordFile(const QByteArray& content)
{
    static int counter = 0;
    const QString path = m_dir.filePath(QStringLiteral("password-%1").arg(++counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void TestBusinessHubServer::initDbPreparesTheDatabase()
{
    HUB_REQUIRE_POSTGRES();
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    const QString conninfo = database.superuserInfo().toString();
    const QStringList arguments { QStringLiteral("--init-db"), conninfo, QStringLiteral("--owner-email"),
        QStringLiteral("Owner@Agency.test"), QStringLiteral("--owner-password-file"),
        writePasswordFile("Pass word with spaces\n"), QStringLiteral("--org-name"), QStringLiteral("Agency"),
        QStringLiteral("--currency"), QStringLiteral("GBP"), QStringLiteral("--login-prefix"), database.loginPrefix() };
    const Run first = run(arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QString login = database.loginPrefix() + QStringLiteral("owner@agency.test");
    QVERIFY2(first.out.contains(login), qPrintable(first.out));
    // The password never shows up in the output.
    QVERIFY(!first.out.contains(QLatin1String("Pass word")) && !first.err.contains(QLatin1String("Pass word")));

    // The owner logs in with the password from the file (without its line break).
    QSqlDatabase* owner = database.connectAs(login, QStringLiteral("Pass word with spaces"), &error);
    QVERIFY2(owner, qPrintable(error));
    QCOMPARE(PgTestDatabase::scalar(*owner, QStringLiteral("SELECT name || ' ' || currency FROM hub.organizations"))
                 .toString(),
        QStringLiteral("Agency GBP"));

    // Run again: refused, and said why.
    const Run second = run(arguments);
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains(QLatin1String("already a Business Hub database")), qPrintable(second.err));

    // --migrate on an up-to-date database changes nothing and says so.
    const Run migrate = run({ QStringLiteral("--migrate"), conninfo });
    QVERIFY2(migrate.exitCode == 0, qPrintable(migrate.err));
    QVERIFY2(migrate.out.contains(QLatin1String("up to date")), qPrintable(migrate.out));
}

void TestBusinessHubServer::initDbReadsThePasswordFromStandardInput()
{
    HUB_REQUIRE_POSTGRES();
    PgTestDatabase database;
    QString error;
    QVERIFY2(database.create(&error), qPrintable(error));
    const Run result
        = run({ QStringLiteral("--init-db"), database.superuserInfo().toString(), QStringLiteral("--owner-email"),
                  QStringLiteral("anna@acme.test"), QStringLiteral("--owner-password-file"), QStringLiteral("-"),
                  QStringLiteral("--login-prefix"), database.loginPrefix() },
            "From-stdin-1\r\n");
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(database.connectAs(
                 database.loginPrefix() + QStringLiteral("anna@acme.test"), QStringLiteral("From-stdin-1"), &error),
        qPrintable(error));
}

void TestBusinessHubServer::badArgumentsExitWithUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QStringList() << QStringLiteral("--init-db");
    QTest::newRow("no owner") << QStringList { QStringLiteral("--init-db"), QStringLiteral("host=127.0.0.1 port=1") }
                              << QStringLiteral("--owner-email");
    QTest::newRow("bad conninfo") << QStringList { QStringLiteral("--init-db"), QStringLiteral("host='open"),
        QStringLiteral("--owner-email"), QStringLiteral("a@b.c"), QStringLiteral("--owner-password-file"),
        QStringLiteral("/nonexistent") }
                                  << QStringLiteral("quote");
    QTest::newRow("missing password file") << QStringList { QStringLiteral("--init-db"),
        QStringLiteral("host=127.0.0.1 port=1"), QStringLiteral("--owner-email"), QStringLiteral("a@b.c"),
        QStringLiteral("--owner-password-file"), QStringLiteral("/nonexistent/password") }
                                           << QStringLiteral("/nonexistent/password");
    QTest::newRow("both commands") << QStringList { QStringLiteral("--init-db"), QStringLiteral("x=y"),
        QStringLiteral("--migrate"), QStringLiteral("x=y") }
                                   << QStringLiteral("not both");
}

void TestBusinessHubServer::badArgumentsExitWithUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestBusinessHubServer)
#include "tst_businesshubserver.moc"
