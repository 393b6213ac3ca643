#pragma once

#include "services/imports/CsvFormat.h"

#include <QByteArray>
#include <QByteArrayView>

// Guesses how a CSV file is encoded from its first bytes: a byte order mark decides; otherwise UTF-8 when the sample is
// valid UTF-8 (pure ASCII included), else Windows-1252, which accepts any byte.
class EncodingDetector
{
public:
    static constexpr qsizetype SampleSize = 256 * 1024;

    // atEnd: the sample is the whole file, so a multi-byte sequence cut at its end is an error, not a sample boundary.
    static CsvFormat::Encoding detect(const QByteArray& sample, bool atEnd);

    struct Utf8Check {
        qsizetype validLength = 0; // bytes from the start that are complete, valid UTF-8 sequences
        bool invalid = false; // false: everything is valid, or (not at the end) only a sequence cut at the end is left
    };
    // Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
    static Utf8Check checkUtf8(QByteArrayView bytes, bool atEnd);
};
