#pragma once

#include "models/Lead.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

class QStringEncoder;

struct sqlite3_stmt;

// Leads as the values of a multi-row INSERT, in LeadColumns order: text encoded to UTF-8 into one buffer (Qt's
// encoder is several times faster than SQLite's own UTF-16 conversion) and bound in place. Encoding needs no database,
// so an import does it on the thread pool while the database thread writes the previous batch (LeadBulkInserter).
class EncodedLeadRows
{
public:
    void reserve(qsizetype rows);
    void add(const Lead& lead);
    qsizetype rowCount() const;
    // Binds rows [firstRow, firstRow + rows) to a statement of that many rows. The rows must not change until the
    // statement has run.
    void bind(sqlite3_stmt* statement, qsizetype firstRow, int rows) const;

private:
    struct Value {
        enum Kind { Null, Integer, Text } kind;
        qint64 number; // Integer: the value; Text: offset in m_text
        int length;
    };

    void text(QStringEncoder& encoder, QStringView value);
    void nullableText(QStringEncoder& encoder, const QString& value);
    void time(QStringEncoder& encoder, const QDateTime& value);
    void integer(qint64 value) { m_values.append({ Value::Integer, value, 0 }); }

    QList<Value> m_values;
    QByteArray m_text;
    QDateTime m_lastTime;
    QString m_lastTimeText;
};
