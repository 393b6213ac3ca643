#pragma once

#include "services/imports/ImportJob.h"

#include <QDialog>

class ImportService;
class QPushButton;
class QTableWidget;

// Past imports with their outcome; the selected one can be undone or its errors downloaded.
class ImportHistoryDialog : public QDialog
{
    Q_OBJECT

public:
    ImportHistoryDialog(ImportService* service, QWidget* parent = nullptr);
    void reload();
    QTableWidget* table() const { return m_table; }

private:
    QString selectedJobId() const;
    void updateButtons();

    ImportService* m_service;
    QList<ImportJob> m_jobs;
    QTableWidget* m_table;
    QPushButton* m_undo;
    QPushButton* m_errors;
};
