#include "services/imports/ImportBatchPreparer.h"

#include "models/Ids.h"
#include "services/imports/CsvReader.h"
#include "services/imports/ImportDuplicateIndex.h"
#include "services/imports/LeadRowBuilder.h"
#include "services/imports/PhoneBatchNormalizer.h"

ImportBatchPreparer::ImportBatchPreparer(CsvReader& reader, const LeadRowBuilder& builder, PhoneBatchNormalizer& phones,
    ImportDuplicateIndex& index, ImportOptions::Duplicates duplicates, int headerSize, QChar delimiter,
    WorkspaceIdentity identity, QString jobId)
    : m_reader(reader)
    , m_builder(builder)
    , m_phones(phones)
    , m_index(index)
    , m_duplicates(duplicates)
    , m_headerSize(headerSize)
    , m_delimiter(delimiter)
    , m_identity(std::move(identity))
    , m_jobId(std::move(jobId))
{ }

PreparedBatch ImportBatchPreparer::next(int rows)
{
    PreparedBatch batch;
    batch.rows.reserve(rows);
    CsvReader::Record record;
    while (batch.rows.size() < rows) {
        if (!m_reader.next(&record)) {
            batch.last = true;
            batch.readerError = m_reader.hasError() ? m_reader.errorString() : QString();
            break;
        }
        batch.rows.append(m_builder.build(record.fields, record.number, m_headerSize));
        batch.rows.last().fields = std::move(record.fields);
    }
    m_phones.normalize(batch.rows);
    batch.rawLines.reserve(batch.rows.size());
    for (ImportedRow& row : batch.rows) {
        batch.rawLines.append(row.error.isEmpty() && row.warnings.isEmpty() ? QString() : row.fields.join(m_delimiter));
        row.fields.clear();
        if (!row.error.isEmpty())
            continue;
        row.lead.id = Ids::newId();
        if (m_duplicates == ImportOptions::Duplicates::Create)
            continue;
        row.nameKey = ImportDuplicateIndex::nameKey(row.lead);
        if (m_duplicates == ImportOptions::Duplicates::Skip)
            row.duplicateOf = m_index.findOrAdd(row.lead, row.nameKey);
    }
    // Outside update mode every row's fate is known now.
    if (m_duplicates != ImportOptions::Duplicates::Update) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        batch.created.reserve(batch.rows.size());
        for (ImportedRow& row : batch.rows) {
            if (row.error.isEmpty() && row.duplicateOf.isEmpty()) {
                stampNewLead(row.lead, m_identity, m_jobId, now);
                batch.created.add(row.lead);
            }
        }
    }
    batch.bytesRead = m_reader.bytesRead();
    return batch;
}

void ImportBatchPreparer::stampNewLead(
    Lead& lead, const WorkspaceIdentity& identity, const QString& jobId, const QDateTime& now)
{
    lead.orgId = identity.orgId;
    if (lead.ownerId.isEmpty())
        lead.ownerId = identity.userId;
    lead.importJobId = jobId;
    lead.createdAt = lead.updatedAt = now;
}
