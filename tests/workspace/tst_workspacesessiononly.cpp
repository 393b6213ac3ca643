// Connect to server… on a computer without a reachable keychain: the user is told, nothing is saved until they choose
// "for this session only", and then the password lives in memory only.
#include "services/secrets/SecretStore.h"
#include "services/workspace/WorkspaceRegistry.h"
#include "tests/secrets/SecretScan.h"
#include "tests/support/WaitFor.h"
#include "ui/workspace/ServerConnectionDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestWorkspaceSessionOnly : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_noBus;

private slots:
    void initTestCase()
    {
        // No session bus: a headless box without a keyring.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_noBus.filePath(QStringLiteral("no-bus")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_workspacesessiononly"));
        QSettings().clear();
    }

    void userIsToldAndMayKeepThePasswordForThisSession()
    {
        SecretStore secrets;
        WorkspaceRegistry registry(&secrets);
        ServerConnectionDialog dialog(&registry);
        dialog.show();
        const auto edit = [&](const char* name) { return dialog.findChild<QLineEdit*>(QLatin1String(name)); };
        const QString password = QStringLiteral("Session-Only-Secret-42");
        edit("serverNameEdit")->setText(QStringLiteral("Acme"));
        edit("serverHostEdit")->setText(QStringLiteral("localhost"));
        edit("serverDatabaseEdit")->setText(QStringLiteral("hub"));
        edit("serverUserEdit")->setText(QStringLiteral("anna@acme.test"));
        edit("serverPasswordEdit")->setText(password);
        auto* mode = dialog.findChild<QComboBox*>(QStringLiteral("serverSslModeCombo"));
        mode->setCurrentIndex(mode->findData(QStringLiteral("prefer")));
        auto* sessionOnly = dialog.findChild<QCheckBox*>(QStringLiteral("serverSessionOnlyCheck"));
        QVERIFY(sessionOnly->isHidden());

        QSignalSpy failed(&dialog, &ServerConnectionDialog::saveFailed);
        dialog.accept();
        QVERIFY(HubTest::waitUntil([&] { return !failed.isEmpty(); }));
        QVERIFY2(failed.constFirst().at(0).toString().contains(QStringLiteral("keychain")),
            qPrintable(failed.constFirst().at(0).toString()));
        QVERIFY(!sessionOnly->isHidden());
        QVERIFY(dialog.isVisible());
        QCOMPARE(int(registry.workspaces().size()), 1); // nothing saved

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        sessionOnly->setChecked(true);
        dialog.accept();
        QVERIFY(HubTest::waitUntil([&] { return !accepted.isEmpty(); }));
        QCOMPARE(int(registry.workspaces().size()), 2);
        const QString id = dialog.saved().id;
        const auto read = HubTest::waitForCallback<SecretResult>(
            [&](QObject* context, SecretStore::Done done) { registry.readPassword(id, context, std::move(done)); },
            QStringLiteral("readPassword"));
        QVERIFY(read && read->ok() && read->sessionOnly);
        QCOMPARE(read->secret, password);
        QSettings settings;
        settings.sync();
        QVERIFY(!HubTest::containsSecret(HubTest::readFile(settings.fileName()), password));
    }
};

QTEST_MAIN(TestWorkspaceSessionOnly)
#include "tst_workspacesessiononly.moc"
