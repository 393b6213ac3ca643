#include "ui/imports/ImportMappingPage.h"

#include "models/Lead.h"
#include "services/imports/ImportService.h"
#include "services/imports/MappingSuggester.h"
#include "ui/common/RegionComboBox.h"
#include "ui/imports/ImportWizard.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

ImportMappingPage::ImportMappingPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_preset(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_duplicates(new QButtonGroup(this))
    , m_tags(new QLineEdit(this))
    , m_stage(new QComboBox(this))
    , m_region(new RegionComboBox(this))
    , m_validation(new QLabel(this))
{
    setTitle(tr("Match columns to lead fields"));
    setSubTitle(tr("Suggestions come from the column names. Set a column to “Ignore” to leave it out."));
    m_preset->setObjectName(QStringLiteral("importPreset"));
    auto* save = new QPushButton(tr("Save as preset…"), this);
    save->setObjectName(QStringLiteral("savePreset"));
    auto* presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Preset:"), this));
    presetRow->addWidget(m_preset, 1);
    presetRow->addWidget(save);

    m_table->setObjectName(QStringLiteral("importMapping"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({ tr("Column in file"), tr("Examples"), tr("Lead field") });
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->resizeSection(0, 200);
    m_table->horizontalHeader()->resizeSection(2, 180);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* duplicatesRow = new QHBoxLayout;
    const QList<QPair<ImportOptions::Duplicates, QString>> modes {
        { ImportOptions::Duplicates::Skip, tr("&Skip them") },
        { ImportOptions::Duplicates::Update, tr("&Update them with the file’s values") },
        { ImportOptions::Duplicates::Create, tr("Create &anyway") } };
    for (const auto& [mode, text] : modes) {
        auto* button = new QRadioButton(text, this);
        button->setObjectName(QStringLiteral("duplicates_") + ImportOptions::duplicatesKey(mode));
        m_duplicates->addButton(button, static_cast<int>(mode));
        duplicatesRow->addWidget(button);
    }
    duplicatesRow->addStretch();
    m_duplicates->button(static_cast<int>(ImportOptions::Duplicates::Skip))->setChecked(true);
    m_tags->setObjectName(QStringLiteral("importDefaultTags"));
    m_tags->setPlaceholderText(tr("Added to every imported lead, e.g. trade-show-2026"));
    m_stage->setObjectName(QStringLiteral("importDefaultStage"));
    for (const PipelineStage& stage : wizard->stages())
        m_stage->addItem(stage.name, stage.key);
    m_validation->setObjectName(QStringLiteral("FieldError"));
    m_validation->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Existing leads (same email, phone, or name and company):"), duplicatesRow);
    form->addRow(tr("&Tags for all rows"), m_tags);
    form->addRow(tr("Stage when the file has none"), m_stage);
    m_region->setObjectName(QStringLiteral("importRegion"));
    m_region->setRegion(wizard->options.region);
    form->addRow(tr("Phone numbers without a country code are from"), m_region);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(presetRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(m_validation);

    connect(m_preset, &QComboBox::activated, this, &ImportMappingPage::applyPreset);
    connect(save, &QPushButton::clicked, this, &ImportMappingPage::savePreset);
}

QComboBox* ImportMappingPage::fieldCombo(int column) const
{
    return qobject_cast<QComboBox*>(m_table->cellWidget(column, 2));
}

void ImportMappingPage::initializePage()
{
    if (m_shownHeader != m_wizard->header) {
        m_wizard->mapping = MappingSuggester::suggest(m_wizard->header);
        fillTable();
    }
    m_wizard->service()->presets(this, [this](const QList<ImportJobRepository::Preset>& presets) {
        m_presets = presets;
        m_preset->clear();
        m_preset->addItem(tr("Suggested from column names"));
        for (const ImportJobRepository::Preset& preset : presets)
            m_preset->addItem(preset.name);
    });
}

void ImportMappingPage::fillTable()
{
    m_shownHeader = m_wizard->header;
    m_table->setRowCount(static_cast<int>(m_wizard->header.size()));
    for (int column = 0; column < m_wizard->header.size(); ++column) {
        m_table->setItem(column, 0, new QTableWidgetItem(m_wizard->header.at(column)));
        QStringList examples;
        for (const QStringList& row : std::as_const(m_wizard->previewRows)) {
            const QString value = row.value(column).trimmed();
            if (!value.isEmpty() && examples.size() < 3)
                examples.append(value.left(40));
        }
        m_table->setItem(column, 1, new QTableWidgetItem(examples.join(QStringLiteral(" · "))));
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("mapField_%1").arg(column));
        for (LeadField field : ImportMapping::allFields())
            combo->addItem(ImportMapping::displayName(field), static_cast<int>(field));
        combo->setCurrentIndex(combo->findData(static_cast<int>(m_wizard->mapping.columns.value(column))));
        connect(combo, &QComboBox::activated, this, [this] {
            readMapping();
            emit completeChanged();
        });
        m_table->setCellWidget(column, 2, combo);
    }
    readMapping();
    emit completeChanged();
}

void ImportMappingPage::readMapping()
{
    m_wizard->mapping.columns.clear();
    for (int column = 0; column < m_table->rowCount(); ++column)
        m_wizard->mapping.columns.append(static_cast<LeadField>(fieldCombo(column)->currentData().toInt()));
    m_validation->setText(m_wizard->mapping.validationError());
}

void ImportMappingPage::applyPreset(int index)
{
    if (index <= 0) {
        m_wizard->mapping = MappingSuggester::suggest(m_wizard->header);
    } else {
        const ImportJobRepository::Preset& preset = m_presets.at(index - 1);
        m_wizard->mapping = ImportMapping::fromJson(preset.mapping, m_wizard->header);
        m_tags->setText(preset.defaultTags.join(QStringLiteral(", ")));
        m_stage->setCurrentIndex(std::max(0, m_stage->findData(preset.defaultStage)));
        ImportOptions::Duplicates mode = ImportOptions::Duplicates::Skip;
        ImportOptions::duplicatesFromKey(preset.duplicates, &mode);
        m_duplicates->button(static_cast<int>(mode))->setChecked(true);
        m_wizard->options.presetName = preset.name;
    }
    fillTable();
}

void ImportMappingPage::savePreset()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save mapping preset"),
        tr("Name, e.g. “Trade show badge scans”:"), QLineEdit::Normal, m_preset->currentIndex() > 0 ? m_preset->currentText() : QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    readMapping();
    ImportJobRepository::Preset preset;
    preset.name = name;
    preset.mapping = m_wizard->mapping.toJson(m_wizard->header);
    preset.defaultTags = Lead::parseTags(m_tags->text());
    preset.defaultStage = m_stage->currentData().toString();
    preset.duplicates = ImportOptions::duplicatesKey(static_cast<ImportOptions::Duplicates>(m_duplicates->checkedId()));
    m_wizard->service()->savePreset(preset, this, [this](bool saved) {
        if (saved)
            initializePage();
        else
            m_validation->setText(tr("The preset could not be saved."));
    });
}

bool ImportMappingPage::isComplete() const
{
    return m_wizard->mapping.validationError().isEmpty();
}

bool ImportMappingPage::validatePage()
{
    readMapping();
    m_wizard->options.duplicates = static_cast<ImportOptions::Duplicates>(m_duplicates->checkedId());
    m_wizard->options.defaultTags = Lead::parseTags(m_tags->text());
    m_wizard->options.defaultStage = m_stage->currentData().toString();
    m_wizard->options.region = m_region->region();
    return isComplete();
}
