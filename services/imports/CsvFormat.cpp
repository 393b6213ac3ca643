#include "services/imports/CsvFormat.h"

#include <QCoreApplication>

QString CsvFormat::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8Bom:
        return QCoreApplication::translate("CsvFormat", "UTF-8 (BOM)");
    case Encoding::Utf16LE:
        return QCoreApplication::translate("CsvFormat", "UTF-16 LE");
    case Encoding::Utf16BE:
        return QCoreApplication::translate("CsvFormat", "UTF-16 BE");
    case Encoding::Windows1252:
        return QCoreApplication::translate("CsvFormat", "Windows-1252");
    case Encoding::Utf8:
        break;
    }
    return QCoreApplication::translate("CsvFormat", "UTF-8");
}
