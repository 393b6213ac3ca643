// Drives the real Leads views offscreen: drag and drop on the board, undo, bulk actions, search, global search.
#include "GuiFixture.h"

#include "models/LeadListModel.h"
#include "services/events/EventBus.h"
#include "ui/leads/KanbanColumn.h"
#include "ui/leads/LeadDetailPanel.h"
#include "ui/leads/LeadFilterBar.h"
#include "ui/leads/LeadKanbanView.h"
#include "ui/leads/LeadTableView.h"
#include "ui/leads/TimelineWidget.h"
#include "ui/shell/GlobalSearchDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDropEvent>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QUndoStack>

class TestLeadsGui : public QObject
{
    Q_OBJECT

private slots:
    void dragCardToAnotherColumn();
    void bulkDeleteFromTableWithUndo();
    void searchAsYouTypeFiltersTable();
    void globalSearchOpensLead();
    void timelineAddsNotes();
    void emptyWorkspaceOffersSampleData();

private:
    static void dropOnView(QListView* source, const QModelIndex& index, QListView* target);
};

void TestLeadsGui::dropOnView(QListView* source, const QModelIndex& index, QListView* target)
{
    // The same path a mouse drag takes: the source model encodes the selection, the target view receives
    // enter, move and drop events on its viewport and hands the data to its model.
    std::unique_ptr<QMimeData> mime(source->model()->mimeData({ index }));
    const QPoint pos = target->viewport()->rect().center();
    QDragEnterEvent enter(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &move);
    QVERIFY(move.isAccepted());
    QDropEvent drop(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &drop);
    QVERIFY(drop.isAccepted());
}

void TestLeadsGui::dragCardToAnotherColumn()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(40));
    LeadKanbanView* board = fixture.window->leadsView()->kanban();
    KanbanColumn* fresh = board->column(QStringLiteral("new"));
    KanbanColumn* contacted = board->column(QStringLiteral("contacted"));
    QVERIFY(fresh && contacted);
    QAbstractItemModelTester tester(fresh->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(fresh->model()->rowCount() > 0);
    const int newBefore = fresh->model()->total();
    const int contactedBefore = contacted->model()->total();
    const QModelIndex card = fresh->model()->index(0, 0);
    const QString leadId = card.data(LeadListModel::IdRole).toString();

    QSignalSpy events(fixture.session->bus(), &EventBus::published);
    dropOnView(fresh->view(), card, contacted->view());
    if (QTest::currentTestFailed())
        return;

    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT status FROM leads WHERE id = ?"), { leadId }).toString(),
        QStringLiteral("contacted"));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = ? AND kind = "
                                           "'status_change' AND deleted = 0 AND meta LIKE '%\"to\":\"contacted\"%'"),
                 { leadId })
                 .toInt(),
        1);
    QTRY_VERIFY(!events.isEmpty());
    const HubEvent event = events.first().first().value<HubEvent>();
    QCOMPARE(event.name(), QStringLiteral("lead.status_changed"));
    QCOMPARE(event.leadId, leadId);
    QCOMPARE(event.payload.value(QStringLiteral("from")).toString(), QStringLiteral("new"));
    QCOMPARE(event.payload.value(QStringLiteral("to")).toString(), QStringLiteral("contacted"));
    // Both columns follow: the card left one and arrived on top of the other, and the counts moved.
    QTRY_COMPARE(contacted->model()->index(0, 0).data(LeadListModel::IdRole).toString(), leadId);
    QCOMPARE(fresh->model()->rowOf(leadId), -1);
    QTRY_COMPARE(fresh->model()->total(), newBefore - 1);
    QTRY_COMPARE(contacted->model()->total(), contactedBefore + 1);

    // Ctrl+Z puts it back and removes the timeline entry.
    fixture.window->activateWindow();
    QTest::keyClick(fixture.window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT status FROM leads WHERE id = ?"), { leadId }).toString(),
        QStringLiteral("new"));
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = ? AND kind = "
                                               "'status_change' AND deleted = 0"),
                     { leadId })
                     .toInt(),
        0);
    QTRY_VERIFY(fresh->model()->rowOf(leadId) >= 0);
    QTRY_COMPARE(contacted->model()->rowOf(leadId), -1);
    QTRY_COMPARE(fresh->model()->total(), newBefore);
}

void TestLeadsGui::bulkDeleteFromTableWithUndo()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(30));
    LeadsView* leads = fixture.window->leadsView();
    leads->setMode(LeadsView::Mode::Table);
    LeadTableView* table = leads->table();
    QTRY_COMPARE(table->leadModel()->rowCount(), 30);
    table->setFocus();
    table->selectRow(0);
    table->selectionModel()->select(table->leadModel()->index(1, 0),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QStringList ids = table->selectedIds();
    QCOMPARE(ids.size(), 2);
    QTest::keyClick(table, Qt::Key_Delete);
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 1")).toInt(), 2);
    QTRY_COMPARE(table->leadModel()->rowCount(), 28);
    QTRY_COMPARE(table->leadModel()->total(), 28);
    fixture.window->undoStack()->undo();
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 1")).toInt(), 0);
    QTRY_COMPARE(table->leadModel()->rowCount(), 30);
}

