#include "tests/fuzz/CsvReaderFuzz.h"

#include "services/imports/CsvReader.h"
#include "services/imports/CsvWriter.h"

#include <QBuffer>

namespace {

constexpr qsizetype RecordCap = 100000;

// Written records must come back unchanged when read with the same delimiter.
QString roundTrip(const QList<QStringList>& records, QChar delimiter)
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    CsvWriter writer(&out, delimiter);
    writer.writeRecord({ QStringLiteral("h") });
    for (const QStringList& fields : records)
        writer.writeRecord(fields);
    out.close();

    QBuffer in;
    in.setData(out.data());
    in.open(QIODevice::ReadOnly);
    CsvReader reader(&in);
    reader.setFormat({ CsvFormat::Encoding::Utf8Bom, delimiter });
    QStringList header;
    if (!reader.readHeader(&header))
        return QStringLiteral("round trip: no header: ") + reader.errorString();
    CsvReader::Record record;
    for (const QStringList& fields : records) {
        if (!reader.next(&record))
            return QStringLiteral("round trip: record missing: ") + reader.errorString();
        if (record.fields != fields)
            return QStringLiteral("round trip: record %1 differs").arg(record.number);
    }
    if (reader.next(&record) || reader.hasError())
        return QStringLiteral("round trip: extra record or error: ") + reader.errorString();
    return {};
}

} // namespace

QString CsvReaderFuzz::run(QByteArrayView input)
{
    const uchar options = input.isEmpty() ? 0 : uchar(input.back());
    QBuffer buffer;
    buffer.setData(input.toByteArray());
    buffer.open(QIODevice::ReadOnly);

    CsvFormat format = CsvReader::sniff(&buffer);
    if (buffer.pos() != 0)
        return QStringLiteral("sniff did not seek back");
    if (options & 0x04)
        format.encoding = CsvFormat::Encoding((options >> 3) % 5);
    if (options & 0x80)
        format.delimiter = QLatin1Char(';');

    CsvReader reader(&buffer);
    constexpr qsizetype ChunkSizes[] = { CsvReader::DefaultChunkSize, 1, 7, 64 };
    reader.setChunkSize(ChunkSizes[options & 0x03]);
    if (options & 0x40)
        reader.setMaxFieldSize(100);
    reader.setFormat(format);

    QStringList header;
    QList<QStringList> records;
    if (reader.readHeader(&header)) {
        if (header.isEmpty() || header.removeDuplicates() != 0)
            return QStringLiteral("header names empty or not unique");
        CsvReader::Record record;
        qint64 line = 0;
        while (records.size() < RecordCap && reader.next(&record)) {
            if (record.number != records.size() + 1 || record.line <= line || record.fields.isEmpty())
                return QStringLiteral("record %1 at line %2: bad numbering").arg(record.number).arg(record.line);
            if (record.fields.size() == 1 && record.fields.front().isEmpty())
                return QStringLiteral("blank record returned");
            line = record.line;
            records.append(record.fields);
        }
    }
    if (reader.hasError() && reader.errorString().isEmpty())
        return QStringLiteral("error without a message");
    if (reader.bytesRead() > input.size())
        return QStringLiteral("read more bytes than there are");
    if (!reader.hasError() && records.size() < RecordCap && reader.bytesRead() != input.size())
        return QStringLiteral("clean end before the end of the input");

    // UTF-16 input may hold lone surrogates, which UTF-8 output cannot carry.
    const bool utf16
        = format.encoding == CsvFormat::Encoding::Utf16LE || format.encoding == CsvFormat::Encoding::Utf16BE;
    if (!utf16 && !(options & 0x40))
        return roundTrip(records, format.delimiter);
    return {};
}
