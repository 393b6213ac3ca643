#include "services/imports/CsvReader.h"

#include "services/imports/DelimiterDetector.h"
#include "services/imports/EncodingDetector.h"

#include <QHash>
#include <QIODevice>
#include <QLocale>
#include <QSet>

namespace {

bool isBlank(const QStringList& fields)
{
    return fields.size() == 1 && fields.front().isEmpty();
}

} // namespace

CsvReader::CsvReader(QIODevice* device)
    : m_device(device)
{
}

CsvFormat CsvReader::sniff(QIODevice* device)
{
    CsvFormat format;
    device->seek(0);
    const QByteArray sample = device->read(EncodingDetector::SampleSize);
    const bool atEnd = sample.size() < EncodingDetector::SampleSize || device->atEnd();
    format.encoding = EncodingDetector::detect(sample, atEnd);
    // On binary data the text before it is enough to guess from; reading reports the error.
    CsvDecoder decoder(format.encoding);
    QString text;
    decoder.decode(sample, &text);
    format.delimiter = DelimiterDetector::detect(text);
    device->seek(0);
    return format;
}

void CsvReader::setFormat(const CsvFormat& format)
{
    m_format = format;
    m_decoder = CsvDecoder(format.encoding);
}

bool CsvReader::readHeader(QStringList* header)
{
    header->clear();
    if (hasError())
        return false;
    QStringList fields;
    qint64 line = 0;
    bool found = readRecord(&fields, &line);
    // An Excel "sep=;" line names the delimiter (DelimiterDetector reads it); the header comes after it.
    if (found && fields.size() == 2 && fields.front() == QLatin1String("sep=") && fields.back().isEmpty())
        found = readRecord(&fields, &line);
    m_headerRead = true;
    if (!found) {
        if (!hasError())
            fail(tr("The file is empty: it has no header row."));
        return false;
    }
    // Names must be unique (case-insensitively) for the column mapping; the counters keep this linear.
    QSet<QString> taken;
    QHash<QString, int> nextSuffix;
    header->reserve(fields.size());
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QString name = fields.at(i).trimmed();
        if (name.isEmpty())
            name = tr("Column %1").arg(i + 1);
        QString unique = name;
        const QString key = name.toCaseFolded();
        int& suffix = nextSuffix[key];
        if (suffix == 0)
            suffix = 2;
        while (taken.contains(unique.toCaseFolded()))
            unique = QStringLiteral("%1 (%2)").arg(name).arg(suffix++);
        taken.insert(unique.toCaseFolded());
        header->append(unique);
    }
    return true;
}

bool CsvReader::next(Record* record)
{
    record->fields.clear();
    if (hasError())
        return false;
    qint64 line = 0;
    if (!readRecord(&record->fields, &line))
        return false;
    record->number = ++m_recordCount;
    record->line = line;
    return true;
}

