#include "services/teamserver/PgSchemaMigrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("PgSchemaMigrator", text);
}

QString errorOf(const QSqlQuery& query)
{
    const QSqlError error = query.lastError();
    return error.databaseText().trimmed().isEmpty() ? error.text().trimmed() : error.databaseText().trimmed();
}
} // namespace

PgSchemaMigrator::PgSchemaMigrator(QSqlDatabase db, QString resourceDir)
    : m_db(std::move(db))
    , m_resourceDir(std::move(resourceDir))
{ }

QList<PgSchemaMigrator::Migration> PgSchemaMigrator::knownMigrations() const
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(\\w+)\\.sql$"));
    QList<Migration> result;
    const QStringList files = QDir(m_resourceDir).entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const auto match = pattern.match(file);
        if (match.hasMatch())
            result.append({ match.captured(1).toInt(), match.captured(2), m_resourceDir + QLatin1Char('/') + file });
    }
    return result;
}

int PgSchemaMigrator::latestKnownVersion() const
{
    const auto migrations = knownMigrations();
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

int PgSchemaMigrator::currentVersion(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM hub.schema_migrations")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

PgSchemaMigrator::State PgSchemaMigrator::inspect(QString* error)
{
    State state;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT to_regclass('hub.schema_migrations') IS NOT NULL")) || !query.next()) {
        *error = errorOf(query);
        return state;
    }
    if (query.value(0).toBool()) {
        if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM hub.schema_migrations"))
            || !query.next()) {
            *error = errorOf(query);
            return state;
        }
        state.kind = State::Kind::BusinessHub;
        state.version = query.value(0).toInt();
        return state;
    }
    // Anything a user made: tables, views, sequences… outside the system schemas (extension objects aside), and
    // our own schema names left behind by something else.
    const bool listed = query.exec(QStringLiteral(
        "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c "
        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
        "AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
        "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_class'::regclass "
        "AND d.objid = c.oid AND d.deptype = 'e') "
        "UNION ALL SELECT format('schema %I', nspname) FROM pg_catalog.pg_namespace "
        "WHERE nspname IN ('hub', 'hub_private') ORDER BY 1 LIMIT 6"));
    if (!listed) {
        *error = errorOf(query);
        return state;
    }
    QStringList found;
    while (query.next())
        found.append(query.value(0).toString());
    if (!found.isEmpty()) {
        state.kind = State::Kind::Foreign;
        if (found.size() > 5)
            found[5] = QStringLiteral("…");
        state.detail = found.join(QStringLiteral(", "));
    }
    error->clear();
    return state;
}

QString PgSchemaMigrator::runFile(const QString& path, const PgScript::Variables& variables)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("missing script %1").arg(path);
    QStringList statements;
    QString error;
    if (!PgScript::split(QString::fromUtf8(file.readAll()), variables, &statements, &error))
        return QFileInfo(path).fileName() + QStringLiteral(": ") + error;
    QSqlQuery query(m_db);
    for (const QString& statement : statements) {
        if (!query.exec(statement))
            return QFileInfo(path).fileName() + QStringLiteral(": ") + errorOf(query);
    }
    return {};
}

QString PgSchemaMigrator::prepare(const PgScript::Variables& variables)
{
    return runFile(m_resourceDir + QStringLiteral("/setup/prepare_database.sql"), variables);
}

QString PgSchemaMigrator::applyOne(const Migration& migration, const PgScript::Variables& variables)
{
    QString error = runFile(migration.path, variables);
    QSqlQuery query(m_db);
    // The scripts SET LOCAL ROLE to the owner; the rest of a shared transaction runs as the caller again.
    if (error.isEmpty() && !query.exec(QStringLiteral("RESET ROLE")))
        error = errorOf(query);
    if (error.isEmpty() && currentVersion(m_db) != migration.version)
        error = tr("migration %1 did not record its version").arg(migration.version);
    return error;
}

QString PgSchemaMigrator::applyFrom(int fromVersion, const PgScript::Variables& variables, bool ownTransactions)
{
    for (const Migration& migration : knownMigrations()) {
        if (migration.version <= fromVersion)
            continue;
        if (ownTransactions && !m_db.transaction())
            return m_db.lastError().text();
        QString error = applyOne(migration, variables);
        if (ownTransactions) {
            if (error.isEmpty() && !m_db.commit())
                error = m_db.lastError().text();
            if (!error.isEmpty())
                m_db.rollback();
        }
        if (!error.isEmpty())
            return tr("schema %1 (%2): %3").arg(migration.version).arg(migration.name, error);
    }
    return {};
}
