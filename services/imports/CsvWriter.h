#pragma once

#include <QChar>
#include <QStringList>

class QIODevice;

// RFC 4180 writer: UTF-8 with a byte order mark (so spreadsheets detect the encoding), CRLF line ends, quotes only
// around fields that need them. Values are written as given: exporters pass them through escapeFormula first.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice* device, QChar delimiter = QLatin1Char(','));

    bool writeRecord(const QStringList& fields);

    // Spreadsheet formula injection: a value that starts with = + - @ TAB or CR, possibly after apostrophes, gets one
    // more leading apostrophe on export, and the importer removes exactly one. Values of that form always carry at
    // least one apostrophe after escaping, so the pair is a bijection and export → import round-trips exactly.
    static QString escapeFormula(const QString& value);
    static QString unescapeFormula(const QString& value);

private:
    QIODevice* m_device;
    QChar m_delimiter;
    bool m_bomWritten = false;
};
