#include "services/imports/ImportRunner.h"

#include "models/Ids.h"
#include "models/LeadJson.h"
#include "services/imports/CsvReader.h"
#include "services/imports/ImportBatchPreparer.h"
#include "services/imports/ImportDuplicateIndex.h"
#include "services/imports/ImportJobRepository.h"
#include "services/imports/LeadRowBuilder.h"
#include "services/imports/MappingSuggester.h"
#include "services/imports/PhoneBatchNormalizer.h"
#include "services/storage/LeadBulkInserter.h"
#include "services/storage/LeadRepository.h"
#include "services/storage/SqliteConnection.h"
#include "services/storage/StageRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace {
// The connection's settings for the length of an import, put back afterwards.
// - synchronous=NORMAL: each batch commits the rows together with the job's progress, so WAL's NORMAL sync keeps the
//   database and the job consistent through a crash; only the last batches may need importing again after a power cut.
// - foreign_keys=OFF: the leads' two foreign keys (organisation, owner) are checked once, before the import
//   (ImportRunner::checkOwner), instead of for every row. Nothing else writes on this connection meanwhile: it belongs
//   to the thread running the import. SQLite ignores the pragma inside a transaction; then the checks simply stay.
class ImportConnectionSettings
{
public:
    explicit ImportConnectionSettings(const QSqlDatabase& db)
        : m_query(db)
    {
        m_synchronous = read(QStringLiteral("synchronous"), QStringLiteral("2"));
        m_foreignKeys = read(QStringLiteral("foreign_keys"), QStringLiteral("1"));
        m_query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        m_query.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    }
    ~ImportConnectionSettings()
    {
        m_query.exec(QStringLiteral("PRAGMA foreign_keys=") + m_foreignKeys);
        m_query.exec(QStringLiteral("PRAGMA synchronous=") + m_synchronous);
    }
    ImportConnectionSettings(const ImportConnectionSettings&) = delete;
    ImportConnectionSettings& operator=(const ImportConnectionSettings&) = delete;

private:
    QString read(const QString& pragma, const QString& fallback)
    {
        m_query.exec(QStringLiteral("PRAGMA ") + pragma);
        const QString value = m_query.next() ? m_query.value(0).toString() : fallback;
        m_query.finish();
        return value;
    }

    QSqlQuery m_query;
    QString m_synchronous;
    QString m_foreignKeys;
};

// Update mode: what the file says wins where it says something; tags are joined.
Lead mergeInto(const Lead& existing, const Lead& imported)
{
    Lead lead = existing;
    const auto take = [](QString& target, const QString& value) {
        if (!value.isEmpty())
            target = value;
    };
    take(lead.name, imported.name);
    take(lead.company, imported.company);
    take(lead.contactPerson, imported.contactPerson);
    take(lead.title, imported.title);
    take(lead.email, imported.email);
    take(lead.phone, imported.phone);
    take(lead.phoneRaw, imported.phoneRaw);
    take(lead.website, imported.website);
    take(lead.location, imported.location);
    take(lead.industry, imported.industry);
    take(lead.source, imported.source);
    if (imported.valueMinor > 0)
        lead.valueMinor = imported.valueMinor;
    if (!imported.notes.isEmpty() && !lead.notes.contains(imported.notes))
        lead.notes = lead.notes.isEmpty() ? imported.notes : lead.notes + QStringLiteral("\n\n") + imported.notes;
    for (const QString& tag : imported.tags) {
        if (!lead.tags.contains(tag, Qt::CaseInsensitive))
            lead.tags.append(tag);
    }
    lead.fieldSources = imported.fieldSources;
    return lead;
}
} // namespace

ImportRunner::ImportRunner(QSqlDatabase db, WorkspaceIdentity identity)
    : m_db(std::move(db))
    , m_identity(std::move(identity))
{
}

