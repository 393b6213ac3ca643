#pragma once

#include <QByteArrayView>
#include <QString>

// Windows-1252 ("ANSI" on Western Windows), decoded without ICU: Latin-1 except for 0x80–0x9F, where it has € and
// typographic quotes. The five bytes it leaves undefined become the C1 control characters, as in the WHATWG table.
namespace Windows1252 {

QString toUnicode(QByteArrayView bytes);

} // namespace Windows1252