void TestLeadsGui::searchAsYouTypeFiltersTable()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(60));
    LeadsView* leads = fixture.window->leadsView();
    leads->setMode(LeadsView::Mode::Table);
    LeadTableView* table = leads->table();
    QTRY_VERIFY(table->leadModel()->rowCount() > 0);
    const Lead target = table->leadModel()->leadAt(5);
    const QString company = target.company.section(QLatin1Char(' '), 0, 0);
    QTest::keyClick(table, Qt::Key_Slash);
    QLineEdit* search = leads->filterBar()->searchEdit();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, company.left(4));
    const QString prefix = company.left(4);
    // Wait for the answer to the whole prefix, not the empty list of the reset before it.
    QTRY_VERIFY(table->leadModel()->filter().search == prefix && !table->leadModel()->isLoading());
    QTRY_VERIFY(table->leadModel()->rowOf(target.id) >= 0);
    QVERIFY(table->leadModel()->rowCount() < 60);
    for (int row = 0; row < table->leadModel()->rowCount(); ++row) {
        LeadFilter filter;
        filter.search = prefix;
        QVERIFY(filter.matches(table->leadModel()->leadAt(row)));
    }
    search->clear();
    QTRY_COMPARE(table->leadModel()->total(), 60);
}

void TestLeadsGui::globalSearchOpensLead()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(25));
    const QString name = fixture.scalar(QStringLiteral("SELECT contact_person FROM leads LIMIT 1 OFFSET 7")).toString();
    QTest::keyClick(fixture.window.get(), Qt::Key_K, Qt::ControlModifier);
    GlobalSearchDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = fixture.window->findChild<GlobalSearchDialog*>()) != nullptr);
    QTRY_VERIFY(dialog->input()->hasFocus());
    QTest::keyClicks(dialog->input(), name);
    QTRY_VERIFY(dialog->results()->model()->rowCount() > 0);
    const QString expectedId = dialog->results()->currentIndex().data(LeadListModel::IdRole).toString();
    QTest::keyClick(dialog->input(), Qt::Key_Return);
    LeadDetailPanel* panel = fixture.window->leadsView()->detailPanel();
    QTRY_VERIFY(panel->isVisible());
    QTRY_COMPARE(panel->leadId(), expectedId);
}

void TestLeadsGui::timelineAddsNotes()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(5));
    const QString leadId = fixture.scalar(QStringLiteral("SELECT id FROM leads LIMIT 1")).toString();
    LeadDetailPanel* panel = fixture.window->leadsView()->detailPanel();
    fixture.window->leadsView()->openLead(leadId);
    QTRY_COMPARE(panel->leadId(), leadId);
    panel->tabs()->setCurrentWidget(panel->timeline());
    TimelineWidget* timeline = panel->timeline();
    const int before = fixture.scalar(QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = ? AND deleted = 0"),
                                  { leadId })
                           .toInt();
    QTRY_COMPARE(timeline->list()->count(), before);
    const QString note = QStringLiteral("Call back Tuesday; they want 👩‍💻 'quotes' & \"emoji\" -- DROP TABLE leads;");
    timeline->noteEdit()->setPlainText(note);
    QTest::mouseClick(timeline->addButton(), Qt::LeftButton);
    QTRY_COMPARE(timeline->list()->count(), before + 1);
    QVERIFY(timeline->list()->item(0)->text().startsWith(note));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT body FROM activities WHERE lead_id = ? AND kind = 'note' "
                                           "ORDER BY created_at DESC LIMIT 1"),
                 { leadId })
                 .toString(),
        note);
    // Delete the note with the keyboard, then undo.
    timeline->list()->setFocus();
    timeline->list()->setCurrentRow(0);
    QTest::keyClick(timeline->list(), Qt::Key_Delete);
    QTRY_COMPARE(timeline->list()->count(), before);
    fixture.window->undoStack()->undo();
    QTRY_COMPARE(timeline->list()->count(), before + 1);
}

void TestLeadsGui::emptyWorkspaceOffersSampleData()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(0));
    auto* button = fixture.window->findChild<QPushButton*>(QStringLiteral("loadSampleData"));
    QVERIFY(button);
    QTRY_VERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads")).toInt() > 0);
    QTRY_VERIFY(!button->isVisible());
    QTRY_VERIFY(fixture.window->leadsView()->kanban()->isVisible());
}

QTEST_MAIN(TestLeadsGui)
#include "tst_leadsgui.moc"
