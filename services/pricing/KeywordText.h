#pragma once

#include <QString>
#include <QStringList>

// How text and keywords are compared when pricing a deal: folded case, no diacritics ("Café" = "cafe"),
// compatibility forms unified ("ﬁ" = "fi"), split into words of letters and digits. A trailing "+" or "#" stays
// part of its word, so "C++" and "C#" are words of their own and do not match a lone "c".
namespace KeywordText {
QStringList words(const QString& text);
// The keyword as it is stored: trimmed, lower case, inner whitespace collapsed.
QString normalizedKeyword(const QString& keyword);
} // namespace KeywordText
