// Settings → Workspace offscreen, against a real team server (test cluster) and the real keychain
// (tests/secrets/with_keychain.sh): connecting with inline validation, the connection test's distinct errors, and
// managing members through the server's SECURITY DEFINER functions.
#include "services/secrets/SecretStore.h"
#include "services/workspace/WorkspaceRegistry.h"
#include "services/workspace/WorkspaceSession.h"
#include "tests/secrets/SecretScan.h"
#include "tests/support/WaitFor.h"
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"
#include "tests/workspace/TeamWorkspaces.h"
#include "ui/common/MessageBoxes.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/workspace/AddMemberDialog.h"
#include "ui/workspace/MemberPasswordDialog.h"
#include "ui/workspace/ServerConnectionDialog.h"
#include "ui/workspace/TeamMemberListModel.h"
#include "ui/workspace/TeamMembersPanel.h"
#include "ui/workspace/WorkspaceSettingsPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestWorkspaceSettingsGui : public QObject
{
    Q_OBJECT

private:
    struct ConnectForm {
        std::unique_ptr<PreferencesDialog> preferences;
        ServerConnectionDialog* dialog = nullptr;

        QLineEdit* edit(const char* name) const { return dialog->findChild<QLineEdit*>(QLatin1String(name)); }
        QString error(const QString& field) const
        {
            for (QLabel* label : dialog->findChildren<QLabel*>(QStringLiteral("FieldError"))) {
                if (label->property("field").toString() == field)
                    return label->isHidden() ? QString() : label->text();
            }
            return {};
        }
        void setSslMode(const QString& mode) const
        {
            auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("serverSslModeCombo"));
            combo->setCurrentIndex(combo->findData(mode));
        }
    };

    ConnectForm openConnectForm()
    {
        ConnectForm form;
        form.preferences = std::make_unique<PreferencesDialog>(nullptr, nullptr, m_registry.get());
        form.preferences->showPage(PreferencesDialog::workspacePage());
        form.preferences->show();
        [&] { QCOMPARE(form.preferences->currentPage(), PreferencesDialog::workspacePage()); }();
        form.preferences->workspaceSettings()->connectToServer();
        form.dialog = form.preferences->findChild<ServerConnectionDialog*>();
        return form;
    }

    void fill(const ConnectForm& form, const QString& login, const QString& password, quint16 port = 0,
        const QString& database = {})
    {
        const WorkspaceEntry entry = TeamWorkspaces::entryFor(m_database, login, QString(), port);
        QTest::keyClicks(form.edit("serverNameEdit"), QStringLiteral("Acme Agency"));
        QTest::keyClicks(form.edit("serverHostEdit"), entry.host);
        form.dialog->findChild<QSpinBox*>(QStringLiteral("serverPortSpin"))->setValue(entry.port);
        QTest::keyClicks(form.edit("serverDatabaseEdit"), database.isEmpty() ? entry.database : database);
        QTest::keyClicks(form.edit("serverUserEdit"), login);
        QTest::keyClicks(form.edit("serverPasswordEdit"), password);
        form.setSslMode(QStringLiteral("prefer"));
    }

    // Runs the connection test and returns what the dialog shows.
    QString testConnection(const ConnectForm& form, bool expectOk)
    {
        QSignalSpy finished(form.dialog, &ServerConnectionDialog::testFinished);
        QTest::mouseClick(form.dialog->findChild<QPushButton*>(QStringLiteral("serverTestButton")), Qt::LeftButton);
        [&] { QVERIFY(HubTest::waitUntil([&] { return !finished.isEmpty(); }, 20000)); }();
        const QString shown = form.dialog->findChild<QLabel*>(QStringLiteral("serverTestResultLabel"))->text();
        [&] { QVERIFY2(!finished.isEmpty() && finished.constFirst().at(0).toBool() == expectOk, qPrintable(shown)); }();
        return shown;
    }

    QString login(const QString& name) const { return m_team.loginOf(name); }

    // A session on a server workspace as that member, and the Settings dialog on its Workspace page.
    struct MembersRig {
        std::unique_ptr<WorkspaceSession> session;
        std::unique_ptr<PreferencesDialog> preferences;
        TeamMembersPanel* panel = nullptr;
    };

    std::unique_ptr<MembersRig> openMembers(const QString& name)
    {
        auto rig = std::make_unique<MembersRig>();
        rig->session = std::make_unique<WorkspaceSession>();
        const WorkspaceEntry entry = TeamWorkspaces::entryFor(
            m_database, login(name), m_dir.filePath(name + QStringLiteral("-replica.sqlite")));
        if (!rig->session->openBlocking(entry, TeamFixture::passwordOf(name), TeamWorkspaces::fastOptions()).ok())
            return nullptr;
        rig->preferences = std::make_unique<PreferencesDialog>(nullptr, rig->session.get(), m_registry.get());
        rig->preferences->showPage(PreferencesDialog::workspacePage());
        rig->preferences->show();
        rig->panel = rig->preferences->workspaceSettings()->members();
        if (!rig->panel)
            return nullptr;
        QSignalSpy finished(rig->panel, &TeamMembersPanel::finished);
        if (!HubTest::waitUntil([&] { return !finished.isEmpty(); }, 20000))
            return nullptr;
        return rig;
    }

    bool waitFor(TeamMembersPanel* panel, const std::function<void()>& action, bool expectOk)
    {
        QSignalSpy finished(panel, &TeamMembersPanel::finished);
        action();
        if (!HubTest::waitUntil([&] { return !finished.isEmpty(); }, 20000))
            return false;
        return finished.constFirst().at(0).toBool() == expectOk;
    }

    PgTestDatabase m_database;
    TeamFixture m_team;
    QTemporaryDir m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<WorkspaceRegistry> m_registry;

