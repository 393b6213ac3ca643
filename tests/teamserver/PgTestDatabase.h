#pragma once

#include "services/teamserver/PgConnInfo.h"
#include "services/teamserver/ServerSetupResult.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <memory>
#include <vector>

class PgConnection;

// A fresh database on the PostgreSQL test cluster named by HUB_TEST_PG_CONNINFO (scripts/pg-test-cluster start
// prints it; scripts/test exports it), dropped together with its roles when this goes away. Every test gets a
// database of its own, so tests run in parallel against one cluster.
class PgTestDatabase
{
public:
    // Empty when HUB_TEST_PG_CONNINFO names a cluster; otherwise why the PostgreSQL tests cannot run.
    static QString unavailableReason();
    // scripts/test sets HUB_TEST_REQUIRE_PG=1: there a missing cluster fails the tests instead of skipping them.
    static bool required();

    PgTestDatabase();
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase&) = delete;
    PgTestDatabase& operator=(const PgTestDatabase&) = delete;

    bool create(QString* error);
    QString name() const { return m_name; }
    // Member logins of this database start with it, so databases of parallel tests never share a role.
    QString loginPrefix() const { return m_name + QLatin1Char('_'); }
    PgConnInfo superuserInfo() const;
    PgConnInfo loginInfo(const QString& login, const QString& password) const;

    // businesshub-server --init-db's work, with this database's login prefix.
    ServerSetupResult initialize(const QString& orgName, const QString& ownerEmail, const QString& ownerPassword);

    // New connections, kept open until this goes away; nullptr (and *error) when the server refused.
    QSqlDatabase* connectAsSuperuser(QString* error = nullptr);
    QSqlDatabase* connectAs(const QString& login, const QString& password, QString* error = nullptr);

    // The first column of the first row, or an invalid QVariant (and *error) when the query failed.
    static QVariant scalar(
        QSqlDatabase& db, const QString& sql, const QVariantList& binds = {}, QString* error = nullptr);
    // Rows affected, or -1 with the message in *error and the SQLSTATE in *sqlState.
    static int execute(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {}, QString* error = nullptr,
        QString* sqlState = nullptr);
    static QStringList column(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {});

private:
    QSqlDatabase* connect(const PgConnInfo& info, QString* error);
    void drop();

    PgConnInfo m_cluster;
    QString m_name;
    std::vector<std::unique_ptr<PgConnection>> m_connections;
};

// In initTestCase(): skips the test when no cluster is configured (a plain `ctest` run), fails it when
// scripts/test asked for PostgreSQL and did not get it.
#define HUB_REQUIRE_POSTGRES()                                                                                         \
    do {                                                                                                               \
        const QString hubPgReason = PgTestDatabase::unavailableReason();                                               \
        if (!hubPgReason.isEmpty()) {                                                                                  \
            if (PgTestDatabase::required())                                                                            \
                QFAIL(qPrintable(hubPgReason                                                                           \
                    + QStringLiteral(" (HUB_TEST_REQUIRE_PG is set: scripts/test could not "                           \
                                     "start the test cluster)")));                                                     \
            QSKIP(qPrintable(hubPgReason));                                                                            \
        }                                                                                                              \
    } while (false)
