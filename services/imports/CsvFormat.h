#pragma once

#include <QChar>
#include <QString>

// How a CSV file is encoded and split into fields: found by CsvReader::sniff, or chosen by the user.
struct CsvFormat {
    enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };

    Encoding encoding = Encoding::Utf8;
    QChar delimiter = QLatin1Char(',');

    static QString encodingName(Encoding encoding); // "UTF-8", "UTF-8 (BOM)", "UTF-16 LE", "UTF-16 BE", "Windows-1252"
};
