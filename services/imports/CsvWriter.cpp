#include "services/imports/CsvWriter.h"

#include <QIODevice>

namespace {

// Index of the first character after the leading apostrophes, when a formula trigger is there; otherwise -1.
qsizetype formulaStart(const QString& value)
{
    qsizetype i = 0;
    while (i < value.size() && value.at(i) == u'\'')
        ++i;
    if (i == value.size())
        return -1;
    switch (value.at(i).unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return i;
    default:
        return -1;
    }
}

} // namespace

CsvWriter::CsvWriter(QIODevice* device, QChar delimiter)
    : m_device(device)
    , m_delimiter(delimiter)
{
}

QString CsvWriter::escapeFormula(const QString& value)
{
    if (formulaStart(value) < 0)
        return value;
    return QLatin1Char('\'') + value;
}

QString CsvWriter::unescapeFormula(const QString& value)
{
    if (formulaStart(value) <= 0)
        return value;
    return value.mid(1);
}

bool CsvWriter::writeRecord(const QStringList& fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += m_delimiter;
        const QString& value = fields.at(i);
        const bool quote = value.contains(QLatin1Char('"')) || value.contains(m_delimiter)
            || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
        if (quote) {
            QString doubled = value;
            doubled.replace(QLatin1Char('"'), QLatin1String("\"\""));
            line += QLatin1Char('"') + doubled + QLatin1Char('"');
        } else {
            line += value;
        }
    }
    line += QLatin1String("\r\n");
    QByteArray bytes = line.toUtf8();
    // Appending to a file that already has content must not put a byte order mark in the middle.
    if (!m_bomWritten && m_device->pos() == 0) {
        bytes.prepend("\xEF\xBB\xBF");
    }
    m_bomWritten = true;
    return m_device->write(bytes) == bytes.size();
}
