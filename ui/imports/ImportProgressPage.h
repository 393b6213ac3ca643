#pragma once

#include "services/imports/ImportJob.h"

#include <QWizardPage>

class ImportWizard;
class QLabel;
class QProgressBar;
class QPushButton;

// Step 3: the import runs in the background; progress, speed and a Cancel that keeps what was imported.
class ImportProgressPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportProgressPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    QPushButton* cancelButton() const { return m_cancel; }

private:
    void onProgress(const ImportProgress& progress);
    void onFinished(const ImportJob& job, const QList<ImportRowError>& errors);

    ImportWizard* m_wizard;
    QProgressBar* m_bar;
    QLabel* m_figures;
    QPushButton* m_cancel;
    bool m_done = false;
};
