#include "models/Ids.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

class tst_Ids : public QObject
{
    Q_OBJECT

private slots:
    void format()
    {
        static const QRegularExpression uuid7(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        for (int i = 0; i < 100; ++i) {
            const QString id = Ids::newId();
            QVERIFY2(uuid7.match(id).hasMatch(), qPrintable(id));
        }
    }

    // Ids are time-ordered: sorting them as text gives creation order, also for many ids in the same millisecond.
    // Timelines use the id to order entries written at the same time.
    void orderedWithinOneMillisecond()
    {
        QStringList ids;
        for (int i = 0; i < 20'000; ++i)
            ids.append(Ids::newId());
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(sorted, ids);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    }

    void orderedAcrossMilliseconds()
    {
        const QString first = Ids::newId();
        QThread::msleep(3);
        const QString second = Ids::newId();
        QVERIFY(first < second);
        // The first 48 bits are the Unix time in milliseconds.
        const qint64 ms = QStringView(second).left(8).toLongLong(nullptr, 16) << 16
            | QStringView(second).mid(9, 4).toLongLong(nullptr, 16);
        QVERIFY(qAbs(ms - QDateTime::currentMSecsSinceEpoch()) < 5000);
    }

    void storageTime_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("text");
        QTest::newRow("utc") << QDateTime(QDate(2024, 2, 29), QTime(13, 45, 1, 234), Qt::UTC)
                             << QStringLiteral("2024-02-29T13:45:01.234Z");
        QTest::newRow("offset converted to utc") << QDateTime(QDate(2024, 1, 1), QTime(1, 0, 0, 5), Qt::OffsetFromUTC,
            2 * 3600) << QStringLiteral("2023-12-31T23:00:00.005Z");
        QTest::newRow("invalid") << QDateTime() << QString();
    }

    void storageTime()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, text);
        QCOMPARE(Ids::toStorage(time), text);
        const QDateTime back = Ids::fromStorage(text);
        QCOMPARE(back.isValid(), time.isValid());
        if (time.isValid()) {
            QCOMPARE(back, time);
            QCOMPARE(back.timeSpec(), Qt::UTC);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Ids)
#include "tst_ids.moc"
