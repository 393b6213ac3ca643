#include "services/pricing/KeywordText.h"

namespace {
bool isWordCharacter(char32_t c)
{
    return QChar::isLetterOrNumber(c);
}

bool isMark(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing;
}

// Letters that do not decompose into a base letter plus a mark.
void appendFolded(QString& word, char32_t c)
{
    switch (c) {
    case U'ß':
        word += QStringLiteral("ss");
        return;
    case U'æ':
        word += QStringLiteral("ae");
        return;
    case U'œ':
        word += QStringLiteral("oe");
        return;
    case U'ø':
        word += QLatin1Char('o');
        return;
    case U'ł':
        word += QLatin1Char('l');
        return;
    case U'đ':
    case U'ð':
        word += QLatin1Char('d');
        return;
    case U'þ':
        word += QStringLiteral("th");
        return;
    case U'ı':
        word += QLatin1Char('i');
        return;
    default:
        break;
    }
    if (QChar::requiresSurrogates(c)) {
        word += QChar(QChar::highSurrogate(c));
        word += QChar(QChar::lowSurrogate(c));
    } else {
        word += QChar(static_cast<char16_t>(c));
    }
}
} // namespace

namespace KeywordText {

QStringList words(const QString& text)
{
    const QString folded = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    const QList<uint> codePoints = folded.toUcs4();
    QStringList result;
    QString word;
    const qsizetype count = codePoints.size();
    for (qsizetype i = 0; i < count; ++i) {
        const char32_t c = codePoints.at(i);
        if (isWordCharacter(c)) {
            appendFolded(word, c);
            continue;
        }
        if (isMark(c))
            continue; // the accent of a decomposed letter: the word goes on
        if ((c == U'+' || c == U'#') && !word.isEmpty()) {
            // "c++" / "c#": keep the run of + and # when it ends the word.
            qsizetype end = i;
            while (end < count && (codePoints.at(end) == U'+' || codePoints.at(end) == U'#'))
                ++end;
            if (end == count || !isWordCharacter(codePoints.at(end))) {
                for (qsizetype k = i; k < end; ++k)
                    word += QChar(static_cast<char16_t>(codePoints.at(k)));
                i = end - 1;
                continue;
            }
        }
        if (!word.isEmpty()) {
            result.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        result.append(word);
    return result;
}

QString normalizedKeyword(const QString& keyword)
{
    return keyword.simplified().toLower();
}

} // namespace KeywordText
