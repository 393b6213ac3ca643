#include "app/ImportCommand.h"
#include "app/ScreenshotTour.h"
#include "app/StartupReport.h"
#include "app/WorkspaceLauncher.h"
#include "services/secrets/SecretStore.h"
#include "services/workspace/WorkspaceRegistry.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/MessageBoxes.h"
#include "ui/common/Theme.h"
#include "ui/leads/LeadsView.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (argc > 1 && qstrcmp(argv[1], "import") == 0)
        return runImportCommand(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BusinessHub"));
    QApplication::setApplicationName(QStringLiteral("BusinessHub"));
    QApplication::setApplicationDisplayName(QObject::tr("Business Hub"));
    QApplication::setApplicationVersion(QStringLiteral(BUSINESSHUB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("businesshub"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Business Hub — the desktop CRM for freelancers and small agencies."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QObject::tr("Open the workspace database at <path>."),
        QObject::tr("path"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QObject::tr("Fill an empty workspace with realistic sample leads and activities."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot-dir"),
        QObject::tr("Write PNG screenshots of the Kanban and table views to <dir>, then quit."), QObject::tr("dir"));
    const QCommandLineOption reportOption(QStringLiteral("report-startup"),
        QObject::tr("Print start-up time and memory as JSON, then quit (for hub-bench)."));
    parser.addOptions({ dbOption, demoOption, screenshotOption, reportOption });
    parser.process(app);

    Theme::instance()->apply(&app);
    const QString localPath
        = parser.isSet(dbOption) ? QDir::current().absoluteFilePath(parser.value(dbOption)) : QString();

    SecretStore secrets;
    WorkspaceRegistry registry(&secrets);
    bool firstWindow = true;
    WorkspaceLauncher launcher(&registry, [&](MainWindow* window, const OpenResult& result) {
        if (!result.ok()) {
            std::fprintf(stderr, "businesshub: %s\n", qPrintable(result.message));
            MessageBoxes::critical(window, QObject::tr("Cannot open workspace"), result.message);
            QApplication::exit(2);
            return;
        }
        if (parser.isSet(demoOption)) {
            launcher.session()->loadSampleData(120, window, [window](int, const QString& error) {
                if (!error.isEmpty())
                    std::fprintf(stderr, "businesshub: sample data: %s\n", qPrintable(error));
                window->start();
            });
        } else {
            window->start();
        }
    });
    QObject::connect(&launcher, &WorkspaceLauncher::windowCreated, &app, [&](MainWindow* window) {
        if (!firstWindow)
            return;
        firstWindow = false;
        StartupReport* report = parser.isSet(reportOption) ? new StartupReport(sinceStart, window, &app) : nullptr;
        ScreenshotTour* tour = parser.isSet(screenshotOption)
            ? new ScreenshotTour(window, parser.value(screenshotOption), &app)
            : nullptr;
        if (report || tour) {
            QObject::connect(window->leadsView(), &LeadsView::firstLoadFinished, &app, [report, tour] {
                if (report)
                    report->leadsReady();
                if (tour)
                    tour->start();
            });
        }
    });
    launcher.openAtStart(localPath);
    return app.exec();
}
