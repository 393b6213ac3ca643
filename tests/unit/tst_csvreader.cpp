#include "services/imports/CsvReader.h"
#include "services/imports/DelimiterDetector.h"
#include "services/imports/EncodingDetector.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using Rows = QList<QStringList>;
using Encoding = CsvFormat::Encoding;

namespace {

struct Parsed {
    CsvFormat format;
    QStringList header;
    Rows rows;
    QList<qint64> lines;
    QList<qint64> numbers;
    QString error;
    qint64 bytesRead = 0;
};

struct Options {
    std::optional<CsvFormat> format; // none: sniff
    qsizetype chunkSize = 0; // 0: the reader's default
    qsizetype maxFieldSize = 0;
};

Parsed parse(const QByteArray& bytes, const Options& options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Parsed result;
    result.format = options.format ? *options.format : CsvReader::sniff(&buffer);
    if (buffer.pos() != 0)
        result.error = QStringLiteral("sniff did not seek back");
    CsvReader reader(&buffer);
    if (options.chunkSize > 0)
        reader.setChunkSize(options.chunkSize);
    if (options.maxFieldSize > 0)
        reader.setMaxFieldSize(options.maxFieldSize);
    reader.setFormat(result.format);
    if (reader.readHeader(&result.header)) {
        CsvReader::Record record;
        while (reader.next(&record)) {
            result.rows.append(record.fields);
            result.lines.append(record.line);
            result.numbers.append(record.number);
        }
    }
    if (reader.hasError())
        result.error = reader.errorString();
    result.bytesRead = reader.bytesRead();
    return result;
}

QByteArray utf16(const QString& text, bool littleEndian)
{
    QByteArray bytes = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    for (QChar c : text) {
        const char low = char(c.unicode() & 0xFF);
        const char high = char(c.unicode() >> 8);
        bytes.append(littleEndian ? low : high);
        bytes.append(littleEndian ? high : low);
    }
    return bytes;
}

CsvFormat format(Encoding encoding, char delimiter = ',')
{
    CsvFormat result;
    result.encoding = encoding;
    result.delimiter = QLatin1Char(delimiter);
    return result;
}

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList L(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

} // namespace

class tst_CsvReader : public QObject
{
    Q_OBJECT

private slots:
    void encodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Encoding>("encoding");
        const QString text = s("Name,City\nJosé,\"Zürich, CH\"\n€ 5 😀,日本\n");
        const QByteArray latin = "Name,City\nJos\xE9,\"Z\xFCrich, CH\"\n\x80 5 \x93q\x94,\x85\x99\n";
        QTest::newRow("ascii") << QByteArray("Name,City\nJose,\"Zurich, CH\"\n") << Encoding::Utf8;
        QTest::newRow("utf8") << text.toUtf8() << Encoding::Utf8;
        QTest::newRow("utf8 bom") << QByteArray("\xEF\xBB\xBF" + text.toUtf8()) << Encoding::Utf8Bom;
        QTest::newRow("utf16 le") << utf16(text, true) << Encoding::Utf16LE;
        QTest::newRow("utf16 be") << utf16(text, false) << Encoding::Utf16BE;
        QTest::newRow("windows-1252") << latin << Encoding::Windows1252;
    }

