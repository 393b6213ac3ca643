#pragma once

#include "models/ImportMapping.h"
#include "models/PipelineStage.h"
#include "services/imports/CsvFormat.h"
#include "services/imports/ImportJob.h"
#include "services/imports/ImportOptions.h"

#include <QWizard>

class ImportService;

// Leads → Import: file, mapping, progress, result. The pages share the choices made so far through this class.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum Page { FilePage, MappingPage, ProgressPage, ResultPage };

    ImportWizard(ImportService* service, const PipelineStages& stages, QWidget* parent = nullptr);

    void setFile(const QString& path);
    ImportService* service() const { return m_service; }
    const PipelineStages& stages() const { return m_stages; }

    // Shared state.
    QString path;
    CsvFormat format;
    bool formatOverridden = false;
    QStringList header;
    QList<QStringList> previewRows;
    ImportMapping mapping;
    ImportOptions options;
    ImportJob job;
    QList<ImportRowError> firstErrors;

signals:
    void leadRequested(const QString& leadId);

protected:
    void reject() override;

private:
    ImportService* m_service;
    PipelineStages m_stages;
};
