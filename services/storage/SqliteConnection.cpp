#include "services/storage/SqliteConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SqliteConnection", text);
}

bool looksLikeSqlite(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}
} // namespace

OpenResult SqliteConnection::open(const QString& connectionName, const QString& path, QSqlDatabase* db)
{
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return { OpenResult::Status::CannotOpen, tr("“%1” is a folder, not a workspace file.").arg(path) };
    if (info.exists() && info.size() > 0 && !looksLikeSqlite(path)) {
        return { OpenResult::Status::NotBusinessHub,
            tr("“%1” is not a Business Hub database, or it is damaged. Choose another file or restore a backup.")
                .arg(path) };
    }
    if (!info.exists() && !QDir().mkpath(info.absolutePath()))
        return { OpenResult::Status::CannotOpen, tr("Cannot create the folder “%1”.").arg(info.absolutePath()) };

    *db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db->setDatabaseName(path);
    db->setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db->open()) {
        return { OpenResult::Status::CannotOpen,
            tr("Cannot open “%1”: %2").arg(path, db->lastError().text()) };
    }
    QSqlQuery query(*db);
    // The first real read fails on a damaged file even when the header looked right.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        return { OpenResult::Status::NotBusinessHub,
            tr("“%1” is not a Business Hub database, or it is damaged (%2).").arg(path, query.lastError().text()) };
    }
    // Connection settings only: journal_mode=WAL is written into the file, so it is switched on by enableWal() once the
    // file is known to be a Business Hub workspace. A refused file is left exactly as it was.
    const QStringList pragmas { QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA temp_store=MEMORY"), QStringLiteral("PRAGMA cache_size=-32000") };
    for (const QString& pragma : pragmas) {
        if (!query.exec(pragma)) {
            return { OpenResult::Status::CannotOpen,
                tr("Cannot prepare “%1”: %2").arg(path, query.lastError().text()) };
        }
    }
    return {};
}

OpenResult SqliteConnection::enableWal(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
        || query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return { OpenResult::Status::CannotOpen,
            tr("Cannot prepare “%1”: %2").arg(db.databaseName(), query.lastError().text()) };
    }
    return {};
}

sqlite3* SqliteConnection::handle(const QSqlDatabase& db)
{
    const QVariant driverHandle = db.driver()->handle();
    return driverHandle.isValid() && qstrcmp(driverHandle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3* const*>(driverHandle.constData())
        : nullptr;
}
