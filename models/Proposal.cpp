#include "models/Proposal.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

#include <array>
#include <limits>
#include <utility>

namespace {
constexpr quint64 kMax = static_cast<quint64>(std::numeric_limits<qint64>::max());

constexpr std::array<std::pair<Proposal::Status, const char*>, 4> kStatusKeys {{
    { Proposal::Status::Draft, "draft" },
    { Proposal::Status::Sent, "sent" },
    { Proposal::Status::Accepted, "accepted" },
    { Proposal::Status::Rejected, "rejected" },
}};

bool mulChecked(quint64 a, quint64 b, quint64* out)
{
    if (a != 0 && b > kMax / a)
        return false;
    *out = a * b;
    return true;
}

bool addChecked(quint64 a, quint64 b, quint64* out)
{
    if (a > kMax || b > kMax - a)
        return false;
    *out = a + b;
    return true;
}

quint64 magnitude(qint64 value)
{
    return value < 0 ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
}

// a × b / divisor rounded half away from zero, exact for every qint64 input without a wider integer type (MSVC has
// no __int128): with a = aHigh·d + aLow and b = bHigh·d + bLow, a·b/d = aHigh·b + aLow·bHigh + aLow·bLow/d, and only
// the last term, below d, needs rounding. False when the result does not fit in qint64.
bool mulDivHalfUp(qint64 a, qint64 b, quint64 divisor, qint64* out)
{
    const bool negative = (a < 0) != (b < 0);
    const quint64 ua = magnitude(a);
    const quint64 ub = magnitude(b);
    const quint64 aHigh = ua / divisor;
    const quint64 aLow = ua % divisor;
    const quint64 bHigh = ub / divisor;
    const quint64 bLow = ub % divisor;
    const quint64 rest = aLow * bLow; // both below divisor (at most 10,000), so no overflow
    const quint64 rounded = rest / divisor + ((rest % divisor) * 2 >= divisor ? 1 : 0);
    quint64 first = 0;
    quint64 second = 0;
    quint64 sum = 0;
    if (!mulChecked(aHigh, ub, &first) || !mulChecked(aLow, bHigh, &second) || !addChecked(first, second, &sum)
        || !addChecked(sum, rounded, &sum)) {
        return false;
    }
    *out = negative ? -static_cast<qint64>(sum) : static_cast<qint64>(sum);
    return true;
}

bool addSigned(qint64 a, qint64 b, qint64* out)
{
    if ((b > 0 && a > std::numeric_limits<qint64>::max() - b) || (b < 0 && a < std::numeric_limits<qint64>::min() - b))
        return false;
    *out = a + b;
    return true;
}

QLocale displayLocale()
{
    // Same choice as Money::format: the C locale reads oddly to people, so fall back to English.
    return QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale();
}

// value / 10^decimals without trailing zeros, e.g. (1500, 3) -> "1.5"; integer-only so 0.1 never becomes 0.0999.
QString formatScaled(qint64 value, int decimals)
{
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    const QLocale locale = displayLocale();
    const quint64 abs = magnitude(value);
    QString text = locale.toString(static_cast<qulonglong>(abs / static_cast<quint64>(scale)));
    QString fraction = QString::number(abs % static_cast<quint64>(scale)).rightJustified(decimals, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    if (!fraction.isEmpty())
        text += locale.decimalPoint() + fraction;
    return value < 0 ? locale.negativeSign() + text : text;
}
} // namespace

QString PricingLine::formatQuantity(qint64 quantityMilli)
{
    return formatScaled(quantityMilli, 3);
}

QString PricingLine::formatTaxRate(int basisPoints)
{
    return formatScaled(basisPoints, 2) + QStringLiteral(" %");
}

LineAmounts Proposal::lineAmounts(const PricingLine& line, bool* overflow)
{
    LineAmounts amounts;
    const bool ok = mulDivHalfUp(line.quantityMilli, line.unitPriceMinor, 1000, &amounts.netMinor)
        && mulDivHalfUp(amounts.netMinor, line.taxRateBasisPoints, 10000, &amounts.taxMinor);
    if (!ok && overflow)
        *overflow = true;
    return amounts;
}

ProposalTotals Proposal::computeTotals(const QList<PricingLine>& lines)
{
    ProposalTotals totals;
    for (const PricingLine& line : lines) {
        const LineAmounts amounts = lineAmounts(line, &totals.overflow);
        totals.lines.append(amounts);
        if (!addSigned(totals.subtotalMinor, amounts.netMinor, &totals.subtotalMinor)
            || !addSigned(totals.taxMinor, amounts.taxMinor, &totals.taxMinor)) {
            totals.overflow = true;
        }
    }
    if (!addSigned(totals.subtotalMinor, totals.taxMinor, &totals.totalMinor))
        totals.overflow = true;
    return totals;
}

QString Proposal::statusKey(Status status)
{
    for (const auto& [s, key] : kStatusKeys) {
        if (s == status)
            return QString::fromLatin1(key);
    }
    return QStringLiteral("draft");
}

std::optional<Proposal::Status> Proposal::statusFromKey(const QString& key)
{
    for (const auto& [s, name] : kStatusKeys) {
        if (key == QLatin1String(name))
            return s;
    }
    return std::nullopt;
}

QList<Proposal::Status> Proposal::allStatuses()
{
    return { Status::Draft, Status::Sent, Status::Accepted, Status::Rejected };
}

QString Proposal::statusLabel(Status status)
{
    switch (status) {
    case Status::Draft:
        return QCoreApplication::translate("Proposal", "Draft");
    case Status::Sent:
        return QCoreApplication::translate("Proposal", "Sent");
    case Status::Accepted:
        return QCoreApplication::translate("Proposal", "Accepted");
    case Status::Rejected:
        return QCoreApplication::translate("Proposal", "Rejected");
    }
    return {};
}

QJsonArray Proposal::sectionsToJson(const QList<ProposalSection>& sections)
{
    QJsonArray array;
    for (const ProposalSection& section : sections)
        array.append(QJsonObject { { QStringLiteral("title"), section.title }, { QStringLiteral("html"), section.html } });
    return array;
}

QList<ProposalSection> Proposal::sectionsFromJson(const QJsonArray& array)
{
    QList<ProposalSection> sections;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        sections.append({ object.value(QStringLiteral("title")).toString(),
            object.value(QStringLiteral("html")).toString() });
    }
    return sections;
}

