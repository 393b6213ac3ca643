#pragma once

#include "models/ImportMapping.h"
#include "models/Lead.h"
#include "services/imports/CsvFormat.h"
#include "services/imports/ImportJob.h"
#include "services/imports/ImportOptions.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <atomic>
#include <functional>

struct ImportRequest
{
    QString path;
    std::optional<CsvFormat> format; // empty: detect encoding and delimiter
    ImportMapping mapping; // no columns: use the suggested mapping
    ImportOptions options;
};

// The import pipeline, synchronous on the thread that owns the given connection: streams the file in batches,
// normalises (phones on all cores), de-duplicates against the workspace and the file itself, and commits each batch
// together with the job's progress, so a crash leaves a consistent database and an honest job record.
class ImportRunner
{
    Q_DECLARE_TR_FUNCTIONS(ImportRunner)

public:
    using Progress = std::function<void(const ImportProgress&)>;
    static constexpr int kBatchSize = 5000;
    // The writer waits while the first batch is prepared: it is small, so that writing starts early. Only the first:
    // each batch adds a segment to the search index, and 16 segments make FTS5 merge the whole index at once.
    static constexpr int kFirstBatchSize = 1000;
    static int batchRows(int batchIndex) { return batchIndex == 0 ? kFirstBatchSize : kBatchSize; }

    ImportRunner(QSqlDatabase db, WorkspaceIdentity identity);

    // Returns the job as recorded. A file that cannot be read gives status "failed" and no job id.
    ImportJob run(const ImportRequest& request, const std::atomic_bool* cancel = nullptr, const Progress& progress = {});
    QList<ImportRowError> rowErrors() const { return m_errors; } // the first 1,000 of this run

private:
    // Why the leads cannot be owned as asked (their organisation or owner does not exist), or empty.
    QString checkOwner(const QString& defaultOwner);
    // Skip and create mode insert the leads encoded while preparing; update mode moves the new leads of the batch
    // out of rows into created and inserts those.
    QString commitBatch(QList<class ImportedRow>& rows, ImportJob& job, const ImportOptions& options,
        class ImportDuplicateIndex& index, const QStringList& rawLines, class LeadBulkInserter& inserter,
        const class EncodedLeadRows& encoded, QList<Lead>& created);

    QSqlDatabase m_db;
    WorkspaceIdentity m_identity;
    QList<ImportRowError> m_errors;
};
