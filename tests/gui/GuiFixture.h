#pragma once

#include "services/demo/DemoDataGenerator.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/leads/LeadsView.h"
#include "ui/shell/MainWindow.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A real main window over a real workspace file in a temporary folder, optionally with seeded sample leads.
struct GuiFixture
{
    QTemporaryDir dir;
    std::unique_ptr<WorkspaceSession> session;
    std::unique_ptr<MainWindow> window;

    bool open(int sampleLeads)
    {
        QStandardPaths::setTestModeEnabled(true);
        session = std::make_unique<WorkspaceSession>();
        if (!session->openBlocking(dir.filePath(QStringLiteral("gui.sqlite"))).ok())
            return false;
        if (sampleLeads > 0) {
            QString error;
            const WorkspaceIdentity identity = session->identity();
            session->executor()->runBlocking([&](QSqlDatabase& db) {
                DemoDataGenerator::Options options;
                options.leads = sampleLeads;
                error = DemoDataGenerator::generate(db, identity, options);
            });
            if (!error.isEmpty())
                return false;
        }
        window = std::make_unique<MainWindow>(session.get());
        QSignalSpy loaded(window->leadsView(), &LeadsView::firstLoadFinished);
        window->show();
        window->start();
        return loaded.wait(10000) || loaded.count() > 0;
    }

    QVariant scalar(const QString& sql, const QVariantList& values = {}) const
    {
        QVariant result;
        session->executor()->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& value : values)
                query.addBindValue(value);
            if (query.exec() && query.next())
                result = query.value(0);
        });
        return result;
    }
};
