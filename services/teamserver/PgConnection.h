#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>

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

    // Runs a `COPY (…) TO STDOUT` statement on this connection through libpq and hands the data to sink in the
    // order the server sent it (binary COPY: the file header, then the rows). False with errorText() and
    // *sqlState (empty when the connection broke) on failure. No QSqlQuery of this connection may be active.
    bool copyOut(const QString& sql, const std::function<void(const char* data, int size)>& sink,
        QString* sqlState = nullptr);

    static bool driverAvailable();
    static QString driverMissingMessage();

private:
    QString m_name;
    QSqlDatabase m_db;
    QString m_error;
};
