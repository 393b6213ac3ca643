#pragma once

#include "services/imports/ImportJobRepository.h"

#include <QWizardPage>

class ImportWizard;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class RegionComboBox;

// Step 2: which column becomes which lead field (suggested from the header), presets, duplicate handling, defaults.
class ImportMappingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportMappingPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QTableWidget* table() const { return m_table; }
    QComboBox* fieldCombo(int column) const;

private:
    void fillTable();
    void readMapping();
    void applyPreset(int index);
    void savePreset();

    ImportWizard* m_wizard;
    QComboBox* m_preset;
    QTableWidget* m_table;
    QButtonGroup* m_duplicates;
    QLineEdit* m_tags;
    QComboBox* m_stage;
    RegionComboBox* m_region;
    QLabel* m_validation;
    QList<ImportJobRepository::Preset> m_presets;
    QStringList m_shownHeader;
};