QJsonArray Proposal::linesToJson(const QList<PricingLine>& lines)
{
    // Integers go out as strings: JSON numbers are doubles and lose precision above 2^53.
    QJsonArray array;
    for (const PricingLine& line : lines) {
        array.append(QJsonObject {
            { QStringLiteral("item"), line.item },
            { QStringLiteral("quantity_milli"), QString::number(line.quantityMilli) },
            { QStringLiteral("unit_price_minor"), QString::number(line.unitPriceMinor) },
            { QStringLiteral("tax_rate_bp"), line.taxRateBasisPoints },
        });
    }
    return array;
}

QList<PricingLine> Proposal::linesFromJson(const QJsonArray& array)
{
    const auto integer = [](const QJsonValue& value) {
        return value.isString() ? value.toString().toLongLong() : value.toInteger();
    };
    QList<PricingLine> lines;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        PricingLine line;
        line.item = object.value(QStringLiteral("item")).toString();
        line.quantityMilli = integer(object.value(QStringLiteral("quantity_milli")));
        line.unitPriceMinor = integer(object.value(QStringLiteral("unit_price_minor")));
        line.taxRateBasisPoints = static_cast<int>(integer(object.value(QStringLiteral("tax_rate_bp"))));
        lines.append(line);
    }
    return lines;
}
