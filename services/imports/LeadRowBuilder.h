#pragma once

#include "models/ImportMapping.h"
#include "models/PipelineStage.h"
#include "services/imports/ImportOptions.h"
#include "services/imports/ImportedRow.h"

#include <QCoreApplication>
#include <QHash>

// Turns one CSV record into a normalised lead per the mapping: trimmed text, lower-case validated email, website
// URL, names split or joined, stage resolved, value parsed, default tags and field sources. Phones are left for
// PhoneBatchNormalizer, which is the expensive part.
class LeadRowBuilder
{
    Q_DECLARE_TR_FUNCTIONS(LeadRowBuilder)

public:
    LeadRowBuilder(ImportMapping mapping, ImportOptions options, const PipelineStages& stages, QString jobId);

    ImportedRow build(const QStringList& fields, qint64 number, int headerSize) const;

private:
    QString resolveStage(const QString& text, QStringList* warnings) const;

    ImportMapping m_mapping;
    ImportOptions m_options;
    QHash<QString, QString> m_stageByName; // lower-case key or name → key
    QString m_defaultStage;
    QString m_jobId;
};
