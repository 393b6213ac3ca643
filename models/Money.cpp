#include "models/Money.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace Money {

QString format(qint64 minor, const QString& currency, bool showCents)
{
    // The C locale puts the symbol after the number; show money the way an English UI would instead.
    const QLocale locale = QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                              : QLocale();
    const double major = static_cast<double>(minor) / 100.0;
    QString symbol = currency;
    if (currency == QLatin1String("EUR"))
        symbol = QStringLiteral("€");
    else if (currency == QLatin1String("USD"))
        symbol = QStringLiteral("$");
    else if (currency == QLatin1String("GBP"))
        symbol = QStringLiteral("£");
    return locale.toCurrencyString(major, symbol, showCents ? 2 : 0);
}

namespace {
// "12500" or "12500.5" / "12500.50": what most exports write, read without the regular expressions below.
bool parsePlain(QStringView text, qint64* minor)
{
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView cents = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (whole.isEmpty() || whole.size() > 13 || (dot >= 0 && (cents.isEmpty() || cents.size() > 2)))
        return false;
    const auto digits = [](QStringView part) {
        return std::all_of(part.begin(), part.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (!digits(whole) || !digits(cents))
        return false;
    const qint64 units = whole.toLongLong();
    if (units > 9'000'000'000'000LL)
        return false;
    const qint64 hundredths = cents.isEmpty() ? 0 : cents.toLongLong() * (cents.size() == 1 ? 10 : 1);
    *minor = units * 100 + hundredths;
    return true;
}
} // namespace

bool parse(const QString& text, qint64* minor)
{
    if (parsePlain(QStringView(text).trimmed(), minor))
        return true;
    QString cleaned = text.trimmed();
    // Unicode spaces too: locales group and pad with U+00A0 / U+202F ("12.500,50 €" in German).
    static const QRegularExpression noise(QStringLiteral("[\\s€$£]|[A-Z]{3}"),
        QRegularExpression::UseUnicodePropertiesOption);
    cleaned.remove(noise);
    if (cleaned.isEmpty()) {
        *minor = 0;
        return true;
    }
    // Accept both "1,234.56" and "1.234,56": the last separator followed by 1-2 digits is the decimal one.
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,3}(?:[.,\\s]?\\d{3})*|\\d+)(?:[.,](\\d{1,2}))?$"));
    const auto match = pattern.match(cleaned);
    if (!match.hasMatch())
        return false;
    QString whole = match.captured(1);
    static const QRegularExpression separators(QStringLiteral("[.,\\s]"));
    whole.remove(separators);
    const QString cents = match.captured(2).leftJustified(2, QLatin1Char('0'));
    bool ok = false;
    const qint64 units = whole.toLongLong(&ok);
    if (!ok || units > 9'000'000'000'000LL)
        return false;
    *minor = units * 100 + cents.toLongLong();
    return true;
}

} // namespace Money
