#pragma once

#include "services/imports/CsvDecoder.h"
#include "services/imports/CsvFormat.h"

#include <QCoreApplication>
#include <QStringList>

class QIODevice;

// Streaming RFC 4180 reader: reads the device in chunks (64 KB by default), never the whole file. Quoted fields may
// hold delimiters, doubled quotes and line breaks; line ends may be CRLF, LF or CR, mixed. Lenient where spreadsheets
// are: a quote inside an unquoted field is kept, text after a closing quote is appended, whitespace is kept as data,
// the last record needs no line end. Blank lines (a record of one empty field) are skipped. Rows with a different
// number of fields than the header are returned as they are.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    struct Record {
        QStringList fields;
        qint64 number = 0; // 1-based record number after the header
        qint64 line = 0; // 1-based physical line where the record starts
    };

    static constexpr qsizetype DefaultChunkSize = 64 * 1024;
    static constexpr qsizetype DefaultMaxFieldSize = 16 * 1024 * 1024;
    static constexpr qsizetype DefaultMaxFieldCount = 65536;

    explicit CsvReader(QIODevice* device); // already open for reading, positioned at the start

    // Reads a sample to find the encoding and the delimiter, then seeks back to the start.
    static CsvFormat sniff(QIODevice* device);

    void setFormat(const CsvFormat& format); // before readHeader
    CsvFormat format() const { return m_format; }

    // The first record (after an Excel "sep=;" line), trimmed; empty names become "Column N", repeated ones
    // (ignoring case) "Email (2)". False on an empty file.
    bool readHeader(QStringList* header);
    // False at the end of the data, or on an error (see hasError).
    bool next(Record* record);

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qint64 bytesRead() const { return m_bytesRead; } // consumed from the device, for progress

    void setMaxFieldSize(qsizetype chars) { m_maxFieldSize = chars; }
    void setMaxFieldCount(qsizetype fields) { m_maxFieldCount = fields; }
    void setChunkSize(qsizetype bytes) { m_chunkSize = qMax<qsizetype>(1, bytes); }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

    bool readRecord(QStringList* fields, qint64* line);
    bool fill();
    bool appendText(QString* field, const QChar* text, qsizetype length);
    bool appendField(QStringList* fields, QString* field);
    bool fail(const QString& message);
    QString recordName() const;

    QIODevice* m_device;
    CsvFormat m_format;
    CsvDecoder m_decoder;
    QByteArray m_raw;
    QString m_buffer; // decoded text of the current chunk
    qsizetype m_pos = 0;
    QChar m_previousChunkEnd; // last character of the chunk before m_buffer
    bool m_endOfData = false;
    bool m_skipLineFeed = false; // a record ended with CR: a LF right after it belongs to the same line end
    bool m_headerRead = false;
    qint64 m_line = 1;
    qint64 m_recordCount = 0; // records returned by next()
    qint64 m_bytesRead = 0;
    qsizetype m_chunkSize = DefaultChunkSize;
    qsizetype m_maxFieldSize = DefaultMaxFieldSize;
    qsizetype m_maxFieldCount = DefaultMaxFieldCount;
    QString m_error;
};