    void encodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Encoding, encoding);
        const Parsed reference = parse(bytes);
        QCOMPARE(reference.format.encoding, encoding);
        QCOMPARE(reference.error, QString());
        QCOMPARE(reference.header, QStringList({ QStringLiteral("Name"), QStringLiteral("City") }));
        QCOMPARE(reference.bytesRead, bytes.size());
        if (encoding == Encoding::Windows1252) {
            QCOMPARE(reference.rows, Rows({ { s("José"), s("Zürich, CH") }, { s("€ 5 “q”"), s("…™") } }));
        } else if (reference.rows.size() == 2) {
            QCOMPARE(reference.rows, Rows({ { s("José"), s("Zürich, CH") }, { s("€ 5 😀"), s("日本") } }));
        }
        // Chunks of any size cut multi-byte sequences and surrogate pairs; the decoding must not notice.
        for (qsizetype chunk : { 1, 2, 3, 5, 7 }) {
            const Parsed chunked = parse(bytes, { reference.format, chunk });
            QCOMPARE(chunked.error, QString());
            QCOMPARE(chunked.header, reference.header);
            QCOMPARE(chunked.rows, reference.rows);
        }
    }

    void chunkBoundaryInLongFields_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::newRow("utf8") << Encoding::Utf8;
        QTest::newRow("utf16 le") << Encoding::Utf16LE;
        QTest::newRow("utf16 be") << Encoding::Utf16BE;
    }

    void chunkBoundaryInLongFields()
    {
        QFETCH(Encoding, encoding);
        // Move the multi-byte characters across the 64 KB chunk boundary one position at a time; the odd chunk size
        // also cuts UTF-16 code units in half.
        for (int shift = 0; shift < 8; ++shift) {
            const QString pad(65536 - 8 - 4 + shift, QLatin1Char('a'));
            const QStringList row { pad + s("é€😀\"\r\n"), pad + s("😀x") };
            QString quoted = row.at(0);
            quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
            const QString text = QStringLiteral("h1,h2\r\n\"") + quoted + QStringLiteral("\",") + row.at(1);
            const QByteArray bytes
                = encoding == Encoding::Utf8 ? text.toUtf8() : utf16(text, encoding == Encoding::Utf16LE);
            for (qsizetype chunk : { 0, 65535 }) {
                const Parsed parsed = parse(bytes, { format(encoding), chunk });
                QCOMPARE(parsed.error, QString());
                QCOMPARE(parsed.rows, Rows({ row }));
            }
        }
    }

    void delimiters_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("comma") << QByteArray("a,b,c\n1,\"x;y|z\",3\n4,5,6\n") << QChar(u',');
        QTest::newRow("semicolon") << QByteArray("a;b;c\n1;2,5;3\n4;\"x,y\";6\n") << QChar(u';');
        QTest::newRow("tab") << QByteArray("a\tb\tc\n1\t2, 3\t3\n4\t5;x\t6\n") << QChar(u'\t');
        QTest::newRow("pipe") << QByteArray("a|b|c\n1|2,5|3\n4|\"5|x\"|6\n") << QChar(u'|');
        QTest::newRow("none: comma") << QByteArray("name\nBob\n") << QChar(u',');
        QTest::newRow("tie: comma") << QByteArray("a;b,c\n1;2,3\n") << QChar(u',');
        QTest::newRow("decimal commas") << QByteArray("Name;Amount\nBob;1,5\nAl;2,5\n") << QChar(u';');
        QTest::newRow("header only") << QByteArray("a;b;c") << QChar(u';');
        QTest::newRow("excel sep= line") << QByteArray("sep=|\r\na,b|c\r\n1,2|3\r\n") << QChar(u'|');
    }

    void delimiters()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QChar, delimiter);
        const Parsed parsed = parse(bytes);
        QCOMPARE(parsed.format.delimiter, delimiter);
        QCOMPARE(parsed.error, QString());
        QVERIFY(!parsed.header.contains(QLatin1String("sep=")));
        for (const QStringList& row : parsed.rows)
            QCOMPARE(row.size(), parsed.header.size());
    }

    void delimiterOverride()
    {
        const QByteArray bytes("a;b,c\n1;2,3\n");
        QCOMPARE(parse(bytes).rows, Rows({ { QStringLiteral("1;2"), QStringLiteral("3") } }));
        QCOMPARE(parse(bytes, { format(Encoding::Utf8, ';') }).rows,
            Rows({ { QStringLiteral("1"), QStringLiteral("2,3") } }));
        QCOMPARE(parse("a|b\t c\n1|2\t3\n", { format(Encoding::Utf8, '\t') }).rows,
            Rows({ { QStringLiteral("1|2"), QStringLiteral("3") } }));
        QCOMPARE(DelimiterDetector::detect(QStringLiteral("a|b\n\"x|y\"|z\n")), QChar(u'|'));
    }

    void encodingOverride()
    {
        // Windows-1252 bytes read as UTF-8 on the user's say-so: an error naming the byte, not mojibake.
        const Parsed parsed = parse("a,b\n1,caf\xE9\n", { format(Encoding::Utf8) });
        QVERIFY2(parsed.error.contains(QLatin1String("at byte 9")), qPrintable(parsed.error));
        QCOMPARE(parse("a,b\n1,caf\xE9\n", { format(Encoding::Windows1252) }).rows,
            Rows({ { QStringLiteral("1"), s("café") } }));
        // A sample that ends inside a UTF-8 sequence is still UTF-8 unless it is the whole file.
        QCOMPARE(EncodingDetector::detect("abc\xE2\x82", false), Encoding::Utf8);
        QCOMPARE(EncodingDetector::detect("abc\xE2\x82", true), Encoding::Windows1252);
        QCOMPARE(EncodingDetector::detect("abc\xC0\xAF", false), Encoding::Windows1252); // overlong
        QCOMPARE(EncodingDetector::detect("abc\xED\xA0\x80", false), Encoding::Windows1252); // surrogate
    }

    void lineEnds_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<qint64>>("lines");
        const QList<qint64> plain { 2, 3 };
        QTest::newRow("lf") << QByteArray("a,b\n1,2\n3,4\n") << plain;
        QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << plain;
        QTest::newRow("cr") << QByteArray("a,b\r1,2\r3,4\r") << plain;
        QTest::newRow("mixed") << QByteArray("a,b\r\n1,2\r3,4\n") << plain;
        QTest::newRow("no final line end") << QByteArray("a,b\n1,2\n3,4") << plain;
        QTest::newRow("blank lines") << QByteArray("\n\r\na,b\n\n1,2\r\n\r\n\r3,4\n\n") << QList<qint64> { 5, 8 };
        QTest::newRow("quoted empty line") << QByteArray("a,b\n\"\"\n1,2\n3,4") << QList<qint64> { 3, 4 };
        QTest::newRow("line breaks in quotes")
            << QByteArray("a,b\n\"1\r\n\",\"\n\r\r\n2\"\n3,4\n") << QList<qint64> { 2, 7 };
    }

    void lineEnds()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<qint64>, lines);
        for (qsizetype chunk : { 0, 1, 2, 3 }) {
            const Parsed parsed = parse(bytes, { {}, chunk });
            QCOMPARE(parsed.error, QString());
            QCOMPARE(parsed.header, QStringList({ QStringLiteral("a"), QStringLiteral("b") }));
            QCOMPARE(parsed.rows.size(), 2);
            QCOMPARE(parsed.rows.last(), QStringList({ QStringLiteral("3"), QStringLiteral("4") }));
            QCOMPARE(parsed.lines, lines);
            QCOMPARE(parsed.numbers, QList<qint64>({ 1, 2 }));
        }
    }

    void quoting_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("quoted") << QByteArray("\"a\",\"b\"") << L({ "a", "b" });
        QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"") << L({ "say \"hi\"", "\"" });
        QTest::newRow("delimiter in quotes") << QByteArray("\"a,b\",c") << L({ "a,b", "c" });
        QTest::newRow("newlines in quotes") << QByteArray("\"a\nb\",\"c\r\nd\"") << L({ "a\nb", "c\r\nd" });
        QTest::newRow("empty fields") << QByteArray(",\"\",") << L({ "", "", "" });
        QTest::newRow("whitespace kept") << QByteArray(" a , \"b\" ") << L({ " a ", " \"b\" " });
        QTest::newRow("quote in unquoted") << QByteArray("5'11\",x\"y") << L({ "5'11\"", "x\"y" });
        QTest::newRow("text after closing quote") << QByteArray("\"a\"b,\"c\" d\"e") << L({ "ab", "c d\"e" });
        QTest::newRow("ragged: fewer") << QByteArray("1") << L({ "1" });
        QTest::newRow("ragged: more") << QByteArray("1,2,3,4") << L({ "1", "2", "3", "4" });
        QTest::newRow("last quoted at eof") << QByteArray("\"a\",\"b\"\"\"") << L({ "a", "b\"" });
    }

    void quoting()
    {
        QFETCH(QByteArray, line);
        QFETCH(QStringList, fields);
        for (qsizetype chunk : { 0, 1, 2 }) {
            const Parsed parsed = parse("h1,h2\n" + line, { format(Encoding::Utf8), chunk });
            QCOMPARE(parsed.error, QString());
            QCOMPARE(parsed.rows, Rows({ fields }));
            QCOMPARE(parse("h1,h2\n" + line + "\r\n", { format(Encoding::Utf8), chunk }).rows, Rows({ fields }));
        }
    }

    void headerNames()
    {
        const Parsed parsed = parse(" Email ,email,,Name,\"\",Email,Email (2)\n1,2,3,4,5,6,7\n");
        QCOMPARE(
            parsed.header, L({ "Email", "email (2)", "Column 3", "Name", "Column 5", "Email (3)", "Email (2) (2)" }));
        QCOMPARE(parsed.rows.first().size(), 7);
    }

    void emptyFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("0 bytes") << QByteArray();
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("blank lines") << QByteArray("\n\r\n\r\n");
    }

    void emptyFile()
    {
        QFETCH(QByteArray, bytes);
        const Parsed parsed = parse(bytes);
        QVERIFY2(parsed.error.contains(QLatin1String("empty")), qPrintable(parsed.error));
        QVERIFY(parsed.header.isEmpty());
    }

    void headerOnly()
    {
        for (const char* bytes : { "a,b,c", "a,b,c\n", "a,b,c\r\n\r\n" }) {
            const Parsed parsed = parse(bytes);
            QCOMPARE(parsed.error, QString());
            QCOMPARE(parsed.header.size(), 3);
            QVERIFY(parsed.rows.isEmpty());
        }
    }

    void binary_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("nul") << QByteArray("a,b\n1,\0002\n", 9) << QStringLiteral("binary data at byte 6");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)
                             << QStringLiteral("binary data at byte 8");
        QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\0\x06\0", 8) << QStringLiteral("binary data at byte 5");
        QTest::newRow("utf16 nul") << utf16(QStringLiteral("a,b\n1,"), true) + QByteArray("\0\0x\0", 4)
                                   << QStringLiteral("binary data at byte 14");
        QTest::newRow("utf16 odd size") << utf16(QStringLiteral("a,b\n1,2"), false) + QByteArray("x")
                                        << QStringLiteral("not valid UTF-16 BE text (at byte 16)");
        QTest::newRow("utf8 cut at the end") << (QByteArray("\xEF\xBB\xBF") + "a,b\n1,\xE2\x82")
                                             << QStringLiteral("not valid UTF-8 (BOM) text (at byte 9)");
        QByteArray noise(300 * 1024, 'x');
        QRandomGenerator random(7);
        for (char& byte : noise)
            byte = char(random.bounded(256));
        QTest::newRow("noise") << noise << QString();
    }

    void binary()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        for (qsizetype chunk : { 0, 1, 3 }) {
            const Parsed parsed = parse(bytes, { {}, chunk });
            QVERIFY(!parsed.error.isEmpty());
            QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
        }
    }

    void largeFields()
    {
        // 5 MB in one quoted field (with line breaks and doubled quotes), read in 64 KB chunks.
        QString big;
        big.reserve(5 * 1024 * 1024);
        while (big.size() < 5 * 1024 * 1024)
            big += QStringLiteral("lorem ipsum \"dolor\"\r\nsit amet, ");
        QByteArray bytes = "notes,n\n\"" + big.toUtf8().replace("\"", "\"\"") + "\",1\n2,3\n";
        Parsed parsed = parse(bytes);
        QCOMPARE(parsed.error, QString());
        QCOMPARE(parsed.rows.size(), 2);
        QVERIFY(parsed.rows.first().first() == big);
        QCOMPARE(parsed.lines, QList<qint64>({ 2, 3 + big.count(QStringLiteral("\r\n")) }));

        // Unquoted, just over the limit, in the third record.
        parsed = parse("a\nx\ny\n" + QByteArray(1001, 'z') + "\n", { {}, 0, 1000 });
        QCOMPARE(parsed.rows.size(), 2);
        QVERIFY2(parsed.error.startsWith(QLatin1String("Record 3 has a field larger than")), qPrintable(parsed.error));
        parsed = parse(QByteArray(1001, 'z'), { {}, 7, 1000 });
        QVERIFY2(parsed.error.startsWith(QLatin1String("The header row has a field")), qPrintable(parsed.error));

        // The default limit, 16 Mi characters, inside quotes.
        bytes = "a\n\"" + QByteArray(CsvReader::DefaultMaxFieldSize + 200000, 'q') + "\"\n";
        parsed = parse(bytes);
        QCOMPARE(parsed.error, QStringLiteral("Record 1 has a field larger than 16 MB."));
        QVERIFY(parsed.bytesRead < bytes.size()); // stops reading at the limit
    }

    void tooManyFields()
    {
        QBuffer buffer;
        buffer.setData("a\n" + QByteArray(100, ',') + "\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        reader.setMaxFieldCount(50);
        QStringList header;
        QVERIFY(reader.readHeader(&header));
        CsvReader::Record record;
        QVERIFY(!reader.next(&record));
        QCOMPARE(reader.errorString(), QStringLiteral("Record 1 has more than 50 fields."));
    }

    void unclosedQuote()
    {
        for (qsizetype chunk : { 0, 1, 4 }) {
            const Parsed parsed = parse("a,b\n1,2\r\n3,\"x\n\ny\r\n", { {}, chunk });
            QCOMPARE(parsed.rows.size(), 1);
            QCOMPARE(parsed.error, QStringLiteral("Line 3: a quoted field is not closed before the end of the file."));
        }
    }

    void progressReachesFileSize()
    {
        QByteArray bytes("name,email\n");
        for (int i = 0; i < 5000; ++i)
            bytes += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@example.com\n";
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        reader.setChunkSize(4096);
        reader.setFormat(CsvReader::sniff(&buffer));
        QStringList header;
        QVERIFY(reader.readHeader(&header));
        qint64 last = reader.bytesRead();
        QVERIFY(last > 0 && last <= 4096);
        CsvReader::Record record;
        while (reader.next(&record)) {
            QVERIFY(reader.bytesRead() >= last);
            last = reader.bytesRead();
        }
        QVERIFY(!reader.hasError());
        QCOMPARE(record.number, 5000);
        QCOMPARE(reader.bytesRead(), bytes.size());
    }

    // Speed is hub-bench import's business (DESIGN.md section 9); this checks a file of realistic size parses whole.
    void realisticSizeFile()
    {
        // A lead list like the ones users import: 50,000 rows, 10 MB, some quoted fields.
        QByteArray bytes("First name,Last name,Email,Phone,Company,City,Value,Notes\r\n");
        QRandomGenerator random(42);
        for (int i = 0; bytes.size() < 10 * 1000 * 1000 || i < 50000; ++i) {
            const QByteArray n = QByteArray::number(i);
            bytes += "Anna" + n + ",Müller-Lüdenscheidt,anna." + n + "@example.com,+49 30 " + n + ",\"Acme, Inc.\","
                + "Berlin," + QByteArray::number(random.bounded(100000)) + ",\"Met at fair; said \"\"call me\"\" in "
                + "spring, wants a quote for 20 seats. Follow up with the team lead next week.\"\r\n";
        }
        const Parsed parsed = parse(bytes);
        QCOMPARE(parsed.error, QString());
        QVERIFY(parsed.rows.size() >= 50000);
        const QStringList& last = parsed.rows.last();
        QCOMPARE(last.size(), 8);
        QCOMPARE(last.at(4), QStringLiteral("Acme, Inc."));
        QVERIFY(last.at(7).contains(QStringLiteral("said \"call me\" in spring")));
    }
};

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_csvreader.moc"
