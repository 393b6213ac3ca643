// The Neural Brain through its real widgets in a real main window, offscreen: the empty state, leaderboard rows from
// seeded lead_intelligence data, clicking a row or a suggestion opens the lead, the stalled-days setting, and
// refreshing on workspace events.
#include "tests/gui/GuiFixture.h"

#include "services/brain/BrainInsightsService.h"
#include "services/events/EventBus.h"
#include "services/settings/AppSettings.h"
#include "tests/brain/BrainSeed.h"
#include "tests/support/WaitFor.h"
#include "ui/brain/BrainLeadTableModel.h"
#include "ui/brain/BrainSuggestionModel.h"
#include "ui/brain/NeuralBrainView.h"
#include "ui/leads/LeadDetailPanel.h"
#include "ui/pricing/ServicesCatalogDialog.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>

class tst_NeuralBrainGui : public QObject
{
    Q_OBJECT

private:
    GuiFixture fixture;
    NeuralBrainView* view = nullptr;
    QHash<QString, QString> ids;

    bool reloadAndWait()
    {
        QSignalSpy loaded(view, &NeuralBrainView::loaded);
        view->refresh();
        return loaded.wait(10000) || !loaded.isEmpty();
    }

    void showBrain()
    {
        auto* modules = fixture.window->findChild<QListWidget*>(QStringLiteral("moduleList"));
        modules->setCurrentItem(modules->findItems(QStringLiteral("Neural Brain"), Qt::MatchExactly).first());
        QVERIFY(view->isVisible());
    }

    void clickRow(QAbstractItemView* table, const QModelIndex& index)
    {
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_neuralbraingui"));
        QSettings().clear();
        QVERIFY(fixture.open(0));
        view = fixture.window->findChild<NeuralBrainView*>();
        QVERIFY(view);
        view->service()->setClock([] { return BrainSeed::now(); });
        view->service()->setDebounceInterval(10);

        auto* modules = fixture.window->findChild<QListWidget*>(QStringLiteral("moduleList"));
        QVERIFY(modules);
        const QList<QListWidgetItem*> items = modules->findItems(QStringLiteral("Neural Brain"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        QVERIFY(!items.first()->icon().isNull());
        modules->setCurrentItem(items.first());
        QVERIFY(view->isVisible());
    }

    void cleanupTestCase() { QSettings().clear(); }

    void emptyStateExplainsHowToStart()
    {
        QVERIFY(reloadAndWait());
        QVERIFY(view->showsEmptyState());
        auto* empty = view->findChild<QWidget*>(QStringLiteral("brainEmptyState"));
        QVERIFY(empty && empty->isVisible());
        bool explains = false;
        for (QLabel* label : empty->findChildren<QLabel*>())
            explains = explains || label->text().contains(QStringLiteral("Settings → AI"));
        QVERIFY(explains);
        auto* openLead = view->findChild<QPushButton*>(QStringLiteral("brainOpenLeadButton"));
        QVERIFY(openLead);
        QVERIFY(!openLead->isEnabled()); // no leads at all
        QSignalSpy settings(view, &NeuralBrainView::openAiSettingsRequested);
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("brainAiSettingsButton")), Qt::LeftButton);
        QCOMPARE(settings.count(), 1);
    }

