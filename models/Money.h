#pragma once

#include <QString>

namespace Money {
// "€12,500" style text for an amount in minor units, in the current locale.
QString format(qint64 minor, const QString& currency, bool showCents = false);
// Parses user input such as "12,500.50" into minor units; returns false on anything else.
bool parse(const QString& text, qint64* minor);
} // namespace Money
