#include "services/storage/MigrationRunner.h"

#include "models/Ids.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("MigrationRunner", text);
}
} // namespace

MigrationRunner::MigrationRunner(QSqlDatabase db, QString resourceDir)
    : m_db(std::move(db))
    , m_resourceDir(std::move(resourceDir))
{
}

QList<MigrationRunner::Migration> MigrationRunner::knownMigrations() const
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

int MigrationRunner::latestKnownVersion() const
{
    const auto migrations = knownMigrations();
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

int MigrationRunner::currentVersion(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool MigrationRunner::isForeignDatabase()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    bool hasTables = false;
    bool hasMigrations = false;
    while (query.next()) {
        hasTables = true;
        hasMigrations = hasMigrations || query.value(0).toString() == QLatin1String("schema_migrations");
    }
    if (!hasTables)
        return false;
    if (!hasMigrations)
        return true;
    // Other programs keep a schema_migrations table too (Rails: one text "version" column); ours has these columns.
    QStringList columns;
    query.exec(QStringLiteral("SELECT name FROM pragma_table_info('schema_migrations')"));
    while (query.next())
        columns.append(query.value(0).toString());
    return !columns.contains(QLatin1String("version")) || !columns.contains(QLatin1String("name"))
        || !columns.contains(QLatin1String("applied_at"));
}

OpenResult MigrationRunner::migrate()
{
    if (isForeignDatabase()) {
        return { OpenResult::Status::NotBusinessHub,
            tr("This SQLite file belongs to another program, not Business Hub. Choose a Business Hub workspace file.") };
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                   "name TEXT NOT NULL, applied_at TEXT NOT NULL)"))) {
        return { OpenResult::Status::MigrationFailed, query.lastError().text() };
    }
    const int current = currentVersion(m_db);
    const int latest = latestKnownVersion();
    if (current > latest) {
        return { OpenResult::Status::NewerSchema,
            tr("This workspace was saved by a newer version of Business Hub (schema %1; this version knows up to %2). "
               "Update Business Hub to open it — the file has not been changed.")
                .arg(current)
                .arg(latest),
            current };
    }
    int applied = current;
    for (const Migration& migration : knownMigrations()) {
        if (migration.version <= current)
            continue;
        const QString error = apply(migration);
        if (!error.isEmpty()) {
            // Each migration is its own transaction: the failed one left nothing behind, earlier ones stay applied.
            return { OpenResult::Status::MigrationFailed,
                tr("Could not upgrade the workspace to schema %1 (%2). Nothing was changed.")
                    .arg(migration.version)
                    .arg(error),
                applied };
        }
        applied = migration.version;
    }
    return { OpenResult::Status::Ok, {}, latest };
}

QString MigrationRunner::apply(const Migration& migration)
{
    QFile file(migration.path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("missing migration file %1").arg(migration.path);
    const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
    if (!m_db.transaction())
        return m_db.lastError().text();
    QSqlQuery query(m_db);
    for (const QString& statement : statements) {
        if (!query.exec(statement)) {
            const QString error = query.lastError().text();
            m_db.rollback();
            return error;
        }
    }
    query.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
    query.addBindValue(migration.version);
    query.addBindValue(migration.name);
    query.addBindValue(Ids::toStorage(QDateTime::currentDateTimeUtc()));
    if (!query.exec() || !m_db.commit()) {
        const QString error = query.lastError().text();
        m_db.rollback();
        return error;
    }
    return {};
}

QStringList MigrationRunner::splitStatements(const QString& script)
{
    QStringList statements;
    QString pending;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (pending.isEmpty() && (line.trimmed().isEmpty() || line.trimmed().startsWith(QStringLiteral("--"))))
            continue;
        pending += line + QLatin1Char('\n');
        if (sqlite3_complete(pending.toUtf8().constData())) {
            statements.append(pending.trimmed());
            pending.clear();
        }
    }
    if (!pending.trimmed().isEmpty())
        statements.append(pending.trimmed());
    return statements;
}
