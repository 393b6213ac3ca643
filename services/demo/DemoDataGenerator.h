#pragma once

#include "services/storage/WorkspaceInitializer.h"

#include <QSqlDatabase>

// Realistic, seeded sample leads and activities: for first-run "Load sample data", --demo and benchmarks.
class DemoDataGenerator
{
public:
    struct Options
    {
        int leads = 80;
        quint32 seed = 20261123;
        bool activities = true;
    };

    // Returns an error message, or an empty string on success. Runs in one transaction.
    static QString generate(QSqlDatabase& db, const WorkspaceIdentity& identity, const Options& options);
};
