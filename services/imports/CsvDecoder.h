#pragma once

#include "services/imports/CsvFormat.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringDecoder>

// Turns the bytes of a CSV file into text chunk by chunk, whatever the chunk boundaries cut (multi-byte UTF-8
// sequences, UTF-16 code units and surrogate pairs). A leading byte order mark is dropped. Binary data (NUL) and
// bytes that are not valid in the encoding are errors with the byte offset, never silently replaced.
class CsvDecoder
{
    Q_DECLARE_TR_FUNCTIONS(CsvDecoder)

public:
    explicit CsvDecoder(CsvFormat::Encoding encoding = CsvFormat::Encoding::Utf8);

    // Replaces *text with the text of the next bytes of the stream. On an error, *text has the text before it.
    bool decode(QByteArrayView bytes, QString* text);
    // End of the stream: an error if it stops in the middle of a character.
    bool finish();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    bool decodeUtf8(QByteArrayView bytes, QString* text);
    bool decodeUtf16(QByteArrayView bytes, QString* text);
    bool binaryAt(qint64 offset);
    bool invalidAt(qint64 offset);

    CsvFormat::Encoding m_encoding;
    QStringDecoder m_utf16;
    QByteArray m_pending; // UTF-8: a sequence cut by the end of the previous bytes
    qint64 m_offset = 0; // stream offset of the first byte not decoded yet
    qint64 m_units = 0; // UTF-16: code units decoded so far, each from two bytes
    bool m_started = false; // the first text has been produced (and a byte order mark dropped)
    QString m_error;
};
