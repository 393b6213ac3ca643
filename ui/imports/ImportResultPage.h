#pragma once

#include <QWizardPage>

class ImportWizard;
class QLabel;
class QPushButton;
class QTableWidget;

// Step 4: what happened, row by row, with "Download errors as CSV" and "Undo this import".
class ImportResultPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportResultPage(ImportWizard* wizard);
    void initializePage() override;
    QPushButton* undoButton() const { return m_undo; }
    QTableWidget* errorTable() const { return m_errors; }

private:
    void downloadErrors();
    void undoImport();

    ImportWizard* m_wizard;
    QLabel* m_summary;
    QTableWidget* m_errors;
    QPushButton* m_download;
    QPushButton* m_undo;
};
