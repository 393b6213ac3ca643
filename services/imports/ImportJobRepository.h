#pragma once

#include "services/imports/ImportJob.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <memory>

class QSqlQuery;

// SQL for import jobs, their row errors, the before-values of updated leads, and mapping presets.
class ImportJobRepository
{
public:
    struct Preset
    {
        QString id;
        QString name;
        QJsonObject mapping; // header → field key
        QStringList defaultTags;
        QString defaultOwner;
        QString defaultStage;
        QString duplicates = QStringLiteral("skip");
    };

    explicit ImportJobRepository(QSqlDatabase db);
    ~ImportJobRepository();

    bool insertJob(const ImportJob& job, const QString& orgId, const QJsonObject& mapping, const QJsonObject& options);
    bool updateProgress(const ImportJob& job);
    // Reuses one prepared statement for every error added through this repository (a batch can report thousands).
    bool addError(const QString& jobId, const ImportRowError& error);
    bool addUpdateBefore(const QString& jobId, const QString& leadId, const QJsonObject& before);
    std::optional<ImportJob> job(const QString& id);
    QList<ImportJob> history(int limit = 100);
    QList<ImportRowError> errors(const QString& jobId, int limit = -1);
    QList<QJsonObject> updateBefores(const QString& jobId);
    // Jobs still "running" without a heartbeat for a minute died with their process.
    bool markStaleJobsInterrupted(const QDateTime& now);

    QList<Preset> presets();
    std::optional<Preset> preset(const QString& name);
    bool savePreset(const Preset& preset, const QString& orgId);

    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    static ImportJob readJob(const QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
    std::unique_ptr<QSqlQuery> m_addError;
};
