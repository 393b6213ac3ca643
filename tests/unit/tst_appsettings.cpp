#include "services/phone/PhoneNormalizer.h"
#include "services/settings/AppSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class tst_AppSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Never read or write the real user's settings and data folders.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appsettings"));
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void defaultRegion()
    {
        QSettings().remove(QStringLiteral("phone/defaultRegion"));
        const QString fallback = AppSettings::defaultRegion();
        QCOMPARE(fallback.size(), 2);
        QVERIFY(PhoneNormalizer::isKnownRegion(fallback));

        AppSettings::setDefaultRegion(QStringLiteral("de"));
        QCOMPARE(AppSettings::defaultRegion(), QStringLiteral("DE"));
        AppSettings::setDefaultRegion(QStringLiteral("GB"));
        QCOMPARE(AppSettings::defaultRegion(), QStringLiteral("GB"));
    }

    void viewMode()
    {
        QSettings().remove(QStringLiteral("leads/viewMode"));
        QCOMPARE(AppSettings::leadsViewMode(), QStringLiteral("kanban"));
        AppSettings::setLeadsViewMode(QStringLiteral("table"));
        QCOMPARE(AppSettings::leadsViewMode(), QStringLiteral("table"));
    }

    void windowGeometry()
    {
        const QByteArray geometry("\x01\x02\x00\xff", 4);
        const QByteArray state("state");
        AppSettings::setWindowGeometry(geometry, state);
        QCOMPARE(AppSettings::windowGeometry(), geometry);
        QCOMPARE(AppSettings::windowState(), state);
    }

    void workspacePathIsInTheAppDataFolder()
    {
        const QString path = AppSettings::defaultWorkspacePath();
        QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("local.sqlite"));
        QCOMPARE(QFileInfo(path).absolutePath(),
            QFileInfo(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).absoluteFilePath());
        QVERIFY(path.contains(QStringLiteral("qttest"))); // test mode: not the user's real data folder
    }
};

QTEST_GUILESS_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
