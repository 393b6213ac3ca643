#include "services/imports/CsvReader.h"
#include "services/imports/CsvWriter.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using Rows = QList<QStringList>;

namespace {

QStringList L(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

QByteArray write(const Rows& rows, QChar delimiter = QLatin1Char(','))
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, delimiter);
    for (const QStringList& row : rows) {
        if (!writer.writeRecord(row))
            return {};
    }
    return buffer.data();
}

// Sniffs like the importer does, so the writer's output must also be recognised.
struct ReadBack {
    CsvFormat format;
    QStringList header;
    Rows rows;
    QString error;
};

ReadBack read(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ReadBack result;
    result.format = CsvReader::sniff(&buffer);
    CsvReader reader(&buffer);
    reader.setFormat(result.format);
    if (reader.readHeader(&result.header)) {
        CsvReader::Record record;
        while (reader.next(&record)) {
            QStringList fields;
            for (const QString& field : std::as_const(record.fields))
                fields.append(CsvWriter::unescapeFormula(field));
            result.rows.append(fields);
        }
    }
    result.error = reader.errorString();
    return result;
}

QStringList escaped(const QStringList& fields)
{
    QStringList result;
    for (const QString& field : fields)
        result.append(CsvWriter::escapeFormula(field));
    return result;
}

QString randomText(QRandomGenerator& random)
{
    static const QStringList pieces = L({ "a", "Z", "0", " ", ",", ";", "\t", "|", "\"", "\"\"", "\r", "\n", "\r\n",
        "😀", "é", "日本", "=", "+", "-", "@", "'", "=SUM(A1)", "Müller", "" });
    QString text;
    const int count = random.bounded(12);
    for (int i = 0; i < count; ++i)
        text += pieces.at(random.bounded(int(pieces.size())));
    return text;
}

} // namespace

class tst_CsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void quoting_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<QByteArray>("line");
        const QChar comma(u',');
        QTest::newRow("plain") << L({ "a", "b c", "" }) << comma << QByteArray("a,b c,\r\n");
        QTest::newRow("delimiter") << L({ "a,b", "c;d" }) << comma << QByteArray("\"a,b\",c;d\r\n");
        QTest::newRow("semicolon") << L({ "a,b", "c;d" }) << QChar(u';') << QByteArray("a,b;\"c;d\"\r\n");
        QTest::newRow("tab") << L({ "a\tb", "c" }) << QChar(u'\t') << QByteArray("\"a\tb\"\tc\r\n");
        QTest::newRow("quotes") << L({ "say \"hi\"", "\"" }) << comma << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\r\n");
        QTest::newRow("line breaks") << L({ "a\nb", "c\r", "d\r\ne" }) << comma
                                     << QByteArray("\"a\nb\",\"c\r\",\"d\r\ne\"\r\n");
        QTest::newRow("spaces, unicode") << L({ " x ", "😀 é" }) << comma << QByteArray(" x ,😀 é\r\n");
        QTest::newRow("empty fields") << L({ "", "" }) << comma << QByteArray(",\r\n");
    }

    void quoting()
    {
        QFETCH(QStringList, fields);
        QFETCH(QChar, delimiter);
        QFETCH(QByteArray, line);
        QCOMPARE(write({ fields }, delimiter), QByteArray("\xEF\xBB\xBF") + line);
        // The byte order mark starts the file, not every record.
        QCOMPARE(write({ fields, fields }, delimiter), QByteArray("\xEF\xBB\xBF") + line + line);
    }

    void formulaInjection_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("exported");
        const auto row = [](const char* value, const char* exported) {
            QTest::newRow(value) << QString::fromUtf8(value) << QString::fromUtf8(exported);
        };
        row("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
        row("+1", "'+1");
        row("-2+3", "'-2+3");
        row("@SUM(1)", "'@SUM(1)");
        row("\t=1+1", "'\t=1+1");
        row("\r=1+1", "'\r=1+1");
        row("'=x", "''=x");
        row("''=x", "'''=x");
        // Not formulas: unchanged, and unchanged when read back.
        row("'x", "'x");
        row("'", "'");
        row("''", "''");
        row("", "");
        row("a=b", "a=b");
        row(" =1", " =1");
        row("x\t", "x\t");
    }

    void formulaInjection()
    {
        QFETCH(QString, value);
        QFETCH(QString, exported);
        QCOMPARE(CsvWriter::escapeFormula(value), exported);
        QCOMPARE(CsvWriter::unescapeFormula(exported), value);

        const QByteArray bytes
            = write({ { QStringLiteral("Name"), QStringLiteral("Notes") }, escaped({ value, QStringLiteral("x") }) });
        const ReadBack back = read(bytes);
        QCOMPARE(back.error, QString());
        QCOMPARE(back.rows, Rows({ { value, QStringLiteral("x") } }));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("comma") << QChar(u',');
        QTest::newRow("semicolon") << QChar(u';');
        QTest::newRow("tab") << QChar(u'\t');
        QTest::newRow("pipe") << QChar(u'|');
    }

    // Property: whatever the values, export → import gives them back exactly (the encoding and the delimiter found by
    // sniffing, quotes, line breaks, emoji, formula prefixes, empty fields).
    void roundTrip()
    {
        QFETCH(QChar, delimiter);
        QRandomGenerator random(20240601);
        const QStringList header = L({ "c1", "c2", "c3", "c4", "c5", "c6" });
        Rows rows;
        for (int i = 0; i < 500; ++i) {
            QStringList fields;
            for (qsizetype column = 0; column < header.size(); ++column)
                fields.append(randomText(random));
            rows.append(fields);
        }
        Rows exported { header };
        for (const QStringList& fields : std::as_const(rows))
            exported.append(escaped(fields));

        const ReadBack back = read(write(exported, delimiter));
        QCOMPARE(back.error, QString());
        QCOMPARE(back.format.encoding, CsvFormat::Encoding::Utf8Bom);
        QCOMPARE(back.format.delimiter, delimiter);
        QCOMPARE(back.header, header);
        QCOMPARE(back.rows.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            QCOMPARE(back.rows.at(i), rows.at(i));
    }

    void writeFailure()
    {
        QBuffer buffer; // not open
        CsvWriter writer(&buffer);
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
        QVERIFY(!writer.writeRecord({ QStringLiteral("a") }));
    }
};

QTEST_GUILESS_MAIN(tst_CsvWriter)
#include "tst_csvwriter.moc"
