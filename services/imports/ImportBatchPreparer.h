#pragma once

#include "services/imports/ImportOptions.h"
#include "services/imports/ImportedRow.h"
#include "services/storage/EncodedLeadRows.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QList>
#include <QString>
#include <QStringList>

class CsvReader;
class ImportDuplicateIndex;
class LeadRowBuilder;
class PhoneBatchNormalizer;

// One batch of an import, ready for the database thread.
struct PreparedBatch {
    QList<ImportedRow> rows;
    EncodedLeadRows created; // skip and create mode: the rows that become new leads, ready to insert
    QStringList rawLines; // per row, the record as read when it has an error or warning to report, else empty
    qint64 bytesRead = 0;
    bool last = false;
    QString readerError;
};

// The import's thread-pool stage: reads the next rows, builds and normalises them, and does what the database thread
// would otherwise do: the id of each lead a row may become (in file order, so the id index grows at its end), its
// duplicate key and, in skip mode, the lead it duplicates, and outside update mode the new leads' encoding.
// Batches must be prepared one after another, in file order: a row then finds the rows before it in the duplicate
// index, which in skip mode only this stage touches.
class ImportBatchPreparer
{
public:
    ImportBatchPreparer(CsvReader& reader, const LeadRowBuilder& builder, PhoneBatchNormalizer& phones,
        ImportDuplicateIndex& index, ImportOptions::Duplicates duplicates, int headerSize, QChar delimiter,
        WorkspaceIdentity identity, QString jobId);

    PreparedBatch next(int rows);

    // A new lead's organisation, owner (the importing user unless the mapping names one), import job and times.
    static void stampNewLead(Lead& lead, const WorkspaceIdentity& identity, const QString& jobId, const QDateTime& now);

private:
    CsvReader& m_reader;
    const LeadRowBuilder& m_builder;
    PhoneBatchNormalizer& m_phones;
    ImportDuplicateIndex& m_index;
    ImportOptions::Duplicates m_duplicates;
    int m_headerSize;
    QChar m_delimiter;
    WorkspaceIdentity m_identity;
    QString m_jobId;
};
