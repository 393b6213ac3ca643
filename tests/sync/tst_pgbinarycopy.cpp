#include "services/sync/PgBinaryCopy.h"

#include <QTest>
#include <QtEndian>

#include <limits>

// The binary COPY reader of the first full sync: PostgreSQL's framing, its timestamps, and malformed streams.
class TestPgBinaryCopy : public QObject
{
    Q_OBJECT

private slots:
    void timestampsAsTheReplicaStoresThem_data();
    void timestampsAsTheReplicaStoresThem();
    void readsRowsNullsAndTypes();
    void malformedStreamsAreErrors_data();
    void malformedStreamsAreErrors();
    void columnsFromServerTypes();
};

namespace {
QByteArray header()
{
    QByteArray data("PGCOPY\n\377\r\n\0", 11);
    data.append(QByteArray(8, '\0')); // flags, extension length
    return data;
}

template <typename T>
QByteArray big(T value)
{
    T swapped = qToBigEndian(value);
    return QByteArray(reinterpret_cast<const char*>(&swapped), sizeof swapped);
}

QByteArray field(const QByteArray& bytes)
{
    return big<qint32>(static_cast<qint32>(bytes.size())) + bytes;
}

// Microseconds since 2000-01-01 UTC of a QDateTime.
qint64 pgMicros(const QDateTime& time)
{
    return (time.toMSecsSinceEpoch() - QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())
        * 1000;
}
} // namespace

void TestPgBinaryCopy::timestampsAsTheReplicaStoresThem_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("expected");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("2000-01-01T00:00:00.000Z");
    // As QDateTime's ISO parser reads PostgreSQL's text (the incremental pull): rounded half up.
    QTest::newRow("microseconds round") << qint64(1999) << QStringLiteral("2000-01-01T00:00:00.002Z");
    QTest::newRow("microseconds round down") << qint64(1499) << QStringLiteral("2000-01-01T00:00:00.001Z");
    QTest::newRow("half rounds up") << qint64(1500) << QStringLiteral("2000-01-01T00:00:00.002Z");
    QTest::newRow("rounds into the next second") << qint64(999999) << QStringLiteral("2000-01-01T00:00:01.000Z");
    QTest::newRow("before 2000") << qint64(-1000) << QStringLiteral("1999-12-31T23:59:59.999Z");
    QTest::newRow("leap day") << pgMicros(QDateTime(QDate(2024, 2, 29), QTime(13, 5, 7, 250), Qt::UTC))
                              << QStringLiteral("2024-02-29T13:05:07.250Z");
    QTest::newRow("1970") << pgMicros(QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC))
                          << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("year end") << pgMicros(QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), Qt::UTC))
                              << QStringLiteral("2026-12-31T23:59:59.999Z");
}

void TestPgBinaryCopy::timestampsAsTheReplicaStoresThem()
{
    QFETCH(qint64, micros);
    QFETCH(QString, expected);
    char out[24];
    formatPgTimestamp(micros, out);
    QCOMPARE(QString::fromLatin1(out, 24), expected);
}

void TestPgBinaryCopy::readsRowsNullsAndTypes()
{
    QByteArray data = header();
    data += big<qint16>(4) + field("lead-1") + big<qint32>(-1) + field(QByteArray(1, '\1'))
        + field(big<qint64>(pgMicros(QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 8), Qt::UTC))));
    data += big<qint16>(4) + field(QByteArray("l\xc3\xa9" "ad-2")) + field(QByteArray("\1{\"a\": 1}"))
        + field(QByteArray(1, '\0')) + field(big<qint64>(std::numeric_limits<qint64>::max()));
    data += big<qint16>(-1);

    PgBinaryCopyReader reader(data);
    QVERIFY(reader.readHeader());
    QVERIFY(reader.next());
    QCOMPARE(reader.fieldCount(), 4);
    QCOMPARE(QByteArray(reader.data(0), reader.size(0)), QByteArray("lead-1"));
    QVERIFY(reader.isNull(1));
    QCOMPARE(reader.integer(2, CopyColumn::Kind::Bool), qint64(1));
    char time[24];
    QVERIFY(reader.time(3, time));
    QCOMPARE(QString::fromLatin1(time, 24), QStringLiteral("2026-03-04T05:06:07.008Z"));
    QVERIFY(reader.next());
    QCOMPARE(QString::fromUtf8(reader.data(0), reader.size(0)), QStringLiteral("léad-2"));
    QCOMPARE(QByteArray(reader.data(1), reader.size(1)), QByteArray("\1{\"a\": 1}"));
    QCOMPARE(reader.integer(2, CopyColumn::Kind::Bool), qint64(0));
    QVERIFY(!reader.time(3, time)); // infinity
    QVERIFY(!reader.next());
    QVERIFY(reader.atEnd());
    QVERIFY(reader.error().isEmpty());
}

void TestPgBinaryCopy::malformedStreamsAreErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("headerOk");
    const QByteArray row = big<qint16>(1) + field("x");
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("text COPY") << QByteArray("lead-1\tAcme\n\\.\n") << false;
    QTest::newRow("no trailer") << header() + row << true;
    QTest::newRow("truncated length") << header() + big<qint16>(1) + QByteArray("\0\0", 2) << true;
    QTest::newRow("field past the end") << header() + big<qint16>(1) + big<qint32>(100) + QByteArray("abc") << true;
    QTest::newRow("negative length") << header() + big<qint16>(1) + big<qint32>(-7) << true;
    QTest::newRow("negative field count") << header() + big<qint16>(-5) << true;
    QTest::newRow("extension past the end") << QByteArray("PGCOPY\n\377\r\n\0", 11) + big<qint32>(0)
            + big<qint32>(1000)
                                            << false;
}

void TestPgBinaryCopy::malformedStreamsAreErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, headerOk);
    PgBinaryCopyReader reader(data);
    QCOMPARE(reader.readHeader(), headerOk);
    if (headerOk) {
        while (reader.next()) { }
        QVERIFY(!reader.atEnd());
    }
    QVERIFY(!reader.error().isEmpty());
}

void TestPgBinaryCopy::columnsFromServerTypes()
{
    QCOMPARE(CopyColumn::forServerType(QStringLiteral("deleted"), QStringLiteral("bool")).kind,
        CopyColumn::Kind::Bool);
    QCOMPARE(CopyColumn::forServerType(QStringLiteral("deal_heat"), QStringLiteral("int2")).kind,
        CopyColumn::Kind::Int16);
    QCOMPARE(CopyColumn::forServerType(QStringLiteral("rev"), QStringLiteral("int8")).kind, CopyColumn::Kind::Int64);
    QCOMPARE(CopyColumn::forServerType(QStringLiteral("meta"), QStringLiteral("jsonb")).kind, CopyColumn::Kind::Jsonb);
    const CopyColumn name = CopyColumn::forServerType(QStringLiteral("name"), QStringLiteral("text"));
    QCOMPARE(name.selectExpression(), QStringLiteral("\"name\""));
    // Types without a decoder travel as text.
    const CopyColumn id = CopyColumn::forServerType(QStringLiteral("id"), QStringLiteral("uuid"));
    QCOMPARE(id.kind, CopyColumn::Kind::Text);
    QCOMPARE(id.selectExpression(), QStringLiteral("\"id\"::text"));
}

QTEST_GUILESS_MAIN(TestPgBinaryCopy)
#include "tst_pgbinarycopy.moc"
