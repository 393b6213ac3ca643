#pragma once

#include <QSqlDatabase>
#include <QString>

class PgConnInfo;

// One QPSQL connection under a name of its own, closed and unregistered when this goes away. Like every
// QSqlDatabase it belongs to the thread that opened it.
class PgConnection
{
public:
    explicit PgConnection(const QString& purpose = QStringLiteral("pg"));
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // False with errorText() set; a missing QPSQL plugin is reported as such.
    bool open(const PgConnInfo& info);
    void close();
    QSqlDatabase& db() { return m_db; }
    QString connectionName() const { return m_name; }
    QString errorText() const { return m_error; }

    static bool driverAvailable();
    static QString driverMissingMessage();

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};
