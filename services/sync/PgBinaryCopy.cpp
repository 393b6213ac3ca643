#include "services/sync/PgBinaryCopy.h"

#include "services/sync/CopyChunks.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>

namespace {
constexpr char kSignature[] = "PGCOPY\n\377\r\n\0";
constexpr int kSignatureSize = 11;

template <typename T>
T readBig(const char* p)
{
    T value;
    std::memcpy(&value, p, sizeof value);
    return qFromBigEndian(value);
}

void put(char* out, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
} // namespace

CopyColumn CopyColumn::forServerType(const QString& name, const QString& typeName)
{
    CopyColumn column;
    column.name = name;
    if (typeName == QLatin1String("bool"))
        column.kind = Kind::Bool;
    else if (typeName == QLatin1String("int2"))
        column.kind = Kind::Int16;
    else if (typeName == QLatin1String("int4"))
        column.kind = Kind::Int32;
    else if (typeName == QLatin1String("int8"))
        column.kind = Kind::Int64;
    else if (typeName == QLatin1String("timestamptz"))
        column.kind = Kind::Time;
    else if (typeName == QLatin1String("jsonb"))
        column.kind = Kind::Jsonb;
    else
        column.castToText = typeName != QLatin1String("text") && typeName != QLatin1String("varchar");
    return column;
}

QString CopyColumn::selectExpression() const
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
    return castToText ? quoted + QStringLiteral("::text") : quoted;
}

void formatPgTimestamp(qint64 micros, char* out)
{
    // Milliseconds as the incremental pull gets them from QDateTime's ISO parser: microseconds rounded half up.
    // PostgreSQL's epoch is 2000-01-01, 10,957 days after the Unix epoch.
    const qint64 ms = floorDiv(micros + 500, 1000) + qint64(10957) * 86400000;
    qint64 days = floorDiv(ms, 86400000);
    const qint64 msOfDay = ms - days * 86400000;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    days += 719468;
    const qint64 era = floorDiv(days, 146097);
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    put(out, year, 4);
    out[4] = '-';
    put(out + 5, month, 2);
    out[7] = '-';
    put(out + 8, day, 2);
    out[10] = 'T';
    put(out + 11, static_cast<int>(msOfDay / 3600000), 2);
    out[13] = ':';
    put(out + 14, static_cast<int>(msOfDay / 60000 % 60), 2);
    out[16] = ':';
    put(out + 17, static_cast<int>(msOfDay / 1000 % 60), 2);
    out[19] = '.';
    put(out + 20, static_cast<int>(msOfDay % 1000), 3);
    out[23] = 'Z';
}

PgBinaryCopyReader::PgBinaryCopyReader(const QByteArray& data)
    : m_data(data)
{ }

bool PgBinaryCopyReader::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool PgBinaryCopyReader::truncatedAt(qsizetype start, const QString& message)
{
    m_pos = start;
    m_truncated = true;
    return fail(message);
}

void PgBinaryCopyReader::restart()
{
    m_pos = 0;
    m_truncated = false;
    m_error.clear();
}

bool PgBinaryCopyReader::readHeader()
{
    m_truncated = false;
    const qsizetype available = std::min<qsizetype>(m_data.size(), kSignatureSize);
    if (std::memcmp(m_data.constData(), kSignature, static_cast<size_t>(available)) != 0)
        return fail(QStringLiteral("not a binary COPY stream"));
    if (m_data.size() < kSignatureSize + 8)
        return truncatedAt(0, QStringLiteral("not a binary COPY stream"));
    const quint32 extension = readBig<quint32>(m_data.constData() + kSignatureSize + 4);
    const qsizetype end = kSignatureSize + 8 + static_cast<qsizetype>(extension);
    if (end > m_data.size())
        return truncatedAt(0, QStringLiteral("truncated COPY header"));
    m_pos = end;
    return true;
}

bool PgBinaryCopyReader::next()
{
    if (m_atEnd)
        return false;
    m_truncated = false;
    const qsizetype start = m_pos;
    if (m_pos + 2 > m_data.size())
        return truncatedAt(start, QStringLiteral("COPY data ends without its trailer"));
    const qint16 count = readBig<qint16>(m_data.constData() + m_pos);
    m_pos += 2;
    if (count == -1) {
        m_atEnd = true;
        return false;
    }
    if (count < 0)
        return fail(QStringLiteral("malformed COPY row"));
    m_fields.resize(static_cast<size_t>(count));
    for (Field& field : m_fields) {
        if (m_pos + 4 > m_data.size())
            return truncatedAt(start, QStringLiteral("truncated COPY row"));
        field.size = readBig<qint32>(m_data.constData() + m_pos);
        m_pos += 4;
        field.offset = m_pos;
        if (field.size > 0) {
            if (m_pos + field.size > m_data.size())
                return truncatedAt(start, QStringLiteral("truncated COPY field"));
            m_pos += field.size;
        } else if (field.size < -1) {
            return fail(QStringLiteral("malformed COPY field"));
        }
    }
    return true;
}

qint64 PgBinaryCopyReader::integer(int i, CopyColumn::Kind kind) const
{
    const char* p = data(i);
    switch (kind) {
    case CopyColumn::Kind::Bool:
        return size(i) >= 1 && p[0] != 0 ? 1 : 0;
    case CopyColumn::Kind::Int16:
        return size(i) == 2 ? readBig<qint16>(p) : 0;
    case CopyColumn::Kind::Int32:
        return size(i) == 4 ? readBig<qint32>(p) : 0;
    default:
        return size(i) == 8 ? readBig<qint64>(p) : 0;
    }
}

bool PgBinaryCopyReader::time(int i, char* out) const
{
    if (size(i) != 8)
        return false;
    const qint64 micros = readBig<qint64>(data(i));
    if (micros == std::numeric_limits<qint64>::max() || micros == std::numeric_limits<qint64>::min())
        return false;
    formatPgTimestamp(micros, out);
    return true;
}

PgBinaryCopyStream::PgBinaryCopyStream(
    const CopyChunks& chunks, const std::atomic<bool>* cancelled, std::chrono::milliseconds patience)
    : m_chunks(chunks)
    , m_cancelled(cancelled)
    , m_patience(patience)
{ }

bool PgBinaryCopyStream::more()
{
    QByteArray chunk;
    bool stalled = false;
    if (!m_chunks.chunk(m_next, &chunk, m_cancelled, m_patience, &stalled)) {
        if (stalled)
            m_error = QStringLiteral("the server sent no COPY data for %1 s").arg(m_patience.count() / 1000);
        else if (m_chunks.failed())
            m_error = m_chunks.error().isEmpty() ? QStringLiteral("the COPY stream broke off") : m_chunks.error();
        else if (m_cancelled && m_cancelled->load())
            m_error = QStringLiteral("cancelled");
        return false;
    }
    ++m_next;
    const qsizetype rest = m_reader.position();
    m_buffer = rest >= m_buffer.size() ? chunk : m_buffer.mid(rest) + chunk;
    m_reader.restart();
    return true;
}

bool PgBinaryCopyStream::readHeader()
{
    while (!m_reader.readHeader())
        if (!m_reader.truncated() || !more())
            return false;
    return true;
}

bool PgBinaryCopyStream::next()
{
    while (!m_reader.next())
        if (!m_reader.truncated() || !more())
            return false;
    return true;
}
