#pragma once

#include "models/Lead.h"

#include <QStringList>

// One CSV record turned into a lead, with what went wrong on the way.
struct ImportedRow
{
    qint64 number = 0; // 1-based data row
    Lead lead;
    QString error; // set: the row is not imported
    QStringList warnings; // the row is imported, but something was kept raw or dropped
    QString phoneInput; // the raw phone text, normalised separately (in parallel, cached)
    QStringList fields; // the record as read, until its error report is written
    QString nameKey; // ImportDuplicateIndex::nameKey(lead), built on the thread pool
    QString duplicateOf; // skip mode: the lead this row duplicates, found on the thread pool
};
