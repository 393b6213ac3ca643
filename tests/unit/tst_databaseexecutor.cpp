// DatabaseExecutor: jobs run in order on the database thread; jobs posted while the window is still being built,
// before the workspace is opened, run once it is open (they used to meet a closed connection and come back empty).
#include "services/storage/DatabaseExecutor.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestDatabaseExecutor : public QObject
{
    Q_OBJECT

private slots:
    void jobsPostedBeforeOpenRunOnTheOpenWorkspace_data()
    {
        QTest::addColumn<bool>("blocking");
        QTest::newRow("open") << false;
        QTest::newRow("openBlocking") << true;
    }

    void jobsPostedBeforeOpenRunOnTheOpenWorkspace()
    {
        QFETCH(bool, blocking);
        QTemporaryDir dir;
        DatabaseExecutor executor;
        QList<int> stages;
        QList<int> order;
        for (int i = 0; i < 3; ++i) {
            executor.post([&, i](QSqlDatabase& db) {
                QSqlQuery query(db);
                stages.append(
                    db.isOpen() && query.exec(QStringLiteral("SELECT count(*) FROM pipeline_stages")) && query.next()
                        ? query.value(0).toInt()
                        : -1);
                order.append(i);
            });
        }
        QTest::qWait(50);
        QVERIFY(stages.isEmpty()); // nothing ran against a connection that is not open
        const QString path = dir.filePath(QStringLiteral("workspace.sqlite"));
        if (blocking) {
            QVERIFY(executor.openBlocking(path).ok());
        } else {
            executor.open(path);
        }
        executor.runBlocking([](QSqlDatabase&) {}); // after everything posted before
        QCOMPARE(order, (QList<int> { 0, 1, 2 }));
        QCOMPARE(stages.size(), 3);
        for (int count : std::as_const(stages))
            QVERIFY2(count > 0, "the job ran before the workspace was open");

        bool ranNow = false;
        executor.post([&](QSqlDatabase& db) { ranNow = db.isOpen(); });
        executor.runBlocking([](QSqlDatabase&) {});
        QVERIFY(ranNow);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseExecutor)
#include "tst_databaseexecutor.moc"
