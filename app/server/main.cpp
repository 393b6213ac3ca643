// businesshub-server: the headless side of Business Hub (DESIGN.md section 1). For now it prepares and upgrades
// the team server's PostgreSQL database; webhooks, calling agents and scheduled automations come later.
#include "app/server/DatabaseCommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BusinessHub"));
    QCoreApplication::setApplicationName(QStringLiteral("businesshub-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BUSINESSHUB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Business Hub server: prepares and upgrades the team database."));
    parser.addHelpOption();
    parser.addVersionOption();
    DatabaseCommands database(&parser);
    parser.process(app);

    if (database.requested())
        return database.run();
    std::fprintf(stderr, "%s\n",
        qPrintable(QCoreApplication::translate("main",
            "businesshub-server: nothing to do. Prepare a database with --init-db or upgrade one with --migrate "
            "(see --help).")));
    return 2;
}
