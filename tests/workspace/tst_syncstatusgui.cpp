// The status bar's sync indicator and the conflicts dialog of a main window on a server workspace, against the
// test cluster behind a relay that can make the server unreachable.
#include "services/leads/LeadStore.h"
#include "services/leads/WriteOutcome.h"
#include "services/sync/SyncEngine.h"
#include "tests/support/WaitFor.h"
#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"
#include "tests/workspace/TcpRelay.h"
#include "tests/workspace/TeamWindow.h"
#include "ui/sync/ConflictListModel.h"
#include "ui/sync/ConflictsDialog.h"
#include "ui/sync/RejectedChangesPanel.h"
#include "ui/sync/SyncStatusIndicator.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

class TestSyncStatusGui : public QObject
{
    Q_OBJECT

private:
    WorkspaceEntry entry(const QString& name, quint16 port = 0)
    {
        return TeamWorkspaces::entryFor(m_database, m_team.loginOf(name),
            m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(name).arg(++m_files)), port);
    }

    Lead saveBlocking(WorkspaceSession& session, const Lead& lead)
    {
        return HubTest::waitForCallback<WriteOutcome>(
            [&](QObject* context, std::function<void(const WriteOutcome&)> done) {
                session.leads()->saveLead(lead, context, std::move(done));
            },
            QStringLiteral("saveLead"))
            .value_or(WriteOutcome::failure(QStringLiteral("timeout")))
            .changed.value(0);
    }

    static Lead newLead(const QString& name, const QString& company = {})
    {
        Lead lead;
        lead.name = name;
        lead.company = company;
        return lead;
    }

    std::optional<Lead> fetch(WorkspaceSession& session, const QString& id)
    {
        return HubTest::waitForCallback<std::optional<Lead>>(
            [&](QObject* context, std::function<void(const std::optional<Lead>&)> done) {
                session.leads()->fetchLead(id, context, std::move(done));
            },
            QStringLiteral("fetchLead"))
            .value_or(std::nullopt);
    }

    QVariant serverValue(const QString& sql, const QVariantList& binds = {})
    {
        return PgTestDatabase::scalar(*m_superuser, sql, binds);
    }

    PgTestDatabase m_database;
    TeamFixture m_team;
    QSqlDatabase* m_superuser = nullptr;
    QTemporaryDir m_dir;
    int m_files = 0;

