#include "services/teamserver/PgConnection.h"

#include "services/teamserver/PgConnInfo.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <libpq-fe.h>

namespace {
QAtomicInteger<quint64> g_connectionCounter;
}

PgConnection::PgConnection(const QString& purpose)
    : m_name(QStringLiteral("%1-%2").arg(purpose).arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{ }

PgConnection::~PgConnection()
{
    close();
}

bool PgConnection::driverAvailable()
{
    return QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"));
}

QString PgConnection::driverMissingMessage()
{
    return QCoreApplication::translate("PgConnection",
        "The PostgreSQL driver for Qt (QPSQL) is not installed. On Debian and Ubuntu install the package "
        "libqt6sql6-psql.");
}

bool PgConnection::open(const PgConnInfo& info)
{
    close();
    if (!driverAvailable()) {
        m_error = driverMissingMessage();
        return false;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    info.applyTo(m_db);
    if (!m_db.open()) {
        const QSqlError error = m_db.lastError();
        m_error = error.databaseText().trimmed().isEmpty() ? error.text().trimmed() : error.databaseText().trimmed();
        close();
        return false;
    }
    m_error.clear();
    return true;
}

void PgConnection::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool PgConnection::copyOut(
    const QString& sql, const std::function<void(const char* data, int size)>& sink, QString* sqlState)
{
    if (sqlState)
        sqlState->clear();
    const QVariant handle = m_db.isOpen() ? m_db.driver()->handle() : QVariant();
    // Qt 6 names the metatype after the struct behind libpq's typedef.
    const bool isPgConn = handle.isValid()
        && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0);
    PGconn* connection = isPgConn
        ? *static_cast<PGconn* const*>(handle.constData())
        : nullptr;
    if (!connection) {
        m_error = QStringLiteral("no open PostgreSQL connection");
        return false;
    }
    const auto failWith = [&](PGresult* result) {
        m_error = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(connection)).trimmed();
        if (m_error.isEmpty())
            m_error = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
        if (sqlState && result && PQstatus(connection) == CONNECTION_OK)
            *sqlState = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        return false;
    };
    PGresult* started = PQexec(connection, sql.toUtf8().constData());
    if (PQresultStatus(started) != PGRES_COPY_OUT) {
        failWith(started);
        PQclear(started);
        return false;
    }
    PQclear(started);
    char* buffer = nullptr;
    int size = 0;
    while ((size = PQgetCopyData(connection, &buffer, 0)) > 0) {
        sink(buffer, size);
        PQfreemem(buffer);
    }
    bool ok = size == -1;
    if (!ok)
        failWith(nullptr);
    // The COPY's own result, then the end of the command.
    while (PGresult* result = PQgetResult(connection)) {
        if (ok && PQresultStatus(result) != PGRES_COMMAND_OK)
            ok = failWith(result);
        PQclear(result);
    }
    if (ok)
        m_error.clear();
    return ok;
}