bool CsvReader::readRecord(QStringList* fields, qint64* line)
{
    fields->clear();
    const char16_t delimiter = m_format.delimiter.unicode();
    QString field; // the current field's text so far, when it spans chunks or has doubled quotes
    State state = State::FieldStart;
    bool inRecord = false;
    qint64 recordLine = m_line;
    qint64 quoteLine = m_line;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            if (hasError())
                return false;
            if (state == State::Quoted)
                return fail(tr("Line %1: a quoted field is not closed before the end of the file.").arg(quoteLine));
            if (!inRecord || !appendField(fields, &field) || isBlank(*fields))
                return false;
            *line = recordLine;
            return true;
        }
        const QChar* data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        qsizetype i = m_pos;
        if (m_skipLineFeed) {
            m_skipLineFeed = false;
            if (data[i] == u'\n') {
                ++m_pos;
                continue;
            }
        }
        if (!inRecord) {
            recordLine = m_line;
            inRecord = true;
        }
        switch (state) {
        case State::FieldStart:
            if (data[i] == u'"') {
                state = State::Quoted;
                quoteLine = m_line;
                m_pos = i + 1;
                continue;
            }
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            const qsizetype start = i;
            char16_t c = 0;
            while (i < size) {
                c = data[i].unicode();
                if (c == delimiter || c == u'\n' || c == u'\r')
                    break;
                ++i;
            }
            if (!appendText(&field, data + start, i - start))
                return false;
            m_pos = i;
            if (i == size)
                continue;
            m_pos = i + 1;
            if (!appendField(fields, &field))
                return false;
            state = State::FieldStart;
            if (c == delimiter)
                continue;
            ++m_line;
            m_skipLineFeed = c == u'\r';
            if (isBlank(*fields)) {
                fields->clear();
                inRecord = false;
                continue;
            }
            *line = recordLine;
            return true;
        }
        case State::Quoted: {
            const qsizetype start = i;
            while (i < size) {
                const char16_t c = data[i].unicode();
                if (c == u'"')
                    break;
                if (c == u'\r' || (c == u'\n' && (i > 0 ? data[i - 1] : m_previousChunkEnd) != u'\r'))
                    ++m_line;
                ++i;
            }
            if (i + 1 < size && data[i + 1] == u'"') {
                // A doubled quote: keep one.
                if (!appendText(&field, data + start, i + 1 - start))
                    return false;
                m_pos = i + 2;
                continue;
            }
            if (!appendText(&field, data + start, i - start))
                return false;
            m_pos = qMin(i + 1, size);
            if (i + 1 < size)
                state = State::Unquoted; // closed; anything up to the delimiter is appended
            else if (i + 1 == size)
                state = State::QuoteInQuoted; // the next chunk tells whether it is doubled
            continue;
        }
        case State::QuoteInQuoted:
            if (data[i] == u'"') {
                if (!appendText(&field, data + i, 1))
                    return false;
                m_pos = i + 1;
                state = State::Quoted;
            } else {
                state = State::Unquoted;
            }
            continue;
        }
    }
}

bool CsvReader::fill()
{
    if (!m_buffer.isEmpty())
        m_previousChunkEnd = m_buffer.back();
    m_buffer.clear();
    m_pos = 0;
    while (m_buffer.isEmpty()) {
        if (m_endOfData || hasError())
            return false;
        m_raw.resize(m_chunkSize);
        const qint64 count = m_device->read(m_raw.data(), m_chunkSize);
        if (count < 0)
            return fail(tr("The file could not be read: %1").arg(m_device->errorString()));
        if (count == 0) {
            m_endOfData = true;
            if (!m_decoder.finish())
                return fail(m_decoder.errorString());
            return false;
        }
        m_bytesRead += count;
        if (!m_decoder.decode(QByteArrayView(m_raw.constData(), count), &m_buffer))
            return fail(m_decoder.errorString());
    }
    return true;
}

bool CsvReader::appendText(QString* field, const QChar* text, qsizetype length)
{
    if (length > m_maxFieldSize - field->size()) {
        const QString limit = QLocale().formattedDataSize(m_maxFieldSize, 0, QLocale::DataSizeTraditionalFormat);
        return fail(m_headerRead ? tr("Record %1 has a field larger than %2.").arg(m_recordCount + 1).arg(limit)
                                 : tr("The header row has a field larger than %1.").arg(limit));
    }
    if (field->isEmpty())
        *field = QString(text, length);
    else
        field->append(text, length);
    return true;
}

bool CsvReader::appendField(QStringList* fields, QString* field)
{
    if (fields->size() >= m_maxFieldCount) {
        return fail(m_headerRead ? tr("Record %1 has more than %2 fields.").arg(m_recordCount + 1).arg(m_maxFieldCount)
                                 : tr("The header row has more than %1 fields.").arg(m_maxFieldCount));
    }
    fields->append(std::move(*field));
    *field = QString();
    return true;
}

bool CsvReader::fail(const QString& message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}
