#pragma once

#include "models/Lead.h"

#include <QHash>
#include <QSqlDatabase>

// Exact identity keys of the leads already in the workspace and of the rows imported so far: the same email, the
// same E.164 phone, or the same name and company mean "this lead exists". Built from one streaming query.
class ImportDuplicateIndex
{
public:
    bool load(QSqlDatabase& db, QString* error);
    // Id of an existing (or earlier imported) lead this one duplicates, or empty.
    QString find(const Lead& lead) const { return find(lead, nameKey(lead)); }
    void add(const Lead& lead) { add(lead, nameKey(lead)); }
    // The same with the name key already built (off the writer thread).
    QString find(const Lead& lead, const QString& nameKey) const;
    void add(const Lead& lead, const QString& nameKey);
    // find(), and add() when nothing is found, looking each key up once.
    QString findOrAdd(const Lead& lead, const QString& nameKey);

    static QString nameKey(const Lead& lead);

private:
    QHash<QString, QString> m_byEmail;
    QHash<QString, QString> m_byPhone;
    QHash<QString, QString> m_byName;
};
