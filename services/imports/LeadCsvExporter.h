#pragma once

#include "models/LeadFilter.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>

// Writes the leads of a filtered list to CSV with headers this importer maps back by itself, so export → import
// gives the same leads. Formula-like values are neutralised for spreadsheets (and restored on import).
class LeadCsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(LeadCsvExporter)

public:
    explicit LeadCsvExporter(QSqlDatabase db);
    // Returns an error message or an empty string; *written receives the number of leads.
    QString exportTo(const QString& path, const LeadFilter& filter, qint64* written = nullptr,
        const std::function<bool(qint64)>& progress = {});
    static QStringList header();

private:
    QSqlDatabase m_db;
};
