#include "ui/imports/ImportFilePage.h"

#include "services/imports/CsvReader.h"
#include "ui/imports/ImportWizard.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {
constexpr int kPreviewRows = 20;
const QList<CsvFormat::Encoding> kEncodings { CsvFormat::Encoding::Utf8, CsvFormat::Encoding::Utf8Bom,
    CsvFormat::Encoding::Utf16LE, CsvFormat::Encoding::Utf16BE, CsvFormat::Encoding::Windows1252 };
} // namespace

ImportFilePage::ImportFilePage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_preview(new QTableWidget(this))
{
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A CSV, TSV or TXT export from a spreadsheet or another CRM. Nothing is imported until the last step."));
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setPlaceholderText(tr("Drop a file on the window, or choose one…"));
    auto* browse = new QPushButton(tr("&Choose file…"), this);
    browse->setObjectName(QStringLiteral("importBrowse"));
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("Detect automatically"), -1);
    for (int i = 0; i < kEncodings.size(); ++i)
        m_encoding->addItem(CsvFormat::encodingName(kEncodings.at(i)), i);
    m_delimiter->setObjectName(QStringLiteral("importDelimiter"));
    m_delimiter->addItem(tr("Detect automatically"), QString());
    m_delimiter->addItem(tr("Comma ( , )"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_delimiter->addItem(tr("Pipe ( | )"), QStringLiteral("|"));
    m_status->setObjectName(QStringLiteral("importFileStatus"));
    m_status->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setDefaultSectionSize(140);

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("&File"), pathRow);
    form->addRow(tr("&Encoding"), m_encoding);
    form->addRow(tr("&Delimiter"), m_delimiter);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 1);

    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_path, &QLineEdit::editingFinished, this, &ImportFilePage::loadPreview);
    connect(m_encoding, &QComboBox::activated, this, &ImportFilePage::loadPreview);
    connect(m_delimiter, &QComboBox::activated, this, &ImportFilePage::loadPreview);
    connect(&m_watcher, &QFutureWatcher<Preview>::finished, this, [this] { showPreview(m_watcher.result()); });
}

void ImportFilePage::setFile(const QString& path)
{
    m_path->setText(path);
    loadPreview();
}

void ImportFilePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import leads"), QString(),
        tr("Lead lists (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

ImportFilePage::Preview ImportFilePage::readPreview(const QString& path, int encodingChoice, QChar delimiterChoice)
{
    Preview preview;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.error = tr("Cannot read “%1”: %2").arg(path, file.errorString());
        return preview;
    }
    preview.size = file.size();
    CsvReader reader(&file);
    CsvFormat format = CsvReader::sniff(&file);
    if (encodingChoice >= 0)
        format.encoding = kEncodings.at(encodingChoice);
    if (!delimiterChoice.isNull())
        format.delimiter = delimiterChoice;
    reader.setFormat(format);
    preview.encoding = static_cast<int>(kEncodings.indexOf(format.encoding));
    preview.delimiter = format.delimiter;
    if (!reader.readHeader(&preview.header)) {
        preview.error = reader.hasError() ? reader.errorString() : tr("The file is empty.");
        return preview;
    }
    CsvReader::Record record;
    while (preview.rows.size() < kPreviewRows && reader.next(&record))
        preview.rows.append(record.fields);
    if (reader.hasError())
        preview.error = reader.errorString();
    return preview;
}

void ImportFilePage::loadPreview()
{
    m_ready = false;
    emit completeChanged();
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return;
    m_status->setText(tr("Reading…"));
    const int encoding = m_encoding->currentData().toInt();
    const QString delimiter = m_delimiter->currentData().toString();
    m_wizard->formatOverridden = encoding >= 0 || !delimiter.isEmpty();
    m_watcher.setFuture(QtConcurrent::run(&ImportFilePage::readPreview, path, encoding,
        delimiter.isEmpty() ? QChar() : delimiter.at(0)));
}

void ImportFilePage::showPreview(const Preview& preview)
{
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    if (!preview.error.isEmpty() && preview.header.isEmpty()) {
        m_status->setText(preview.error);
        return;
    }
    m_wizard->path = m_path->text().trimmed();
    m_wizard->format.encoding = kEncodings.value(preview.encoding);
    m_wizard->format.delimiter = preview.delimiter;
    m_wizard->header = preview.header;
    m_wizard->previewRows = preview.rows;
    m_preview->setColumnCount(static_cast<int>(preview.header.size()));
    m_preview->setHorizontalHeaderLabels(preview.header);
    m_preview->setRowCount(static_cast<int>(preview.rows.size()));
    for (int row = 0; row < preview.rows.size(); ++row) {
        for (int column = 0; column < preview.rows.at(row).size() && column < preview.header.size(); ++column)
            m_preview->setItem(row, column, new QTableWidgetItem(preview.rows.at(row).at(column).left(200)));
    }
    const QString delimiter = preview.delimiter == QLatin1Char('\t') ? tr("tab") : QString(preview.delimiter);
    QString status = tr("%1 · %2 · delimiter “%3” · %n column(s)", nullptr, static_cast<int>(preview.header.size()))
                         .arg(QLocale().formattedDataSize(preview.size), CsvFormat::encodingName(m_wizard->format.encoding),
                             delimiter);
    if (!preview.error.isEmpty())
        status += QStringLiteral("\n") + tr("Problem further in: %1").arg(preview.error);
    m_status->setText(status);
    m_ready = true;
    emit completeChanged();
}

bool ImportFilePage::isComplete() const
{
    return m_ready;
}
