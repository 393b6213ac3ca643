#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QSqlDatabase;

// A libpq connection string, "host=db.example.com port=5432 dbname=hub user=anna sslmode=verify-full" or
// "postgresql://anna@db.example.com:5432/hub?sslmode=verify-full", split into what QSqlDatabase (QPSQL) takes.
// Whatever is not given is left to libpq's defaults (PGHOST, PGPASSWORD, ~/.pgpass, the local socket, …).
class PgConnInfo
{
public:
    // False with a message in *error when the text is not a connection string.
    static bool parse(const QString& text, PgConnInfo* result, QString* error);

    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString databaseName() const { return m_dbname; }
    QString userName() const { return m_user; }
    QString password() const { return m_password; }
    QString option(const QString& key) const;

    void setDatabaseName(const QString& name) { m_dbname = name; }
    void setUserName(const QString& name) { m_user = name; }
    void setPassword(const QString& password) { m_password = password; }

    void applyTo(QSqlDatabase& db) const;
    // "user@host:port/dbname", never with the password; for messages.
    QString describe() const;
    // The connection string again (with the password, if it has one).
    QString toString() const;

private:
    bool set(const QString& key, const QString& value, QString* error);
    static bool parseUri(const QString& text, PgConnInfo* result, QString* error);
    static bool parseKeywords(const QString& text, PgConnInfo* result, QString* error);

    QString m_host;
    int m_port = -1;
    QString m_dbname;
    QString m_user;
    QString m_password;
    QList<QPair<QString, QString>> m_options;
};