private slots:
    void initTestCase()
    {
        HUB_REQUIRE_POSTGRES();
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no session bus: run this test through tests/secrets/with_keychain.sh");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_workspacesettingsgui"));
        QSettings().clear();
        QString error;
        QVERIFY2(m_database.create(&error), qPrintable(error));
        QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
        m_secrets = std::make_unique<SecretStore>();
        m_registry = std::make_unique<WorkspaceRegistry>(m_secrets.get());
        m_registry->setLocalPath(m_dir.filePath(QStringLiteral("local.sqlite")));
    }

    void cleanupTestCase()
    {
        m_registry.reset();
        m_secrets.reset();
    }

    void emptyFormShowsEveryMissingFieldInline()
    {
        ConnectForm form = openConnectForm();
        QVERIFY(form.dialog);
        QSignalSpy failed(form.dialog, &ServerConnectionDialog::saveFailed);
        QTest::mouseClick(form.dialog->findChild<QPushButton*>(QStringLiteral("serverConnectButton")), Qt::LeftButton);
        QCOMPARE(failed.count(), 1);
        QVERIFY(form.dialog->isVisible());
        for (const char* field : { "name", "host", "database", "user", "password" })
            QVERIFY2(!form.error(QLatin1String(field)).isEmpty(), field);
        QVERIFY(form.edit("serverHostEdit")->property("invalid").toBool());
        // Typing fixes the message at once.
        QTest::keyClicks(form.edit("serverNameEdit"), QStringLiteral("Acme"));
        QVERIFY(form.error(QStringLiteral("name")).isEmpty());
        QCOMPARE(int(m_registry->workspaces().size()), 1);
    }

    void remoteServerNeedsTls()
    {
        ConnectForm form = openConnectForm();
        QTest::keyClicks(form.edit("serverNameEdit"), QStringLiteral("Remote"));
        QTest::keyClicks(form.edit("serverHostEdit"), QStringLiteral("db.example.com"));
        QTest::keyClicks(form.edit("serverDatabaseEdit"), QStringLiteral("hub"));
        QTest::keyClicks(form.edit("serverUserEdit"), QStringLiteral("anna@acme.test"));
        QTest::keyClicks(form.edit("serverPasswordEdit"), QStringLiteral("secret-123"));
        form.setSslMode(QStringLiteral("disable"));
        form.dialog->accept();
        QVERIFY(form.error(QStringLiteral("sslMode")).contains(QStringLiteral("verify-full")));
        form.setSslMode(QStringLiteral("verify-full"));
        QVERIFY(form.error(QStringLiteral("sslMode")).isEmpty());
        // verify-full is what a new form suggests.
        ConnectForm fresh = openConnectForm();
        QCOMPARE(fresh.dialog->typedEntry().sslMode, QStringLiteral("verify-full"));
    }

    void testConnectionSucceeds()
    {
        ConnectForm form = openConnectForm();
        fill(form, login(QStringLiteral("anna")), TeamFixture::passwordOf(QStringLiteral("anna")));
        const QString shown = testConnection(form, true);
        QVERIFY2(shown.contains(QStringLiteral("owner")) && shown.contains(QStringLiteral("Acme")), qPrintable(shown));
    }

    void testConnectionExplainsEachFailure_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong password") << "password"
                                        << "Wrong password";
        QTest::newRow("unreachable") << "unreachable"
                                     << "Server unreachable";
        QTest::newRow("tls") << "tls"
                             << "TLS verification failed";
        QTest::newRow("not a team server") << "schema"
                                           << "Schema version mismatch";
        QTest::newRow("deactivated") << "disabled"
                                     << "Account deactivated";
        QTest::newRow("no access to the database") << "permission"
                                                   << "Permission denied";
    }

    void testConnectionExplainsEachFailure()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        ConnectForm form = openConnectForm();
        const QString eve = login(QStringLiteral("eve"));
        if (kind == QLatin1String("password")) {
            fill(form, eve, QStringLiteral("not-her-password"));
        } else if (kind == QLatin1String("unreachable")) {
            fill(form, eve, TeamFixture::passwordOf(QStringLiteral("eve")), 1);
        } else if (kind == QLatin1String("tls")) {
            fill(form, eve, TeamFixture::passwordOf(QStringLiteral("eve")));
            form.setSslMode(QStringLiteral("require")); // the test cluster has no TLS
        } else if (kind == QLatin1String("schema")) {
            fill(form, eve, TeamFixture::passwordOf(QStringLiteral("eve")), 0, QStringLiteral("postgres"));
        } else if (kind == QLatin1String("permission")) {
            // A login of the cluster that is not a member of this team database.
            const QString outsider = m_database.loginPrefix() + QStringLiteral("outsider");
            QVERIFY(PgTestDatabase::execute(*m_database.connectAsSuperuser(),
                        QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD 'Outsider-Pass-1'").arg(outsider))
                >= 0);
            fill(form, outsider, QStringLiteral("Outsider-Pass-1"));
        } else if (kind == QLatin1String("disabled")) {
            QSqlDatabase* admin = m_team.connectAs(QStringLiteral("anna"));
            QVERIFY(admin);
            const QString edId = m_team.userId(QStringLiteral("ed"));
            QVERIFY(PgTestDatabase::execute(
                        *admin, QStringLiteral("SELECT hub.deactivate_member(?, ?)"), { m_team.orgA, edId })
                >= 0);
            fill(form, login(QStringLiteral("ed")), TeamFixture::passwordOf(QStringLiteral("ed")));
            const QString shown = testConnection(form, false);
            PgTestDatabase::execute(
                *admin, QStringLiteral("SELECT hub.reactivate_member(?, ?)"), { m_team.orgA, edId });
            QVERIFY2(shown.contains(expected), qPrintable(shown));
            return;
        }
        const QString shown = testConnection(form, false);
        QVERIFY2(shown.contains(expected), qPrintable(shown));
        QVERIFY2(!shown.contains(TeamFixture::passwordOf(QStringLiteral("eve"))), "the password is shown");
    }

    void connectStoresTheWorkspace()
    {
        ConnectForm form = openConnectForm();
        fill(form, login(QStringLiteral("ada")), TeamFixture::passwordOf(QStringLiteral("ada")));
        QSignalSpy accepted(form.dialog, &QDialog::accepted);
        QTest::mouseClick(form.dialog->findChild<QPushButton*>(QStringLiteral("serverConnectButton")), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return !accepted.isEmpty(); }));
        const QList<WorkspaceEntry> all = m_registry->workspaces();
        QCOMPARE(int(all.size()), 2);
        QCOMPARE(all.at(1).user, login(QStringLiteral("ada")));
        // The page lists it and can switch to it.
        auto* list = form.preferences->workspaceSettings()->list();
        QCOMPARE(list->count(), 2);
        QCOMPARE(form.preferences->workspaceSettings()->selectedId(), all.at(1).id);
        QSignalSpy switching(form.preferences.get(), &PreferencesDialog::workspaceSwitchRequested);
        form.preferences->workspaceSettings()
            ->findChild<QPushButton*>(QStringLiteral("switchWorkspaceButton"))
            ->click();
        QCOMPARE(switching.count(), 1);
        QCOMPARE(switching.constFirst().at(0).toString(), all.at(1).id);
        QCOMPARE(m_registry->active().id, all.at(1).id);
        QSettings settings;
        settings.sync();
        const QByteArray file = HubTest::readFile(settings.fileName());
        QVERIFY(file.contains("Acme Agency"));
        QVERIFY2(!HubTest::containsSecret(file, TeamFixture::passwordOf(QStringLiteral("ada"))),
            "the password is in the QSettings file");
        m_registry->setActive(WorkspaceEntry::localId());
    }

    void ownerAddsChangesAndDeactivatesMembers()
    {
        auto rig = openMembers(QStringLiteral("anna"));
        QVERIFY(rig);
        TeamMembersPanel* panel = rig->panel;
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel->model()->rowCount(), 5); // anna, ada, mia, eve, ed
        QVERIFY(
            panel->findChild<QLabel*>(QStringLiteral("membersSummaryLabel"))->text().contains(QStringLiteral("Owner")));

        // Add: a local validation error first, then the real thing.
        panel->addMember();
        auto* dialog = panel->findChild<AddMemberDialog*>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("memberNameEdit")), QStringLiteral("Nora New"));
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("memberEmailEdit")), QStringLiteral("nora@acme"));
        QSignalSpy failed(dialog, &AddMemberDialog::failed);
        dialog->accept();
        QCOMPARE(failed.count(), 1);
        QVERIFY(dialog->isVisible());
        dialog->findChild<QLineEdit*>(QStringLiteral("memberEmailEdit"))->setText(QStringLiteral("nora@acme.test"));
        const QString noraPassword = QStringLiteral("Nora-Initial-1");
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("memberPasswordEdit")), noraPassword);
        QVERIFY(waitFor(
            panel, [&] { dialog->accept(); }, true));
        QCOMPARE(panel->model()->rowCount(), 6);
        const QString noraLogin = m_database.loginPrefix() + QStringLiteral("nora@acme.test");
        QVERIFY2(panel->statusText().contains(noraLogin), qPrintable(panel->statusText()));
        int row = -1;
        for (int r = 0; r < panel->model()->rowCount(); ++r) {
            if (panel->model()->memberAt(r).email == QLatin1String("nora@acme.test"))
                row = r;
        }
        QVERIFY(row >= 0);
        const TeamMember nora = panel->model()->memberAt(row);
        QCOMPARE(nora.role, QStringLiteral("employee"));
        QVERIFY(m_database.connectAs(noraLogin, noraPassword)); // she can sign in with the initial password

        // Change role.
        panel->select(nora.userId);
        auto* role = panel->findChild<QComboBox*>(QStringLiteral("memberNewRoleCombo"));
        role->setCurrentIndex(role->findData(QStringLiteral("admin")));
        QVERIFY(waitFor(
            panel, [&] { panel->findChild<QPushButton*>(QStringLiteral("changeRoleButton"))->click(); }, true));
        QCOMPARE(panel->model()->memberAt(panel->model()->rowOf(nora.userId)).role, QStringLiteral("admin"));

        // Reset password.
        panel->select(nora.userId);
        panel->resetPasswordOfSelected();
        auto* passwordDialog = panel->findChild<MemberPasswordDialog*>();
        QVERIFY(passwordDialog);
        const QString newPassword = QStringLiteral("Nora-Changed-2");
        passwordDialog->findChild<QLineEdit*>(QStringLiteral("newPasswordEdit"))->setText(newPassword);
        passwordDialog->findChild<QLineEdit*>(QStringLiteral("repeatPasswordEdit"))->setText(newPassword);
        QVERIFY(waitFor(
            panel, [&] { passwordDialog->accept(); }, true));
        QVERIFY(m_database.connectAs(noraLogin, newPassword));

        // Deactivate (after confirming): she can no longer sign in.
        panel->select(nora.userId);
        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        QVERIFY(waitFor(
            panel, [&] { panel->findChild<QPushButton*>(QStringLiteral("toggleActiveButton"))->click(); }, true));
        QVERIFY(!panel->model()->memberAt(panel->model()->rowOf(nora.userId)).active);
        QVERIFY(!m_database.connectAs(noraLogin, newPassword));
        QCOMPARE(panel->findChild<QPushButton*>(QStringLiteral("toggleActiveButton"))->text().remove(QLatin1Char('&')),
            QStringLiteral("Reactivate"));
        QVERIFY(waitFor(
            panel, [&] { panel->toggleActiveOfSelected(); }, true));
        QVERIFY(panel->model()->memberAt(panel->model()->rowOf(nora.userId)).active);

        // The server's own rules come through as it words them.
        panel->select(m_team.userId(QStringLiteral("anna")));
        role->setCurrentIndex(role->findData(QStringLiteral("employee")));
        QVERIFY(waitFor(
            panel, [&] { panel->changeRoleOfSelected(); }, false));
        QVERIFY2(panel->statusText().contains(QStringLiteral("owner")), qPrintable(panel->statusText()));
    }

    void employeeIsToldPermissionDenied()
    {
        auto rig = openMembers(QStringLiteral("eve"));
        QVERIFY(rig);
        TeamMembersPanel* panel = rig->panel;
        QVERIFY(panel->model()->rowCount() > 0);
        panel->addMember();
        auto* dialog = panel->findChild<AddMemberDialog*>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("memberNameEdit"))->setText(QStringLiteral("Sneaky"));
        dialog->findChild<QLineEdit*>(QStringLiteral("memberEmailEdit"))->setText(QStringLiteral("sneaky@acme.test"));
        dialog->findChild<QLineEdit*>(QStringLiteral("memberPasswordEdit"))->setText(QStringLiteral("Sneaky-Pass-1"));
        QSignalSpy failed(dialog, &AddMemberDialog::failed);
        dialog->accept();
        QVERIFY(HubTest::waitUntil([&] { return !failed.isEmpty(); }, 20000));
        const QString shown = dialog->findChild<QLabel*>(QStringLiteral("FieldError"), Qt::FindDirectChildrenOnly)
            ? failed.constFirst().at(0).toString()
            : QString();
        QVERIFY2(dialog->isVisible(), "the dialog stays open so nothing typed is lost");
        QVERIFY2(shown.contains(QStringLiteral("Only owners and admins")), qPrintable(shown));
        bool titled = false;
        for (QLabel* label : dialog->findChildren<QLabel*>(QStringLiteral("FieldError")))
            titled = titled || label->text().startsWith(QStringLiteral("Permission denied"));
        QVERIFY(titled);

        panel->select(m_team.userId(QStringLiteral("ed")));
        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        QVERIFY(waitFor(
            panel, [&] { panel->toggleActiveOfSelected(); }, false));
        QVERIFY2(panel->statusText().startsWith(QStringLiteral("Permission denied")), qPrintable(panel->statusText()));
    }
};

QTEST_MAIN(TestWorkspaceSettingsGui)
#include "tst_workspacesettingsgui.moc"
