#include "ui/imports/ImportResultPage.h"

#include "services/imports/ImportService.h"
#include "ui/common/MessageBoxes.h"
#include "ui/imports/ImportWizard.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

ImportResultPage::ImportResultPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_errors(new QTableWidget(this))
    , m_download(new QPushButton(tr("Download errors as CSV…"), this))
    , m_undo(new QPushButton(tr("Undo this import"), this))
{
    setTitle(tr("Import finished"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_errors->setObjectName(QStringLiteral("importErrors"));
    m_errors->setColumnCount(3);
    m_errors->setHorizontalHeaderLabels({ tr("Row"), tr(""), tr("What happened") });
    m_errors->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_errors->horizontalHeader()->resizeSection(0, 70);
    m_errors->horizontalHeader()->resizeSection(1, 80);
    m_errors->verticalHeader()->hide();
    m_errors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_download->setObjectName(QStringLiteral("downloadErrors"));
    m_undo->setObjectName(QStringLiteral("undoImport"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_download);
    buttons->addStretch();
    buttons->addWidget(m_undo);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_errors, 1);
    layout->addLayout(buttons);
    connect(m_download, &QPushButton::clicked, this, &ImportResultPage::downloadErrors);
    connect(m_undo, &QPushButton::clicked, this, &ImportResultPage::undoImport);
}

void ImportResultPage::initializePage()
{
    const auto& job = m_wizard->job;
    const QLocale locale;
    QString headline;
    if (job.status == QLatin1String("completed"))
        headline = tr("Import complete.");
    else if (job.status == QLatin1String("cancelled"))
        headline = tr("Import cancelled after %1 rows — the rows before that were kept.").arg(locale.toString(job.processed));
    else
        headline = tr("The import stopped: %1").arg(job.error.toHtmlEscaped());
    m_summary->setText(QStringLiteral("<b>%1</b><br>").arg(headline)
        + tr("<b>%1</b> imported · <b>%2</b> updated · <b>%3</b> skipped as duplicates · <b>%4</b> failed")
              .arg(locale.toString(job.imported), locale.toString(job.updated), locale.toString(job.skipped),
                  locale.toString(job.failed)));
    const auto& errors = m_wizard->firstErrors;
    m_errors->setRowCount(static_cast<int>(errors.size()));
    for (int row = 0; row < errors.size(); ++row) {
        m_errors->setItem(row, 0, new QTableWidgetItem(locale.toString(errors.at(row).row)));
        m_errors->setItem(row, 1, new QTableWidgetItem(errors.at(row).severity == QLatin1String("error") ? tr("Failed")
                                                                                                        : tr("Note")));
        m_errors->setItem(row, 2, new QTableWidgetItem(errors.at(row).reason));
    }
    m_errors->setVisible(!errors.isEmpty());
    m_download->setEnabled(!errors.isEmpty() && !job.id.isEmpty());
    m_undo->setEnabled(!job.id.isEmpty() && (job.imported > 0 || job.updated > 0));
}

void ImportResultPage::downloadErrors()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save import errors"),
        QStringLiteral("import-errors.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_wizard->service()->exportErrors(m_wizard->job.id, path, this, [this](const QString& error) {
        if (!error.isEmpty())
            MessageBoxes::critical(this, tr("Errors not saved"), error);
    });
}

void ImportResultPage::undoImport()
{
    const auto answer = MessageBoxes::question(this, tr("Undo this import?"),
        tr("Leads created by this import are removed and leads it updated get their previous values back."));
    if (answer != QMessageBox::Yes)
        return;
    m_undo->setEnabled(false);
    m_wizard->service()->undo(m_wizard->job.id, this, [this](const QString& error) {
        if (error.isEmpty())
            m_summary->setText(m_summary->text() + QStringLiteral("<br>") + tr("<b>This import was undone.</b>"));
        else {
            m_undo->setEnabled(true);
            MessageBoxes::critical(this, tr("Import not undone"), error);
        }
    });
}