private slots:
    void initTestCase()
    {
        HUB_REQUIRE_POSTGRES();
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_database.create(&error), qPrintable(error));
        QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
        m_superuser = m_database.connectAsSuperuser(&error);
        QVERIFY2(m_superuser, qPrintable(error));
    }

    void localWorkspaceHasNoSyncIndicator()
    {
        SyncStatusIndicator indicator;
        indicator.setEngine(nullptr);
        QCOMPARE(indicator.text(), QStringLiteral("Local workspace"));
        QVERIFY(!indicator.button()->isEnabled());
        QVERIFY(indicator.conflictsButton()->isHidden());
    }

    void indicatorFollowsTheConnection()
    {
        TcpRelay relay(quint16(m_database.superuserInfo().port()));
        QVERIFY(relay.start());
        TeamWindow desk;
        QVERIFY(
            desk.open(entry(QStringLiteral("anna"), relay.port()), TeamFixture::passwordOf(QStringLiteral("anna"))));
        SyncStatusIndicator* indicator = desk.window->syncIndicator();
        QVERIFY(indicator->isVisible());
        QVERIFY(HubTest::waitUntil([&] { return indicator->text().startsWith(QStringLiteral("● Online")); }, 20000));
        QVERIFY2(indicator->text().contains(QStringLiteral("Last sync")), qPrintable(indicator->text()));
        QVERIFY(!indicator->text().contains(QStringLiteral("pending")));

        // The server goes away: offline, with the countdown to the next attempt and the reason in the tooltip.
        relay.stop();
        QVERIFY(HubTest::waitUntil([&] { return indicator->text().startsWith(QStringLiteral("○ Offline")); }, 20000));
        QVERIFY2(HubTest::waitUntil([&] { return indicator->text().contains(QStringLiteral("reconnecting in")); }),
            qPrintable(indicator->text() + QLatin1Char('|') + indicator->toolTipText()));
        QVERIFY2(indicator->toolTipText().contains(QStringLiteral("Server unreachable")),
            qPrintable(indicator->toolTipText()));

        // Work goes on offline; the edits wait.
        const Lead saved = saveBlocking(*desk.session, newLead(QStringLiteral("Offline Lead GmbH")));
        QVERIFY(saved.isValid());
        // The lead and its "created" timeline entry.
        QVERIFY2(HubTest::waitUntil([&] { return indicator->text().contains(QStringLiteral("2 pending change")); }),
            qPrintable(indicator->text()));

        // Back: online again, the change sent, nothing pending.
        QVERIFY(relay.start());
        QVERIFY(HubTest::waitUntil(
            [&] {
                return indicator->text().startsWith(QStringLiteral("● Online"))
                    && !indicator->text().contains(QStringLiteral("pending"));
            },
            20000));
        QCOMPARE(serverValue(QStringLiteral("SELECT name FROM hub.leads WHERE id = ?"), { saved.id }).toString(),
            QStringLiteral("Offline Lead GmbH"));
        QVERIFY(!indicator->toolTipText().contains(QStringLiteral("Last error")));

        // "Sync now" from the menu runs a round.
        QSignalSpy synced(desk.session->sync(), &SyncEngine::synced);
        QAction* syncNow = indicator->menu()->findChild<QAction*>(QStringLiteral("syncNowAction"));
        QVERIFY(syncNow);
        syncNow->trigger();
        QVERIFY(HubTest::waitUntil([&] { return !synced.isEmpty(); }));
    }

    void conflictsAreListedAndResolved()
    {
        TeamWindow a;
        TeamWindow b;
        QVERIFY(a.open(entry(QStringLiteral("anna")), TeamFixture::passwordOf(QStringLiteral("anna"))));
        QVERIFY(b.open(entry(QStringLiteral("ada")), TeamFixture::passwordOf(QStringLiteral("ada"))));
        QVERIFY(HubTest::waitUntil(
            [&] {
                return a.session->sync()->state() == Sync::State::Online
                    && b.session->sync()->state() == Sync::State::Online;
            },
            20000));

        // Empty state first.
        ConflictsDialog* empty = b.window->openConflicts();
        QVERIFY(empty->showsEmptyState());
        empty->close();

        const Lead created
            = saveBlocking(*a.session, newLead(QStringLiteral("Contested Ltd"), QStringLiteral("Original")));
        QVERIFY(created.isValid());
        QVERIFY(HubTest::waitUntil(
            [&] {
                const auto there = fetch(*b.session, created.id);
                return there && there->company == QLatin1String("Original") && a.session->sync()->pendingCount() == 0;
            },
            20000));
        QVERIFY(HubTest::waitUntil([&] { return b.session->sync()->pendingCount() == 0; }));

        // B goes offline and both change the company.
        b.session->sync()->stop();
        Lead mine = *fetch(*b.session, created.id);
        mine.company = QStringLiteral("Mine Inc");
        QVERIFY(saveBlocking(*b.session, mine).isValid());
        Lead theirs = *fetch(*a.session, created.id);
        theirs.company = QStringLiteral("Theirs Corp");
        QVERIFY(saveBlocking(*a.session, theirs).isValid());
        QVERIFY(HubTest::waitUntil(
            [&] {
                return serverValue(QStringLiteral("SELECT company FROM hub.leads WHERE id = ?"), { created.id })
                           .toString()
                    == QLatin1String("Theirs Corp");
            },
            20000));
        b.session->setServerPassword(TeamFixture::passwordOf(QStringLiteral("ada")));

        SyncStatusIndicator* indicator = b.window->syncIndicator();
        QVERIFY(HubTest::waitUntil([&] { return !indicator->conflictsButton()->isHidden(); }, 20000));
        QVERIFY2(indicator->conflictsButton()->text().contains(QStringLiteral("1 conflict")),
            qPrintable(indicator->conflictsButton()->text()));

        // From the badge to the dialog.
        indicator->conflictsButton()->click();
        auto* dialog = b.window->findChild<ConflictsDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!dialog->showsEmptyState());
        QCOMPARE(dialog->model()->rowCount(), 1);
        const auto cell = [&](int column) { return dialog->model()->index(0, column).data().toString(); };
        QVERIFY(
            HubTest::waitUntil([&] { return cell(ConflictListModel::LeadName) == QLatin1String("Contested Ltd"); }));
        QCOMPARE(cell(ConflictListModel::Field), QStringLiteral("Company"));
        QCOMPARE(cell(ConflictListModel::Yours), QStringLiteral("Mine Inc"));
        QCOMPARE(cell(ConflictListModel::Server), QStringLiteral("Theirs Corp"));
        QVERIFY(!cell(ConflictListModel::When).isEmpty());
        // The lead shows the server's value until the user decides.
        QCOMPARE(fetch(*b.session, created.id)->company, QStringLiteral("Theirs Corp"));

        QSignalSpy resolved(dialog, &ConflictsDialog::resolved);
        dialog->table()->selectRow(0);
        dialog->findChild<QPushButton*>(QStringLiteral("keepMineButton"))->click();
        QVERIFY(HubTest::waitUntil([&] { return !resolved.isEmpty(); }));
        QVERIFY(resolved.constFirst().at(0).toBool());
        QVERIFY(HubTest::waitUntil([&] { return dialog->showsEmptyState(); }));
        QVERIFY(HubTest::waitUntil([&] { return indicator->conflictsButton()->isHidden(); }));
        // Mine wins everywhere.
        QVERIFY(HubTest::waitUntil(
            [&] {
                return serverValue(QStringLiteral("SELECT company FROM hub.leads WHERE id = ?"), { created.id })
                           .toString()
                    == QLatin1String("Mine Inc");
            },
            20000));
        QVERIFY(HubTest::waitUntil(
            [&] { return fetch(*a.session, created.id)->company == QLatin1String("Mine Inc"); }, 20000));
    }

    // An employee's offline edit of a lead that was reassigned to someone else meanwhile: the badge and the dialog
    // say why it was not applied (not the server's raw refusal), until she dismisses it.
    void changeToAReassignedLeadIsExplainedAndDismissed()
    {
        const QString id = QStringLiteral("lead-gui-reassigned");
        QVERIFY(PgTestDatabase::execute(*m_superuser,
                    QStringLiteral("INSERT INTO hub.leads (id, org_id, name, owner_id, assigned_to) VALUES (?, ?, "
                                   "'Handed Over GmbH', ?, ?)"),
                    { id, m_team.orgA, m_team.userId(QStringLiteral("ed")), m_team.userId(QStringLiteral("eve")) })
            == 1);
        TeamWindow eve;
        QVERIFY(eve.open(entry(QStringLiteral("eve")), TeamFixture::passwordOf(QStringLiteral("eve"))));
        QVERIFY(HubTest::waitUntil([&] { return fetch(*eve.session, id).has_value(); }, 20000));
        eve.session->sync()->stop();
        Lead edited = *fetch(*eve.session, id);
        edited.company = QStringLiteral("Edited offline");
        QVERIFY(saveBlocking(*eve.session, edited).isValid());
        QVERIFY(PgTestDatabase::execute(
                    *m_superuser, QStringLiteral("UPDATE hub.leads SET assigned_to = NULL WHERE id = ?"), { id })
            == 1);
        eve.session->setServerPassword(TeamFixture::passwordOf(QStringLiteral("eve")));

        SyncStatusIndicator* indicator = eve.window->syncIndicator();
        QVERIFY(HubTest::waitUntil([&] { return !indicator->conflictsButton()->isHidden(); }, 20000));
        QVERIFY2(indicator->conflictsButton()->text().contains(QStringLiteral("not applied")),
            qPrintable(indicator->conflictsButton()->text()));
        QVERIFY(HubTest::waitUntil([&] { return eve.session->sync()->pendingCount() == 0; }));
        indicator->conflictsButton()->click();
        auto* dialog = eve.window->findChild<ConflictsDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        RejectedChangesPanel* panel = dialog->rejectedChanges();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->list()->count(), 1);
        const QString shown = panel->list()->item(0)->text();
        QVERIFY2(
            shown.contains(QStringLiteral("This lead was reassigned to someone else; your change was not applied.")),
            qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("company")), qPrintable(shown));

        panel->list()->item(0)->setSelected(true);
        panel->findChild<QPushButton*>(QStringLiteral("dismissRejectedButton"))->click();
        QVERIFY(HubTest::waitUntil([&] { return !panel->isVisible(); }));
        QVERIFY(HubTest::waitUntil([&] { return indicator->conflictsButton()->isHidden(); }));
    }
};

QTEST_MAIN(TestSyncStatusGui)
#include "tst_syncstatusgui.moc"