ImportJob ImportRunner::run(const ImportRequest& request, const std::atomic_bool* cancel, const Progress& progress)
{
    ImportJob job;
    job.fileName = QFileInfo(request.path).fileName();
    job.status = QStringLiteral("failed");
    job.startedAt = QDateTime::currentDateTimeUtc();
    m_errors.clear();

    QFile file(request.path);
    if (!file.open(QIODevice::ReadOnly)) {
        job.error = tr("Cannot read “%1”: %2").arg(request.path, file.errorString());
        return job;
    }
    job.fileSize = file.size();
    CsvReader reader(&file);
    const CsvFormat format = request.format ? *request.format : CsvReader::sniff(&file);
    reader.setFormat(format);
    job.encoding = CsvFormat::encodingName(format.encoding);
    job.delimiter = format.delimiter == QLatin1Char('\t') ? QStringLiteral("\\t") : QString(format.delimiter);
    QStringList header;
    if (!reader.readHeader(&header)) {
        job.error = reader.hasError() ? reader.errorString() : tr("The file is empty.");
        return job;
    }
    ImportMapping mapping = request.mapping.columns.isEmpty() ? MappingSuggester::suggest(header) : request.mapping;
    while (mapping.columns.size() < header.size())
        mapping.columns.append(LeadField::Ignore);
    if (const QString invalid = mapping.validationError(); !invalid.isEmpty()) {
        job.error = invalid;
        return job;
    }

    // Create mode looks for no duplicates. Skip mode looks them up while preparing each batch (the rows only ever
    // add to the index), update mode on this thread, as each merge may change the keys of the lead it updates.
    const ImportOptions::Duplicates duplicates = request.options.duplicates;
    ImportDuplicateIndex index;
    QString error;
    if (duplicates != ImportOptions::Duplicates::Create && !index.load(m_db, &error)) {
        job.error = error;
        return job;
    }
    if (const QString invalid = checkOwner(request.options.defaultOwner); !invalid.isEmpty()) {
        job.error = invalid;
        return job;
    }
    job.id = Ids::newId();
    job.status = QStringLiteral("running");
    ImportJobRepository jobs(m_db);
    if (!jobs.insertJob(job, m_identity.orgId, mapping.toJson(header), request.options.toJson())) {
        job.status = QStringLiteral("failed");
        job.error = jobs.lastError();
        job.id.clear();
        return job;
    }

    const ImportConnectionSettings settings(m_db);
    const LeadRowBuilder builder(mapping, request.options, StageRepository(m_db).all(), job.id);
    PhoneBatchNormalizer phones(request.options.region);
    QElapsedTimer clock;
    clock.start();
    // Reading, building and phone normalisation of the next batch run on the thread pool while this thread
    // commits the current one.
    ImportBatchPreparer preparer(reader, builder, phones, index, duplicates, static_cast<int>(header.size()),
        format.delimiter, m_identity, job.id);
    int batchIndex = 0;
    const auto prepare = [&preparer, &batchIndex] { return preparer.next(batchRows(batchIndex++)); };
    sqlite3* handle = SqliteConnection::handle(m_db);
    if (!handle) {
        job.status = QStringLiteral("failed");
        job.error = tr("The workspace is not a SQLite database.");
        jobs.updateProgress(job);
        return job;
    }
    LeadBulkInserter inserter(handle);
    QFuture<PreparedBatch> pending = QtConcurrent::run(prepare);
    for (;;) {
        PreparedBatch batch = pending.result();
        if (cancel && cancel->load()) {
            job.status = QStringLiteral("cancelled"); // the prepared batch is dropped, committed ones stay
            break;
        }
        if (!batch.last)
            pending = QtConcurrent::run(prepare);
        QList<Lead> created;
        const QString batchError
            = commitBatch(batch.rows, job, request.options, index, batch.rawLines, inserter, batch.created, created);
        // Some 100,000 strings per batch: freed on the thread pool, off the writer, which is the import's slowest
        // stage.
        QThreadPool::globalInstance()->start([rows = std::move(batch.rows), lines = std::move(batch.rawLines),
                                                 leads = std::move(created), encoded = std::move(batch.created)] {});
        if (!batchError.isEmpty() || !batch.readerError.isEmpty()) {
            job.status = QStringLiteral("failed");
            job.error = !batchError.isEmpty()
                ? batchError
                : tr("Stopped after row %1: %2").arg(job.processed).arg(batch.readerError);
        }
        if (progress) {
            const double seconds = std::max(0.001, static_cast<double>(clock.nsecsElapsed()) / 1e9);
            progress({ job.processed, batch.bytesRead, job.fileSize, static_cast<double>(job.processed) / seconds });
        }
        if (batch.last)
            break;
        if (job.status == QLatin1String("failed")) {
            pending.waitForFinished();
            break;
        }
    }
    if (job.status == QLatin1String("running"))
        job.status = QStringLiteral("completed");
    job.finishedAt = QDateTime::currentDateTimeUtc();
    jobs.updateProgress(job);
    return job;
}

