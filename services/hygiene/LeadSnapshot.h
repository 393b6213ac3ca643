#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

// A lead's full row as JSON (every column, whatever migrations added), and writing such values back.
class LeadSnapshot
{
public:
    explicit LeadSnapshot(QSqlDatabase db);

    // Rows by id; ids that do not exist are missing from the result.
    QHash<QString, QJsonObject> read(const QStringList& ids);
    // Sets the given columns of one lead (unknown columns and "id" are skipped) and updated_at = now.
    bool write(const QString& id, const QJsonObject& values, const QDateTime& now);
    QString lastError() const { return m_lastError; }

    static QVariant bindable(const QJsonValue& value);
    static bool isBlank(const QJsonValue& value); // null, "", blank text or 0

private:
    QStringList columns();

    QSqlDatabase m_db;
    QStringList m_columns;
    QString m_lastError;
};
