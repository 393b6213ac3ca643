// `businesshub import` as scripts use it: JSON out, exit codes, --map/--duplicates, and a kill in the middle.
#include "ImportTestFiles.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestImportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importsAndReportsJson();
    void mapAndDuplicateModes();
    void unreadableFileExitsNonZero();
    void killMidImportLeavesConsistentDatabase();

private:
    QJsonObject runImport(const QStringList& arguments, int* exitCode, QString* stderrText = nullptr);
    int count(const QString& dbPath, const QString& sql);

    QString m_binary;
    QTemporaryDir m_dir;
};

void TestImportCli::initTestCase()
{
    m_binary = qEnvironmentVariable("BUSINESSHUB_BIN");
    QVERIFY2(QFile::exists(m_binary), "BUSINESSHUB_BIN must point at the businesshub executable (set by CTest)");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
}

QJsonObject TestImportCli::runImport(const QStringList& arguments, int* exitCode, QString* stderrText)
{
    QProcess process;
    process.start(m_binary, QStringList { QStringLiteral("import") } + arguments);
    if (!process.waitForFinished(120000))
        return {};
    *exitCode = process.exitCode();
    if (stderrText)
        *stderrText = QString::fromUtf8(process.readAllStandardError());
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

int TestImportCli::count(const QString& dbPath, const QString& sql)
{
    int result = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                result = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return result;
}

void TestImportCli::importsAndReportsJson()
{
    const QString db = m_dir.filePath(QStringLiteral("one.sqlite"));
    const QString csv = writeFile(m_dir.filePath(QStringLiteral("people.csv")),
        "Name;E-Mail;Telefon\nAda;ada@example.com;+44 20 7946 0958\nNobody;;\nBad;bad@@x;12\n");
    int exitCode = -1;
    const QJsonObject result = runImport({ csv, QStringLiteral("--db"), db, QStringLiteral("--json") }, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(result.value(QStringLiteral("imported")).toInt(), 3);
    QCOMPARE(result.value(QStringLiteral("failed")).toInt(), 0);
    QCOMPARE(result.value(QStringLiteral("skipped")).toInt(), 0);
    QVERIFY(!result.value(QStringLiteral("job_id")).toString().isEmpty());
    const QJsonArray errors = result.value(QStringLiteral("errors")).toArray();
    QVERIFY(errors.size() >= 2); // the bad email and the bad phone of row 3
    QCOMPARE(errors.first().toObject().value(QStringLiteral("row")).toInt(), 3);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM leads")), 3);
    // Again: everything is a duplicate now.
    const QJsonObject again = runImport({ csv, QStringLiteral("--db"), db, QStringLiteral("--json") }, &exitCode);
    QCOMPARE(again.value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(again.value(QStringLiteral("skipped")).toInt(), 3);
}

void TestImportCli::mapAndDuplicateModes()
{
    const QString db = m_dir.filePath(QStringLiteral("two.sqlite"));
    const QString csv = writeFile(m_dir.filePath(QStringLiteral("odd.csv")), "Who,Reach me\nAda,ada@example.com\n");
    int exitCode = -1;
    QString err;
    runImport({ csv, QStringLiteral("--db"), db, QStringLiteral("--json") }, &exitCode, &err);
    QVERIFY(exitCode != 0); // nothing maps by itself
    QVERIFY2(err.contains(QStringLiteral("Map at least")), qPrintable(err));
    QJsonObject result = runImport({ csv, QStringLiteral("--db"), db, QStringLiteral("--map"),
                                       QStringLiteral("Who=full_name,Reach me=email"), QStringLiteral("--json") },
        &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(result.value(QStringLiteral("imported")).toInt(), 1);
    result = runImport({ csv, QStringLiteral("--db"), db, QStringLiteral("--map"),
                           QStringLiteral("Who=full_name,Reach me=email"), QStringLiteral("--duplicates"),
                           QStringLiteral("update"), QStringLiteral("--json") },
        &exitCode);
    QCOMPARE(result.value(QStringLiteral("updated")).toInt(), 1);
    runImport({ csv, QStringLiteral("--db"), db, QStringLiteral("--duplicates"), QStringLiteral("sometimes") }, &exitCode,
        &err);
    QVERIFY(exitCode != 0);
    QVERIFY(err.contains(QStringLiteral("--duplicates")));
}

void TestImportCli::unreadableFileExitsNonZero()
{
    int exitCode = 0;
    QString err;
    const QJsonObject result = runImport({ m_dir.filePath(QStringLiteral("missing.csv")), QStringLiteral("--db"),
                                             m_dir.filePath(QStringLiteral("three.sqlite")), QStringLiteral("--json") },
        &exitCode, &err);
    QVERIFY(exitCode != 0);
    QVERIFY(result.isEmpty());
    QVERIFY2(err.contains(QStringLiteral("Cannot read")), qPrintable(err));
}

void TestImportCli::killMidImportLeavesConsistentDatabase()
{
    const QString db = m_dir.filePath(QStringLiteral("kill.sqlite"));
    QByteArray csv = "Name,Email,Phone\n";
    for (int i = 0; i < 200000; ++i)
        csv += QStringLiteral("Person %1,p%1@example.com,+1 415 555 %2\n").arg(i).arg(i % 10000, 4, 10, QLatin1Char('0')).toUtf8();
    const QString path = writeFile(m_dir.filePath(QStringLiteral("huge.csv")), csv);
    QProcess process;
    process.start(m_binary, { QStringLiteral("import"), path, QStringLiteral("--db"), db, QStringLiteral("--json") });
    QVERIFY(process.waitForStarted());
    // Kill as soon as the first committed batch has been reported.
    process.setReadChannel(QProcess::StandardError);
    QByteArray progress;
    QElapsedTimer clock;
    clock.start();
    while (!progress.contains("rows") && clock.elapsed() < 60000) {
        if (process.waitForReadyRead(100))
            progress += process.readAllStandardError();
    }
    QVERIFY(progress.contains("rows"));
    process.kill();
    process.waitForFinished();
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'")), 1);
    const int processed = count(db, QStringLiteral("SELECT processed_rows FROM import_jobs"));
    const int leads = count(db, QStringLiteral("SELECT count(*) FROM leads"));
    QVERIFY(processed > 0);
    QVERIFY2(processed < 200000, "the import finished before it was killed");
    QCOMPARE(leads, processed);
    QCOMPARE(count(db, QStringLiteral("SELECT imported FROM import_jobs")), leads);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM import_jobs WHERE status = 'running'")), 1);
}

QTEST_MAIN(TestImportCli)
#include "tst_importcli.moc"
