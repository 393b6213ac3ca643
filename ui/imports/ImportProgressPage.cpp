#include "ui/imports/ImportProgressPage.h"

#include "services/imports/ImportService.h"
#include "ui/imports/ImportWizard.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

ImportProgressPage::ImportProgressPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_bar(new QProgressBar(this))
    , m_figures(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel import"), this))
{
    setTitle(tr("Importing"));
    setSubTitle(tr("You can keep working; the board updates when the import is done."));
    m_bar->setObjectName(QStringLiteral("importProgress"));
    m_bar->setRange(0, 1000);
    m_figures->setObjectName(QStringLiteral("importFigures"));
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_bar);
    layout->addWidget(m_figures);
    layout->addWidget(m_cancel, 0, Qt::AlignLeft);
    layout->addStretch();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Stopping…"));
        m_wizard->service()->cancel();
    });
    connect(wizard->service(), &ImportService::progressed, this, &ImportProgressPage::onProgress);
    connect(wizard->service(), &ImportService::finished, this, &ImportProgressPage::onFinished);
}

void ImportProgressPage::initializePage()
{
    m_done = false;
    m_bar->setValue(0);
    m_figures->setText(tr("Starting…"));
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Cancel import"));
    ImportRequest request;
    request.path = m_wizard->path;
    request.format = m_wizard->format;
    request.mapping = m_wizard->mapping;
    request.options = m_wizard->options;
    m_wizard->service()->start(request);
}

void ImportProgressPage::onProgress(const ImportProgress& progress)
{
    if (progress.totalBytes > 0)
        m_bar->setValue(static_cast<int>(1000 * progress.bytesRead / progress.totalBytes));
    const QLocale locale;
    m_figures->setText(tr("%1 rows read · %2 rows/s")
                           .arg(locale.toString(progress.processed), locale.toString(qRound64(progress.rowsPerSecond))));
}

void ImportProgressPage::onFinished(const ImportJob& job, const QList<ImportRowError>& errors)
{
    m_wizard->job = job;
    m_wizard->firstErrors = errors;
    m_done = true;
    m_bar->setValue(m_bar->maximum());
    emit completeChanged();
    if (m_wizard->currentId() == ImportWizard::ProgressPage)
        m_wizard->next();
}

bool ImportProgressPage::isComplete() const
{
    return m_done;
}
