#pragma once

#include <QList>
#include <QString>
#include <QVariant>

// The figures of one benchmark run, printed either as one JSON line (--json) or as a short table.
// Fields keep the order they were added in; milliseconds are printed with one decimal.
class BenchReport
{
public:
    BenchReport(const QString& scenario, int n);

    void addMs(const QString& key, double ms);
    void addNumber(const QString& key, double value, int decimals = 1);
    void addInt(const QString& key, qint64 value);
    void addBool(const QString& key, bool value);
    void addText(const QString& key, const QString& value);

    QString toJsonLine() const;
    QString toTable() const;
    // Prints to stdout: the JSON line, or the table.
    void print(bool json) const;

private:
    struct Field
    {
        QString key;
        QString json; // the value already formatted as JSON
    };
    QList<Field> m_fields;
};

// Linear interpolation between closest ranks (p in 0..100); 0 for an empty list.
double percentile(QList<double> values, double p);
double maxOf(const QList<double>& values);
