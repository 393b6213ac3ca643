#include "ui/imports/ImportWizard.h"

#include "services/imports/ImportService.h"
#include "services/settings/AppSettings.h"
#include "ui/common/MessageBoxes.h"
#include "ui/imports/ImportFilePage.h"
#include "ui/imports/ImportMappingPage.h"
#include "ui/imports/ImportProgressPage.h"
#include "ui/imports/ImportResultPage.h"

ImportWizard::ImportWizard(ImportService* service, const PipelineStages& stages, QWidget* parent)
    : QWizard(parent)
    , m_service(service)
    , m_stages(stages)
{
    setObjectName(QStringLiteral("ImportWizard"));
    setWindowTitle(tr("Import leads"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    options.region = AppSettings::defaultRegion();
    setPage(FilePage, new ImportFilePage(this));
    setPage(MappingPage, new ImportMappingPage(this));
    setPage(ProgressPage, new ImportProgressPage(this));
    setPage(ResultPage, new ImportResultPage(this));
    resize(900, 640);
}

void ImportWizard::setFile(const QString& file)
{
    static_cast<ImportFilePage*>(page(FilePage))->setFile(file);
}

void ImportWizard::reject()
{
    if (m_service->isRunning()) {
        const auto answer = MessageBoxes::question(this, tr("Stop the import?"),
            tr("The rows imported so far stay in your workspace (you can undo the import afterwards)."));
        if (answer != QMessageBox::Yes)
            return;
        m_service->cancel();
        return; // the progress page moves on to the result once the import has stopped
    }
    QWizard::reject();
}
