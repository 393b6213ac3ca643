#include "tests/teamserver/PgTestDatabase.h"

#include "services/teamserver/PgConnection.h"
#include "services/teamserver/TeamDatabaseInitializer.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QtGlobal>

namespace {
QString clusterConninfo()
{
    return qEnvironmentVariable("HUB_TEST_PG_CONNINFO");
}
} // namespace

QString PgTestDatabase::unavailableReason()
{
    if (!PgConnection::driverAvailable())
        return PgConnection::driverMissingMessage();
    if (clusterConninfo().trimmed().isEmpty()) {
        return QStringLiteral("HUB_TEST_PG_CONNINFO is not set: run eval \"$(scripts/pg-test-cluster start)\" "
                              "first, or run everything with scripts/test");
    }
    return {};
}

bool PgTestDatabase::required()
{
    return !qEnvironmentVariable("HUB_TEST_REQUIRE_PG").isEmpty();
}

PgTestDatabase::PgTestDatabase()
{
    QString error;
    PgConnInfo::parse(clusterConninfo(), &m_cluster, &error);
}

PgTestDatabase::~PgTestDatabase()
{
    drop();
}

bool PgTestDatabase::create(QString* error)
{
    m_name = QStringLiteral("hubt_%1").arg(
        QRandomGenerator::global()->generate64() & 0xffffffffffULL, 10, 36, QLatin1Char('0'));
    PgConnection admin(QStringLiteral("test-create"));
    if (!admin.open(m_cluster)) {
        *error = QStringLiteral("cannot connect to the test cluster (%1): %2")
                     .arg(m_cluster.describe(), admin.errorText());
        m_name.clear();
        return false;
    }
    QSqlQuery query(admin.db());
    if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(m_name))) {
        *error = query.lastError().text();
        m_name.clear();
        return false;
    }
    return true;
}

void PgTestDatabase::drop()
{
    m_connections.clear();
    if (m_name.isEmpty())
        return;
    PgConnection admin(QStringLiteral("test-drop"));
    if (!admin.open(m_cluster)) {
        qWarning("PgTestDatabase: cannot drop %s: %s", qPrintable(m_name), qPrintable(admin.errorText()));
        return;
    }
    QSqlQuery query(admin.db());
    if (!query.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)))
        qWarning("PgTestDatabase: %s", qPrintable(query.lastError().text()));
    // Login roles first (members of the member role), then the member role, then the owner that created it.
    query.prepare(QStringLiteral("SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?) OR rolname IN (?, ?) "
                                 "ORDER BY rolname = ?, rolname = ?"));
    const QString owner = TeamDatabaseInitializer::ownerRoleFor(m_name);
    const QString member = TeamDatabaseInitializer::memberRoleFor(m_name);
    query.addBindValue(loginPrefix());
    query.addBindValue(owner);
    query.addBindValue(member);
    query.addBindValue(owner);
    query.addBindValue(member);
    QStringList roles;
    if (query.exec()) {
        while (query.next())
            roles.append(query.value(0).toString());
    }
    for (const QString& role : std::as_const(roles)) {
        QString quoted = role;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        if (!query.exec(QStringLiteral("DROP ROLE \"%1\"").arg(quoted)))
            qWarning("PgTestDatabase: %s", qPrintable(query.lastError().text()));
    }
    m_name.clear();
}

PgConnInfo PgTestDatabase::superuserInfo() const
{
    PgConnInfo info = m_cluster;
    info.setDatabaseName(m_name);
    return info;
}

PgConnInfo PgTestDatabase::loginInfo(const QString& login, const QString& password) const
{
    PgConnInfo info = superuserInfo();
    info.setUserName(login);
    info.setPassword(password);
    return info;
}

ServerSetupResult PgTestDatabase::initialize(
    const QString& orgName, const QString& ownerEmail, const QString& ownerPassword)
{
    TeamOrganizationSetup setup;
    setup.name = orgName;
    setup.ownerEmail = ownerEmail;
    setup.ownerName = ownerEmail.section(QLatin1Char('@'), 0, 0);
    setup.ownerPassword = ownerPassword;
    setup.loginPrefix = loginPrefix();
    return TeamDatabaseInitializer::initialize(superuserInfo(), setup);
}

QSqlDatabase* PgTestDatabase::connect(const PgConnInfo& info, QString* error)
{
    auto connection = std::make_unique<PgConnection>(QStringLiteral("test"));
    if (!connection->open(info)) {
        if (error)
            *error = connection->errorText();
        return nullptr;
    }
    m_connections.push_back(std::move(connection));
    return &m_connections.back()->db();
}

QSqlDatabase* PgTestDatabase::connectAsSuperuser(QString* error)
{
    return connect(superuserInfo(), error);
}

QSqlDatabase* PgTestDatabase::connectAs(const QString& login, const QString& password, QString* error)
{
    return connect(loginInfo(login, password), error);
}

QVariant PgTestDatabase::scalar(QSqlDatabase& db, const QString& sql, const QVariantList& binds, QString* error)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

int PgTestDatabase::execute(
    QSqlDatabase& db, const QString& sql, const QVariantList& binds, QString* error, QString* sqlState)
{
    QSqlQuery query(db);
    const bool ok = binds.isEmpty() ? query.exec(sql) : (query.prepare(sql), [&] {
        for (const QVariant& value : binds)
            query.addBindValue(value);
        return query.exec();
    }());
    if (!ok) {
        if (error)
            *error = query.lastError().text();
        if (sqlState)
            *sqlState = query.lastError().nativeErrorCode();
        return -1;
    }
    return query.numRowsAffected();
}

QStringList PgTestDatabase::column(QSqlDatabase& db, const QString& sql, const QVariantList& binds)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant& value : binds)
        query.addBindValue(value);
    QStringList values;
    if (query.exec()) {
        while (query.next())
            values.append(query.value(0).toString());
    }
    return values;
}
