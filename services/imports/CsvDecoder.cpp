#include "services/imports/CsvDecoder.h"

#include "services/imports/EncodingDetector.h"
#include "services/imports/Windows1252.h"

#include <cstring>

namespace {

bool isUtf16(CsvFormat::Encoding encoding)
{
    return encoding == CsvFormat::Encoding::Utf16LE || encoding == CsvFormat::Encoding::Utf16BE;
}

// Offset of the first NUL byte, or the size when there is none.
qsizetype firstNul(QByteArrayView bytes)
{
    if (bytes.isEmpty()) // memchr must not get the null pointer of an empty view
        return 0;
    const void* nul = std::memchr(bytes.data(), 0, size_t(bytes.size()));
    return nul ? static_cast<const char*>(nul) - bytes.data() : bytes.size();
}

} // namespace

CsvDecoder::CsvDecoder(CsvFormat::Encoding encoding)
    : m_encoding(encoding)
{
    // The byte order mark is dropped below, the same way for every encoding.
    if (isUtf16(encoding)) {
        m_utf16 = QStringDecoder(
            encoding == CsvFormat::Encoding::Utf16LE ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
            QStringConverter::Flag::ConvertInitialBom);
    }
}

bool CsvDecoder::decode(QByteArrayView bytes, QString* text)
{
    text->clear();
    if (hasError())
        return false;
    bool ok = true;
    if (isUtf16(m_encoding)) {
        ok = decodeUtf16(bytes, text);
    } else if (m_encoding == CsvFormat::Encoding::Windows1252) {
        const qsizetype clean = firstNul(bytes);
        *text = Windows1252::toUnicode(bytes.first(clean));
        if (clean < bytes.size())
            ok = binaryAt(m_offset + clean);
        m_offset += bytes.size();
    } else {
        ok = decodeUtf8(bytes, text);
    }
    if (!m_started && !text->isEmpty()) {
        m_started = true;
        if (text->front() == QChar(0xFEFF))
            text->remove(0, 1);
    }
    return ok;
}

bool CsvDecoder::decodeUtf8(QByteArrayView bytes, QString* text)
{
    QByteArray joined;
    if (!m_pending.isEmpty()) {
        joined = m_pending;
        joined.append(bytes);
        bytes = joined;
        m_pending.clear();
    }
    const EncodingDetector::Utf8Check check = EncodingDetector::checkUtf8(bytes, false);
    const qsizetype clean = firstNul(bytes.first(check.validLength));
    *text = QString::fromUtf8(bytes.first(clean));
    if (clean < check.validLength)
        return binaryAt(m_offset + clean);
    if (check.invalid)
        return invalidAt(m_offset + check.validLength);
    m_pending = bytes.sliced(check.validLength).toByteArray();
    m_offset += check.validLength;
    return true;
}

bool CsvDecoder::decodeUtf16(QByteArrayView bytes, QString* text)
{
    *text = m_utf16.decode(bytes);
    m_offset += bytes.size();
    const qsizetype nul = text->indexOf(QChar(0));
    if (nul >= 0) {
        text->truncate(nul);
        return binaryAt(2 * (m_units + nul));
    }
    m_units += text->size();
    return true;
}

bool CsvDecoder::finish()
{
    if (hasError())
        return false;
    if (!m_pending.isEmpty())
        return invalidAt(m_offset);
    if (isUtf16(m_encoding) && m_offset % 2 != 0)
        return invalidAt(m_offset - 1);
    return true;
}

bool CsvDecoder::binaryAt(qint64 offset)
{
    m_error = tr("This file is not text (binary data at byte %1).").arg(offset);
    return false;
}

bool CsvDecoder::invalidAt(qint64 offset)
{
    m_error = tr("This file is not valid %1 text (at byte %2). Choose another encoding and try again.")
                  .arg(CsvFormat::encodingName(m_encoding))
                  .arg(offset);
    return false;
}
