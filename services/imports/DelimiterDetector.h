#pragma once

#include <QChar>
#include <QString>

// Picks the field delimiter of decoded CSV text among comma, semicolon, tab and pipe: the one whose count per record
// (outside quotes) is the same in most of the first records. Ties, and text with none of them, give a comma. An Excel
// "sep=;" first line decides on its own.
class DelimiterDetector
{
public:
    static constexpr int SampleRecords = 50;

    static QChar detect(const QString& sample);
};
