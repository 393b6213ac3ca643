#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>

// "Undo this import": restores the leads it updated and tombstones the leads it created, in one transaction.
class ImportUndoer
{
    Q_DECLARE_TR_FUNCTIONS(ImportUndoer)

public:
    explicit ImportUndoer(QSqlDatabase db);
    // Returns an error message, or an empty string when the import is undone.
    QString undo(const QString& jobId, QStringList* createdIds = nullptr, QStringList* restoredIds = nullptr);

private:
    QSqlDatabase m_db;
};
