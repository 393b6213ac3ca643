#include "services/imports/ImportJobRepository.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using SqlValues::nullableTime;
using SqlValues::text;

namespace {
const QString kJobColumns = QStringLiteral("id, file_name, file_size, encoding, delimiter, status, processed_rows, "
                                           "imported, updated, skipped, failed, error, started_at, finished_at, undone_at");

QString compact(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace

ImportJobRepository::ImportJobRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

ImportJobRepository::~ImportJobRepository() = default;

bool ImportJobRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

ImportJob ImportJobRepository::readJob(const QSqlQuery& query)
{
    ImportJob job;
    job.id = query.value(0).toString();
    job.fileName = query.value(1).toString();
    job.fileSize = query.value(2).toLongLong();
    job.encoding = query.value(3).toString();
    job.delimiter = query.value(4).toString();
    job.status = query.value(5).toString();
    job.processed = query.value(6).toLongLong();
    job.imported = query.value(7).toLongLong();
    job.updated = query.value(8).toLongLong();
    job.skipped = query.value(9).toLongLong();
    job.failed = query.value(10).toLongLong();
    job.error = query.value(11).toString();
    job.startedAt = Ids::fromStorage(query.value(12).toString());
    job.finishedAt = Ids::fromStorage(query.value(13).toString());
    job.undoneAt = Ids::fromStorage(query.value(14).toString());
    return job;
}

bool ImportJobRepository::insertJob(const ImportJob& job, const QString& orgId, const QJsonObject& mapping,
    const QJsonObject& options)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO import_jobs (id, org_id, file_name, file_size, encoding, delimiter, "
                                 "mapping, options, status, started_at, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
    for (const QVariant& value : QVariantList { job.id, orgId, text(job.fileName), job.fileSize, text(job.encoding), text(job.delimiter),
             compact(mapping), compact(options), job.status, Ids::toStorage(job.startedAt), now, now })
        query.addBindValue(value);
    return exec(query);
}

bool ImportJobRepository::updateProgress(const ImportJob& job)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE import_jobs SET status = ?, processed_rows = ?, imported = ?, updated = ?, "
                                 "skipped = ?, failed = ?, error = ?, finished_at = ?, undone_at = ?, updated_at = ? "
                                 "WHERE id = ?"));
    for (const QVariant& value : QVariantList { job.status, job.processed, job.imported, job.updated, job.skipped,
             job.failed, text(job.error), nullableTime(job.finishedAt), nullableTime(job.undoneAt),
             Ids::toStorage(QDateTime::currentDateTimeUtc()), job.id })
        query.addBindValue(value);
    return exec(query);
}

bool ImportJobRepository::addError(const QString& jobId, const ImportRowError& error)
{
    if (!m_addError) {
        m_addError = std::make_unique<QSqlQuery>(m_db);
        if (!m_addError->prepare(QStringLiteral("INSERT INTO import_errors (job_id, row_number, severity, reason, raw) "
                                                "VALUES (?, ?, ?, ?, ?)"))) {
            m_lastError = m_addError->lastError().text();
            m_addError.reset();
            return false;
        }
    }
    m_addError->addBindValue(jobId);
    m_addError->addBindValue(error.row);
    m_addError->addBindValue(error.severity);
    m_addError->addBindValue(text(error.reason));
    m_addError->addBindValue(text(error.raw.left(10000)));
    const bool ok = exec(*m_addError);
    m_addError->finish();
    return ok;
}

bool ImportJobRepository::addUpdateBefore(const QString& jobId, const QString& leadId, const QJsonObject& before)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO import_updates (job_id, lead_id, before) VALUES (?, ?, ?)"));
    query.addBindValue(jobId);
    query.addBindValue(leadId);
    query.addBindValue(compact(before));
    return exec(query);
}

std::optional<ImportJob> ImportJobRepository::job(const QString& id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kJobColumns + QStringLiteral(" FROM import_jobs WHERE id = ?"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readJob(query);
}

QList<ImportJob> ImportJobRepository::history(int limit)
{
    QList<ImportJob> jobs;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kJobColumns
        + QStringLiteral(" FROM import_jobs WHERE deleted = 0 ORDER BY started_at DESC LIMIT ?"));
    query.addBindValue(limit);
    if (exec(query)) {
        while (query.next())
            jobs.append(readJob(query));
    }
    return jobs;
}

QList<ImportRowError> ImportJobRepository::errors(const QString& jobId, int limit)
{
    QList<ImportRowError> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT row_number, severity, reason, raw FROM import_errors WHERE job_id = ? "
                                 "ORDER BY row_number, rowid LIMIT ?"));
    query.addBindValue(jobId);
    query.addBindValue(limit);
    if (exec(query)) {
        while (query.next())
            result.append({ query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                query.value(3).toString() });
    }
    return result;
}

QList<QJsonObject> ImportJobRepository::updateBefores(const QString& jobId)
{
    QList<QJsonObject> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT before FROM import_updates WHERE job_id = ? ORDER BY rowid DESC"));
    query.addBindValue(jobId);
    if (exec(query)) {
        while (query.next())
            result.append(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
    }
    return result;
}

bool ImportJobRepository::markStaleJobsInterrupted(const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE import_jobs SET status = 'interrupted', finished_at = updated_at "
                                 "WHERE status = 'running' AND updated_at < ?"));
    query.addBindValue(Ids::toStorage(now.addSecs(-60)));
    return exec(query);
}

QList<ImportJobRepository::Preset> ImportJobRepository::presets()
{
    QList<Preset> result;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id, name, mapping, default_tags, default_owner, default_stage, duplicates "
                                 "FROM import_presets WHERE deleted = 0 ORDER BY name COLLATE NOCASE"));
    if (exec(query)) {
        while (query.next()) {
            result.append({ query.value(0).toString(), query.value(1).toString(),
                QJsonDocument::fromJson(query.value(2).toByteArray()).object(),
                query.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts), query.value(4).toString(),
                query.value(5).toString(), query.value(6).toString() });
        }
    }
    return result;
}

std::optional<ImportJobRepository::Preset> ImportJobRepository::preset(const QString& name)
{
    for (const Preset& preset : presets()) {
        if (preset.name.compare(name, Qt::CaseInsensitive) == 0)
            return preset;
    }
    return std::nullopt;
}

bool ImportJobRepository::savePreset(const Preset& preset, const QString& orgId)
{
    const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
    const std::optional<Preset> existing = this->preset(preset.name);
    QSqlQuery query(m_db);
    if (existing) {
        query.prepare(QStringLiteral("UPDATE import_presets SET mapping = ?, default_tags = ?, default_owner = ?, "
                                     "default_stage = ?, duplicates = ?, updated_at = ? WHERE id = ?"));
        for (const QVariant& value : QVariantList { compact(preset.mapping), text(preset.defaultTags.join(QLatin1Char(','))),
                 text(preset.defaultOwner), text(preset.defaultStage), text(preset.duplicates), now, existing->id })
            query.addBindValue(value);
        return exec(query);
    }
    query.prepare(QStringLiteral("INSERT INTO import_presets (id, org_id, name, mapping, default_tags, default_owner, "
                                 "default_stage, duplicates, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : QVariantList { Ids::newId(), orgId, text(preset.name), compact(preset.mapping),
             text(preset.defaultTags.join(QLatin1Char(','))), text(preset.defaultOwner), text(preset.defaultStage),
             text(preset.duplicates), now, now })
        query.addBindValue(value);
    return exec(query);
}
