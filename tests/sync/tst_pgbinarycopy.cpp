#include "services/sync/CopyChunks.h"
#include "services/sync/PgBinaryCopy.h"

#include <QElapsedTimer>
#include <QTest>
#include <QtEndian>

#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

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
    void streamReadsRowsCutAnywhere();
    void streamMalformedIsError_data();
    void streamMalformedIsError();
    void streamReadsWhileWritten();
    void streamOfABrokenCopyFails();
    void cancelledReaderStopsWaiting();
    void stalledStreamGivesUp();
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

namespace {
// Every field of every row, as text (NULL as "<null>"), and how the reading ended.
template <typename Reader> QStringList rowsOf(Reader& reader)
{
    QStringList rows;
    if (!reader.readHeader())
        return { QStringLiteral("header failed") };
    while (reader.next()) {
        const PgBinaryCopyReader& row = [&]() -> const PgBinaryCopyReader& {
            if constexpr (std::is_same_v<Reader, PgBinaryCopyStream>)
                return reader.row();
            else
                return reader;
        }();
        QStringList fields;
        for (int i = 0; i < row.fieldCount(); ++i)
            fields.append(row.isNull(i) ? QStringLiteral("<null>")
                                        : QString::fromLatin1(QByteArray(row.data(i), row.size(i)).toHex()));
        rows.append(fields.join(QLatin1Char('|')));
    }
    rows.append(reader.atEnd() ? QStringLiteral("end") : QStringLiteral("error"));
    return rows;
}

QByteArray sampleStream()
{
    QByteArray data = header();
    for (int i = 0; i < 5; ++i)
        data += big<qint16>(3) + field("lead-" + QByteArray::number(i)) + big<qint32>(-1)
            + field(QByteArray(i * 7, 'x'));
    return data + big<qint16>(-1);
}

std::shared_ptr<CopyChunks> inChunksOf(const QByteArray& data, int size)
{
    auto chunks = std::make_shared<CopyChunks>(size);
    for (const char byte : data)
        chunks->append(&byte, 1);
    chunks->finish(true);
    return chunks;
}
} // namespace

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

void TestPgBinaryCopy::streamReadsRowsCutAnywhere()
{
    const QByteArray data = sampleStream();
    PgBinaryCopyReader whole(data);
    const QStringList expected = rowsOf(whole);
    QCOMPARE(expected.size(), 6);
    QCOMPARE(expected.constLast(), QStringLiteral("end"));
    for (int size = 1; size <= data.size(); ++size) {
        const auto chunks = inChunksOf(data, size);
        PgBinaryCopyStream stream(*chunks);
        QCOMPARE(rowsOf(stream), expected);
        QVERIFY(stream.error().isEmpty());
    }
}

void TestPgBinaryCopy::streamMalformedIsError_data()
{
    malformedStreamsAreErrors_data();
}

void TestPgBinaryCopy::streamMalformedIsError()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, headerOk);
    const auto chunks = inChunksOf(data, 3);
    PgBinaryCopyStream stream(*chunks);
    QCOMPARE(stream.readHeader(), headerOk);
    if (headerOk) {
        while (stream.next()) { }
        QVERIFY(!stream.atEnd());
    }
    QVERIFY(!stream.error().isEmpty());
}

void TestPgBinaryCopy::streamReadsWhileWritten()
{
    const QByteArray data = sampleStream();
    CopyChunks chunks(16);
    std::thread writer([&] {
        for (qsizetype at = 0; at < data.size(); at += 10) {
            chunks.append(data.constData() + at, static_cast<int>(std::min<qsizetype>(10, data.size() - at)));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        chunks.finish(true);
    });
    PgBinaryCopyStream stream(chunks);
    const QStringList rows = rowsOf(stream);
    writer.join();
    PgBinaryCopyReader whole(data);
    QCOMPARE(rows, rowsOf(whole));
    QCOMPARE(chunks.bytes(), data.size());
}

void TestPgBinaryCopy::streamOfABrokenCopyFails()
{
    const QByteArray data = sampleStream();
    CopyChunks chunks(8);
    chunks.append(data.constData(), 40); // the connection broke after 40 bytes
    chunks.finish(false, QStringLiteral("server closed the connection unexpectedly"));
    PgBinaryCopyStream stream(chunks);
    QVERIFY(stream.readHeader() || !stream.error().isEmpty());
    while (stream.next()) { }
    QVERIFY(!stream.atEnd());
    QVERIFY2(stream.error().contains(QStringLiteral("closed the connection")), qPrintable(stream.error()));
}

void TestPgBinaryCopy::cancelledReaderStopsWaiting()
{
    CopyChunks chunks; // never finished
    const QByteArray start = header();
    chunks.append(start.constData(), static_cast<int>(start.size()));
    std::atomic<bool> cancelled { false };
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cancelled = true;
    });
    PgBinaryCopyStream stream(chunks, &cancelled);
    QVERIFY(!stream.readHeader()); // the header is still in the writer's unpublished chunk
    canceller.join();
    QCOMPARE(stream.error(), QStringLiteral("cancelled"));
}

void TestPgBinaryCopy::stalledStreamGivesUp()
{
    const QByteArray data = sampleStream();
    CopyChunks chunks(8);
    chunks.append(data.constData(), 30); // and then nothing, without the connection breaking
    PgBinaryCopyStream stream(chunks, nullptr, std::chrono::milliseconds(200));
    QVERIFY(stream.readHeader());
    QElapsedTimer clock;
    clock.start();
    while (stream.next()) { }
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY(!stream.atEnd());
    QVERIFY2(stream.error().contains(QStringLiteral("sent no COPY data")), qPrintable(stream.error()));
    chunks.finish(true);
}

QTEST_GUILESS_MAIN(TestPgBinaryCopy)
#include "tst_pgbinarycopy.moc"
