#include "ui/imports/ImportHistoryDialog.h"

#include "services/imports/ImportService.h"
#include "ui/common/MessageBoxes.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QString statusText(const QString& status)
{
    if (status == QLatin1String("completed"))
        return ImportHistoryDialog::tr("Completed");
    if (status == QLatin1String("cancelled"))
        return ImportHistoryDialog::tr("Cancelled");
    if (status == QLatin1String("undone"))
        return ImportHistoryDialog::tr("Undone");
    if (status == QLatin1String("interrupted"))
        return ImportHistoryDialog::tr("Interrupted");
    if (status == QLatin1String("running"))
        return ImportHistoryDialog::tr("Running");
    return ImportHistoryDialog::tr("Failed");
}
} // namespace

ImportHistoryDialog::ImportHistoryDialog(ImportService* service, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_table(new QTableWidget(this))
    , m_undo(new QPushButton(tr("Undo import"), this))
    , m_errors(new QPushButton(tr("Download errors…"), this))
{
    setObjectName(QStringLiteral("ImportHistoryDialog"));
    setWindowTitle(tr("Import history"));
    m_table->setObjectName(QStringLiteral("importHistory"));
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({ tr("Started"), tr("File"), tr("Status"), tr("Rows"), tr("Imported"),
        tr("Updated"), tr("Skipped"), tr("Failed") });
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_errors, QDialogButtonBox::ActionRole);
    buttons->addButton(m_undo, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ImportHistoryDialog::updateButtons);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        const QString id = selectedJobId();
        if (MessageBoxes::question(this, tr("Undo this import?"),
                tr("Leads created by this import are removed and leads it updated get their previous values back."))
            != QMessageBox::Yes)
            return;
        m_service->undo(id, this, [this](const QString& error) {
            if (!error.isEmpty())
                MessageBoxes::critical(this, tr("Import not undone"), error);
            reload();
        });
    });
    connect(m_errors, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save import errors"),
            QStringLiteral("import-errors.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            m_service->exportErrors(selectedJobId(), path, this, [this](const QString& error) {
                if (!error.isEmpty())
                    MessageBoxes::critical(this, tr("Errors not saved"), error);
            });
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(880, 420);
    reload();
}

void ImportHistoryDialog::reload()
{
    m_service->history(this, [this](const QList<ImportJob>& jobs) {
        m_jobs = jobs;
        const QLocale locale;
        m_table->setRowCount(static_cast<int>(jobs.size()));
        for (int row = 0; row < jobs.size(); ++row) {
            const ImportJob& job = jobs.at(row);
            const QStringList cells { locale.toString(job.startedAt.toLocalTime(), QLocale::ShortFormat), job.fileName,
                statusText(job.status), locale.toString(job.processed), locale.toString(job.imported),
                locale.toString(job.updated), locale.toString(job.skipped), locale.toString(job.failed) };
            for (int column = 0; column < cells.size(); ++column)
                m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
            if (!job.error.isEmpty())
                m_table->item(row, 2)->setToolTip(job.error);
        }
        updateButtons();
    });
}

QString ImportHistoryDialog::selectedJobId() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row).id : QString();
}

void ImportHistoryDialog::updateButtons()
{
    const int row = m_table->currentRow();
    const bool valid = row >= 0 && row < m_jobs.size();
    const QString status = valid ? m_jobs.at(row).status : QString();
    m_undo->setEnabled(valid && status != QLatin1String("undone") && status != QLatin1String("running")
        && (m_jobs.at(row).imported > 0 || m_jobs.at(row).updated > 0));
    m_errors->setEnabled(valid && (m_jobs.at(row).failed > 0 || m_jobs.at(row).processed > 0));
}
