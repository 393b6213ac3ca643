#pragma once

#include <QFutureWatcher>
#include <QWizardPage>

class ImportWizard;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

// Step 1: pick a .csv/.tsv/.txt file; encoding and delimiter are detected and can be overridden; first rows previewed.
class ImportFilePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportFilePage(ImportWizard* wizard);
    void setFile(const QString& path);
    bool isComplete() const override;

private:
    struct Preview
    {
        QString error;
        int encoding = 0;
        QChar delimiter;
        QStringList header;
        QList<QStringList> rows;
        qint64 size = 0;
    };
    void browse();
    void loadPreview();
    void showPreview(const Preview& preview);
    static Preview readPreview(const QString& path, int encodingChoice, QChar delimiterChoice);

    ImportWizard* m_wizard;
    QLineEdit* m_path;
    QComboBox* m_encoding;
    QComboBox* m_delimiter;
    QLabel* m_status;
    QTableWidget* m_preview;
    QFutureWatcher<Preview> m_watcher;
    bool m_ready = false;
};
