#include "services/imports/ImportUndoer.h"

#include "models/Ids.h"
#include "models/LeadJson.h"
#include "services/imports/ImportJobRepository.h"
#include "services/storage/LeadRepository.h"

#include <QSqlError>
#include <QSqlQuery>

ImportUndoer::ImportUndoer(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ImportUndoer::undo(const QString& jobId, QStringList* createdIds, QStringList* restoredIds)
{
    ImportJobRepository jobs(m_db);
    std::optional<ImportJob> job = jobs.job(jobId);
    if (!job)
        return tr("This import no longer exists.");
    if (job->status == QLatin1String("undone"))
        return tr("This import was already undone.");
    if (job->status == QLatin1String("running"))
        return tr("This import is still running. Cancel it first.");
    if (!m_db.transaction())
        return m_db.lastError().text();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    LeadRepository leads(m_db);
    // Newest first, so a lead updated twice by the same file ends at its state from before the import.
    for (const QJsonObject& before : jobs.updateBefores(jobId)) {
        Lead lead = LeadJson::fromJson(before);
        lead.updatedAt = now;
        if (!leads.update(lead)) {
            m_db.rollback();
            return leads.lastError();
        }
        if (restoredIds && !restoredIds->contains(lead.id))
            restoredIds->append(lead.id);
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id FROM leads WHERE import_job_id = ? AND deleted = 0"));
    query.addBindValue(jobId);
    QStringList created;
    if (query.exec()) {
        while (query.next())
            created.append(query.value(0).toString());
    }
    query.prepare(QStringLiteral("UPDATE leads SET deleted = 1, updated_at = ? WHERE import_job_id = ? AND deleted = 0"));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(jobId);
    if (!query.exec()) {
        const QString error = query.lastError().text();
        m_db.rollback();
        return error;
    }
    job->status = QStringLiteral("undone");
    job->undoneAt = now;
    if (!jobs.updateProgress(*job) || !m_db.commit()) {
        const QString error = jobs.lastError() + m_db.lastError().text();
        m_db.rollback();
        return error;
    }
    if (createdIds)
        *createdIds = created;
    return {};
}