    void leaderboardShowsSeededIntelligence()
    {
        QString error;
        fixture.session->executor()->runBlocking(
            [&](QSqlDatabase& db) { error = BrainSeed::seed(db, fixture.session->identity(), &ids); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(reloadAndWait());
        QVERIFY(!view->showsEmptyState());

        QTableView* table = view->leaderboardTable();
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), 5);
        QCOMPARE(table->model()->index(0, BrainLeadTableModel::Lead).data().toString(), QStringLiteral("Alice (Acme)"));
        QCOMPARE(table->model()->index(0, BrainLeadTableModel::Heat).data(BrainLeadTableModel::HeatRole).toInt(), 95);
        QCOMPARE(
            table->model()->index(0, BrainLeadTableModel::NextAction).data().toString(), QStringLiteral("Call Alice"));
        QCOMPARE(table->model()->index(4, BrainLeadTableModel::Lead).data().toString(), QStringLiteral("Eve (Elm)"));
        auto* tabs = view->findChild<QTabWidget*>(QStringLiteral("brainTabs"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Hot leads (3)"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("Stalled deals (4)"));
        QVERIFY(view->findChild<QLabel*>(QStringLiteral("brainSummary"))
                    ->text()
                    .contains(QStringLiteral("5 lead(s) analysed")));
        QVERIFY(view->suggestionModel()->rowCount() >= 4);
    }

    void clickingARowOpensTheLead()
    {
        QSignalSpy requested(view, &NeuralBrainView::leadRequested);
        QTableView* table = view->leaderboardTable();
        clickRow(table, table->model()->index(1, BrainLeadTableModel::Lead));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().toString(), ids.value(QStringLiteral("Bob")));
        // The main window switches to the lead.
        QVERIFY(HubTest::waitUntil([&] {
            return fixture.window->leadsView()->isVisible()
                && fixture.window->leadsView()->detailPanel()->leadId() == ids.value(QStringLiteral("Bob"));
        }));
        showBrain();
    }

    void suggestionsOpenTheirLeads()
    {
        QTreeView* tree = view->suggestionsView();
        BrainSuggestionModel* model = view->suggestionModel();
        const QModelIndex call = model->index(0, 0);
        QCOMPARE(call.data(BrainSuggestionModel::KindRole).toInt(), int(BrainSuggestion::Kind::CallHotLeads));
        QVERIFY(call.data().toString().contains(QStringLiteral("call Acme first")));
        QSignalSpy requested(view, &NeuralBrainView::leadRequested);
        clickRow(tree, call); // two leads: shows them
        QCOMPARE(requested.count(), 0);
        QVERIFY(tree->isExpanded(call));
        clickRow(tree, model->index(1, 0, call));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().first().toString(), ids.value(QStringLiteral("Cara")));
        showBrain();

        // One lead: straight to it.
        tree = view->suggestionsView();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(BrainSuggestionModel::KindRole).toInt() == int(BrainSuggestion::Kind::SendProposals)) {
                QCOMPARE(model->rowCount(index), 1);
                clickRow(tree, index);
                QCOMPARE(requested.count(), 2);
                QCOMPARE(requested.last().first().toString(), ids.value(QStringLiteral("Alice")));
            }
        }
        QCOMPARE(requested.count(), 2);
        showBrain();
    }

    void stalledDaysIsASavedSetting()
    {
        auto* spin = view->findChild<QSpinBox*>(QStringLiteral("stalledDaysSpin"));
        QVERIFY(spin);
        QCOMPARE(spin->value(), 14);
        QCOMPARE(view->stalledModel()->rowCount(), 4);
        QSignalSpy loaded(view, &NeuralBrainView::loaded);
        spin->setValue(21);
        QVERIFY(loaded.wait(10000) || !loaded.isEmpty());
        QCOMPARE(AppSettings::brainStalledDays(), 21);
        QCOMPARE(view->stalledModel()->rowCount(), 2);
        spin->setValue(14);
        QVERIFY(HubTest::waitUntil([&] { return view->stalledModel()->rowCount() == 4; }));
    }

    void followsWorkspaceEvents()
    {
        // Alice cools down; the analysis publishes lead.updated (lead.analyzed later) and the board follows.
        fixture.session->executor()->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE lead_intelligence SET deal_heat = 10 WHERE lead_id = ?"));
            query.addBindValue(ids.value(QStringLiteral("Alice")));
            QVERIFY(query.exec());
        });
        QSignalSpy loaded(view, &NeuralBrainView::loaded);
        HubEvent event;
        event.type = HubEvent::Type::LeadUpdated;
        event.leadId = ids.value(QStringLiteral("Alice"));
        fixture.session->bus()->publish(event);
        QVERIFY(loaded.wait(10000) || !loaded.isEmpty());
        QCOMPARE(view->leaderboardTable()->model()->index(0, BrainLeadTableModel::Lead).data().toString(),
            QStringLiteral("Bob (Bolt)"));
    }

    void servicesButtonOpensThePriceList()
    {
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("brainServicesButton")), Qt::LeftButton);
        auto* dialog = fixture.window->findChild<ServicesCatalogDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        // Asking again raises the same dialog.
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("brainServicesButton")), Qt::LeftButton);
        QCOMPARE(fixture.window->findChildren<ServicesCatalogDialog*>().size(), 1);
        dialog->close();
    }
};

QTEST_MAIN(tst_NeuralBrainGui)
#include "tst_neuralbraingui.moc"
