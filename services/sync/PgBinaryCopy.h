#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <vector>

// One column of a first-sync COPY: its name, how PostgreSQL sends it in binary COPY format and so how it is decoded.
struct CopyColumn
{
    enum class Kind { Text, Bool, Int16, Int32, Int64, Time, Jsonb };

    QString name;
    Kind kind = Kind::Text;
    // Text holds every type without a decoder of its own; those are cast to text on the server.
    bool castToText = false;

    // From pg_type.typname.
    static CopyColumn forServerType(const QString& name, const QString& typeName);
    // The column in the COPY's select list.
    QString selectExpression() const;
};

// Reads the rows of a `COPY … TO STDOUT (FORMAT binary)` stream: the 19-byte header, then per row a 16-bit field
// count and per field a 32-bit length (-1: NULL) and the bytes, then the trailer (-1). Fields point into the data.
class PgBinaryCopyReader
{
public:
    explicit PgBinaryCopyReader(const QByteArray& data);

    // Checks the signature and skips the header; false with error() on anything else.
    bool readHeader();
    // The next row; false at the trailer (atEnd()) or on malformed data (error()).
    bool next();
    bool atEnd() const { return m_atEnd; }
    QString error() const { return m_error; }
    // The last readHeader() or next() failed only because the data ended in the middle of the header or a row;
    // position() is then where that began.
    bool truncated() const { return m_truncated; }
    qsizetype position() const { return m_pos; }
    // Reads the data again from its start (after it was replaced: PgBinaryCopyStream).
    void restart();

    int fieldCount() const { return static_cast<int>(m_fields.size()); }
    bool isNull(int i) const { return m_fields[i].size < 0; }
    const char* data(int i) const { return m_data.constData() + m_fields[i].offset; }
    int size(int i) const { return m_fields[i].size; }

    qint64 integer(int i, CopyColumn::Kind kind) const;
    // timestamptz (microseconds since 2000-01-01 UTC) as the replica stores times (Ids::toStorage):
    // "yyyy-MM-ddTHH:mm:ss.zzzZ" in out (24 characters); false for ±infinity.
    bool time(int i, char* out) const;

private:
    bool fail(const QString& message);
    bool truncatedAt(qsizetype start, const QString& message);

    struct Field
    {
        qsizetype offset = 0;
        int size = -1;
    };
    const QByteArray& m_data;
    qsizetype m_pos = 0;
    bool m_atEnd = false;
    bool m_truncated = false;
    QString m_error;
    std::vector<Field> m_fields;
};

class CopyChunks;

// The rows of a COPY stream that arrives in chunks (CopyChunks), read while it arrives: a header or row cut by a chunk
// boundary is read once the next chunk is there. Fields of row() stay valid until the next call of next().
class PgBinaryCopyStream
{
public:
    // cancelled: stop waiting for chunks once it is true; patience: give up when nothing arrives for that long.
    explicit PgBinaryCopyStream(const CopyChunks& chunks, const std::atomic<bool>* cancelled = nullptr,
        std::chrono::milliseconds patience = std::chrono::milliseconds::max());

    bool readHeader();
    bool next();
    bool atEnd() const { return m_reader.atEnd(); }
    QString error() const { return m_error.isEmpty() ? m_reader.error() : m_error; }
    const PgBinaryCopyReader& row() const { return m_reader; }

private:
    bool more(); // the unread rest of the buffer followed by the next chunk; false when there is none

    const CopyChunks& m_chunks;
    const std::atomic<bool>* m_cancelled;
    std::chrono::milliseconds m_patience;
    int m_next = 0;
    QByteArray m_buffer;
    PgBinaryCopyReader m_reader { m_buffer };
    QString m_error;
};

// Microseconds since 2000-01-01 UTC as "yyyy-MM-ddTHH:mm:ss.zzzZ" (24 characters, truncated to milliseconds).
void formatPgTimestamp(qint64 micros, char* out);
