#include "services/teamserver/PgConnection.h"

#include "services/teamserver/PgConnInfo.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlError>

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