QString ImportRunner::checkOwner(const QString& defaultOwner)
{
    const QString owner = defaultOwner.isEmpty() ? m_identity.userId : defaultOwner;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT (SELECT count(*) FROM organizations WHERE id = ?), "
                                 "(SELECT count(*) FROM users WHERE id = ?)"));
    query.addBindValue(m_identity.orgId);
    query.addBindValue(owner);
    if (!query.exec() || !query.next())
        return query.lastError().text();
    if (query.value(0).toInt() == 0)
        return tr("This workspace's organisation is missing from the database; the file was not imported.");
    if (query.value(1).toInt() == 0) {
        return defaultOwner.isEmpty()
            ? tr("Your user is missing from this workspace; the file was not imported.")
            : tr("The owner chosen for the imported leads is no longer a member of this workspace. Choose another "
                 "owner in the mapping preset.");
    }
    return {};
}

QString ImportRunner::commitBatch(QList<ImportedRow>& rows, ImportJob& job, const ImportOptions& options,
    ImportDuplicateIndex& index, const QStringList& rawLines, LeadBulkInserter& inserter,
    const EncodedLeadRows& encoded, QList<Lead>& created)
{
    if (!m_db.transaction())
        return m_db.lastError().text();
    LeadRepository leads(m_db);
    ImportJobRepository jobs(m_db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto fail = [this](const QString& message) {
        m_db.rollback();
        return message;
    };
    const bool updating = options.duplicates == ImportOptions::Duplicates::Update;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        ImportedRow& row = rows[i];
        const auto report = [&](const QString& severity, const QString& reason) {
            const ImportRowError error { row.number, severity, reason, rawLines.value(i) };
            if (m_errors.size() < 1000)
                m_errors.append(error);
            return jobs.addError(job.id, error);
        };
        ++job.processed;
        if (!row.error.isEmpty()) {
            ++job.failed;
            if (!report(QStringLiteral("error"), row.error))
                return fail(jobs.lastError());
            continue;
        }
        Lead& lead = row.lead;
        const QString duplicateOf = updating ? index.find(lead, row.nameKey) : row.duplicateOf;
        if (!duplicateOf.isEmpty() && options.duplicates == ImportOptions::Duplicates::Skip) {
            ++job.skipped;
            continue;
        }
        if (!duplicateOf.isEmpty()) {
            const std::optional<Lead> existing = leads.find(duplicateOf);
            if (!existing) {
                ++job.skipped; // created earlier in this file and already merged
                continue;
            }
            Lead updated = mergeInto(*existing, lead);
            updated.updatedAt = now;
            if (!jobs.addUpdateBefore(job.id, existing->id, LeadJson::toJson(*existing)) || !leads.update(updated))
                return fail(jobs.lastError() + leads.lastError());
            index.add(updated);
            ++job.updated;
        } else {
            if (updating) { // otherwise already stamped and encoded while preparing
                ImportBatchPreparer::stampNewLead(lead, m_identity, job.id, now);
                index.add(lead, row.nameKey);
                created.append(std::move(lead));
            }
            ++job.imported;
        }
        for (const QString& warning : std::as_const(row.warnings)) {
            if (!report(QStringLiteral("warning"), warning))
                return fail(jobs.lastError());
        }
    }
    if (!(updating ? inserter.insert(created) : inserter.insert(encoded)) || !jobs.updateProgress(job))
        return fail(inserter.lastError() + jobs.lastError());
    return m_db.commit() ? QString() : fail(m_db.lastError().text());
}
