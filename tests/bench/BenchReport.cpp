#include "tests/bench/BenchReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cmath>

BenchReport::BenchReport(const QString& scenario, int n)
{
    addText(QStringLiteral("scenario"), scenario);
    addInt(QStringLiteral("n"), n);
}

void BenchReport::addMs(const QString& key, double ms)
{
    addNumber(key, ms, 1);
}

void BenchReport::addNumber(const QString& key, double value, int decimals)
{
    if (!std::isfinite(value))
        value = 0;
    m_fields.append({ key, QString::number(value, 'f', decimals) });
}

void BenchReport::addInt(const QString& key, qint64 value)
{
    m_fields.append({ key, QString::number(value) });
}

void BenchReport::addBool(const QString& key, bool value)
{
    m_fields.append({ key, value ? QStringLiteral("true") : QStringLiteral("false") });
}

void BenchReport::addText(const QString& key, const QString& value)
{
    // Let Qt do the string escaping: wrap the value in an array and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    m_fields.append({ key, QString::fromUtf8(array.mid(1, array.size() - 2)) });
}

QString BenchReport::toJsonLine() const
{
    QStringList parts;
    for (const Field& field : m_fields)
        parts.append(QLatin1Char('"') + field.key + QStringLiteral("\": ") + field.json);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString BenchReport::toTable() const
{
    qsizetype width = 0;
    for (const Field& field : m_fields)
        width = std::max(width, field.key.size());
    QString table;
    for (const Field& field : m_fields) {
        QString value = field.json;
        if (value.startsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        table += field.key.leftJustified(width + 2) + value + QLatin1Char('\n');
    }
    return table;
}

void BenchReport::print(bool json) const
{
    QTextStream out(stdout);
    if (json)
        out << toJsonLine() << '\n';
    else
        out << toTable();
    out.flush();
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(values.size() - 1);
    const auto lower = static_cast<qsizetype>(std::floor(rank));
    const auto upper = static_cast<qsizetype>(std::ceil(rank));
    const double weight = rank - static_cast<double>(lower);
    return values.at(lower) * (1.0 - weight) + values.at(upper) * weight;
}

double maxOf(const QList<double>& values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}
