// The Deal Desk through its real widgets, offscreen: a proposal is created for a lead, priced, saved, sent,
// accepted, exported to PDF, deleted and restored with undo; AI drafting with and without a configured endpoint.
#include "tests/gui/GuiFixture.h"

#include "models/Ids.h"
#include "models/Money.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/leads/LeadStore.h"
#include "services/providers/AiGateway.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/WaitFor.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/MessageBoxes.h"
#include "ui/dealdesk/DealDeskView.h"
#include "ui/dealdesk/LeadChoiceModel.h"
#include "ui/dealdesk/LeadPicker.h"
#include "ui/dealdesk/LeadPickerDialog.h"
#include "ui/dealdesk/PipelineCard.h"
#include "ui/dealdesk/PipelineHeader.h"
#include "ui/dealdesk/PricingEditor.h"
#include "ui/dealdesk/PricingLinesModel.h"
#include "ui/dealdesk/ProposalActionsBar.h"
#include "ui/dealdesk/ProposalEditor.h"
#include "ui/dealdesk/ProposalListModel.h"
#include "ui/dealdesk/SectionsEditor.h"
#include "ui/shell/PreferencesDialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkProxy>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableView>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

class tst_DealDeskGui : public QObject
{
    Q_OBJECT

private:
    GuiFixture fixture;
    DealDeskView* view = nullptr;
    Lead acme;

    Lead saveLead(const QString& name, const QString& company)
    {
        Lead lead;
        lead.id = Ids::newId();
        lead.name = name;
        lead.company = company;
        lead.currency = QStringLiteral("EUR");
        const auto outcome = HubTest::waitForCallback<WriteOutcome>(
            [&](QObject* c, std::function<void(const WriteOutcome&)> d) {
                fixture.session->leads()->saveLead(lead, c, d);
            },
            QStringLiteral("saveLead"));
        return outcome && outcome->ok ? lead : Lead();
    }

    ProposalEditor* waitForEditor(QSignalSpy& opened)
    {
        if (opened.isEmpty() && !opened.wait(10000))
            return nullptr;
        return opened.takeFirst().first().value<ProposalEditor*>();
    }

    // Types into the cell editor the pricing table opened, then moves on with Tab (or commits with Return).
    void typeCell(PricingEditor* pricing, const QString& text, Qt::Key then)
    {
        QLineEdit* cell = nullptr;
        QVERIFY(HubTest::waitUntil([&] {
            for (QLineEdit* edit : pricing->table()->viewport()->findChildren<QLineEdit*>()) {
                if (edit->isVisible())
                    cell = edit;
            }
            return cell != nullptr;
        }));
        QPointer<QLineEdit> typed(cell);
        typed->selectAll();
        QTest::keyClicks(typed, text);
        QTest::keyClick(typed, then);
        // The finished editor is hidden and deleted; wait for that so the next search finds the next cell's editor.
        QVERIFY(HubTest::waitUntil([&] { return !typed || !typed->isVisible(); }));
    }

    // A modal dialog that should not have opened (e.g. New lead) is closed so the test fails instead of hanging.
    static void closeStrayModals(int afterMs)
    {
        QTimer::singleShot(afterMs, qApp, [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
        });
    }

    void pickLead(LeadPicker* picker, const QString& typed)
    {
        QSignalSpy shown(picker, &LeadPicker::choicesShown);
        picker->setFocus();
        QTest::keyClicks(picker, typed);
        QVERIFY(shown.wait(5000) || !shown.isEmpty());
        QVERIFY(shown.last().first().toInt() > 0);
        QAbstractItemView* popup = picker->completer()->popup();
        QVERIFY(HubTest::waitUntil([&] { return popup->isVisible(); }));
        QTest::keyClick(popup, Qt::Key_Return);
    }

    static QString pdfInfo(const QString& path)
    {
        QProcess process;
        process.start(QStringLiteral("pdfinfo"), { path });
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        qRegisterMetaType<ProposalEditor*>();
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY(fixture.open(0));
        view = fixture.window->findChild<DealDeskView*>();
        QVERIFY(view);
        acme = saveLead(QStringLiteral("Jane Cooper"), QStringLiteral("Acme Widgets"));
        QVERIFY(acme.isValid());
        QVERIFY(saveLead(QStringLiteral("Bob Other"), QStringLiteral("Other Co")).isValid());
        auto* modules = fixture.window->findChild<QListWidget*>(QStringLiteral("moduleList"));
        QVERIFY(modules);
        const QList<QListWidgetItem*> items = modules->findItems(QStringLiteral("Deal Desk"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        QSignalSpy loaded(view, &DealDeskView::loaded);
        modules->setCurrentItem(items.first());
        QVERIFY(view->isVisible());
        QVERIFY(loaded.wait(10000) || !loaded.isEmpty());
    }

    void emptyStateSaysWhatToDo()
    {
        auto* empty = view->findChild<QWidget*>(QStringLiteral("dealDeskEmpty"));
        QVERIFY(empty && empty->isVisible());
        QVERIFY(view->findChild<QPushButton*>(QStringLiteral("emptyNewProposal"))->isVisible());
        QVERIFY(view->findChild<QPushButton*>(QStringLiteral("emptyGenerateDraft"))->isVisible());
        // The two leads are open deals nobody has analysed yet.
        QCOMPARE(view->header()->intentCard(QString())->count(), 2);
    }

    void createPriceSendAcceptExportDeleteUndo()
    {
        QSignalSpy opened(view, &DealDeskView::editorOpened);
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("newProposalButton")), Qt::LeftButton);
        ProposalEditor* editor = waitForEditor(opened);
        QVERIFY(editor);
        QVERIFY(editor->isVisible());

        pickLead(editor->leadPicker(), QStringLiteral("Acme"));
        QCOMPARE(editor->leadPicker()->leadId(), acme.id);
        QTest::keyClicks(
            editor->findChild<QLineEdit*>(QStringLiteral("proposalTitle")), QStringLiteral("Website redesign"));

        SectionsEditor* sections = editor->sections();
        QTest::mouseClick(sections->findChild<QToolButton*>(QStringLiteral("addSection")), Qt::LeftButton);
        QTest::keyClicks(sections->titleEdit(), QStringLiteral("Scope"));
        sections->bodyEdit()->setFocus();
        QTest::keyClicks(sections->bodyEdit(), QStringLiteral("Five pages & a <blog>"));

        PricingEditor* pricing = editor->pricing();
        editor->findChild<QTabWidget*>(QStringLiteral("editorTabs"))->setCurrentWidget(pricing);
        QTest::mouseClick(pricing->findChild<QToolButton*>(QStringLiteral("addLine")), Qt::LeftButton);
        typeCell(pricing, QStringLiteral("Design"), Qt::Key_Tab);
        typeCell(pricing, QStringLiteral("1.5"), Qt::Key_Tab);
        typeCell(pricing, QStringLiteral("1000.50"), Qt::Key_Tab);
        typeCell(pricing, QStringLiteral("19"), Qt::Key_Return);
        QTest::mouseClick(pricing->findChild<QToolButton*>(QStringLiteral("addLine")), Qt::LeftButton);
        typeCell(pricing, QStringLiteral("Hosting (year)"), Qt::Key_Tab);
        typeCell(pricing, QStringLiteral("12"), Qt::Key_Tab);
        typeCell(pricing, QStringLiteral("20"), Qt::Key_Tab);
        typeCell(pricing, QStringLiteral("0"), Qt::Key_Return);
        QCOMPARE(pricing->model()->rowCount(), 2);
        QCOMPARE(pricing->lines().at(0), (PricingLine { QStringLiteral("Design"), 1500, 100050, 1900 }));
        QCOMPARE(pricing->lines().at(1), (PricingLine { QStringLiteral("Hosting (year)"), 12000, 2000, 0 }));
        // 1.5 × 1,000.50 = 1,500.75 (+19 % = 285.14); 12 × 20.00 = 240.00.
        QCOMPARE(pricing->subtotalLabel()->text(), QStringLiteral("€1,740.75"));
        QCOMPARE(pricing->taxLabel()->text(), QStringLiteral("€285.14"));
        QCOMPARE(pricing->totalLabel()->text(), QStringLiteral("€2,025.89"));
        QVERIFY(editor->isDirty());

        // Nonsense in a cell is refused with a message, and nothing changes.
        pricing->table()->setCurrentIndex(pricing->model()->index(0, PricingLinesModel::Quantity));
        QVERIFY(!pricing->model()->setData(
            pricing->model()->index(0, PricingLinesModel::Quantity), QStringLiteral("lots")));
        QCOMPARE(pricing->lines().at(0).quantityMilli, 1500);

        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveProposalButton")), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return !editor->stored().id.isEmpty() && !editor->isBusy(); }));
        QVERIFY(!editor->isDirty());
        const QString id = editor->stored().id;
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM proposals WHERE deleted = 0")).toInt(), 1);
        QCOMPARE(editor->stored().sections.size(), 1);
        QCOMPARE(editor->stored().sections.first().html, QStringLiteral("<p>Five pages &amp; a &lt;blog&gt;</p>"));

        ProposalActionsBar* actions = editor->actions();
        QVERIFY(!actions->acceptButton()->isEnabled());
        QVERIFY(actions->acceptButton()->toolTip().contains(QStringLiteral("Send")));
        QTest::mouseClick(actions->sendButton(), Qt::LeftButton);
        QVERIFY(
            HubTest::waitUntil([&] { return editor->stored().status == Proposal::Status::Sent && !editor->isBusy(); }));
        QCOMPARE(actions->chip()->text(), QStringLiteral("Sent"));
        QVERIFY(!actions->sendButton()->isEnabled());
        QVERIFY(!editor->findChild<QLineEdit*>(QStringLiteral("proposalTitle"))->isEnabled());

        QTest::mouseClick(actions->acceptButton(), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil(
            [&] { return editor->stored().status == Proposal::Status::Accepted && !editor->isBusy(); }));
        QCOMPARE(actions->chip()->text(), QStringLiteral("Accepted"));
        QVERIFY(editor->stored().acceptedAt.isValid());
        QVERIFY(!actions->rejectButton()->isEnabled());
        QVERIFY(actions->rejectButton()->toolTip().contains(QStringLiteral("final")));

        // Both moves are on the lead's timeline.
        QCOMPARE(fixture
                     .scalar(QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = ? AND kind = 'proposal'"),
                         { acme.id })
                     .toInt(),
            2);
        // The list shows the accepted chip, the pipeline counts it.
        QVERIFY(HubTest::waitUntil([&] {
            const int row = view->model()->rowOf(id);
            return row >= 0
                && view->model()->index(row, ProposalListModel::Status).data(ProposalListModel::StatusRole)
                == QStringLiteral("accepted");
        }));
        QCOMPARE(view->header()->statusCard(Proposal::Status::Accepted)->count(), 1);
        QCOMPARE(view->header()->statusCard(Proposal::Status::Accepted)->amount(), QStringLiteral("€2,026"));
        QVERIFY(view->findChild<QTableView*>(QStringLiteral("proposalTable"))->isVisible());

        // Export to a PDF a client can open.
        QTemporaryDir out;
        const QString pdf = out.filePath(QStringLiteral("website-redesign"));
        FileDialogs::setNextFileName(pdf);
        MessageBoxes::setNextAnswer(QMessageBox::Close); // "Open it now?"
        QTest::mouseClick(actions->exportButton(), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return QFile::exists(pdf + QStringLiteral(".pdf")) && !editor->isBusy(); }));
        const QString info = pdfInfo(pdf + QStringLiteral(".pdf"));
        QVERIFY2(!info.isEmpty(), "pdfinfo (poppler-utils) is missing or rejected the file");
        const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(pages.hasMatch() && pages.captured(1).toInt() >= 1, qPrintable(info));
        QVERIFY(editor->messageLabel()->text().contains(QStringLiteral("Exported")));

        // Close (nothing unsaved), then delete from the list and bring it back with undo.
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("closeEditorButton")), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return !view->findChild<ProposalEditor*>(); }));
        QTableView* table = view->table();
        fixture.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(fixture.window.get()));
        table->setFocus();
        QVERIFY(HubTest::waitUntil([&] { return QApplication::focusWidget() == table; }));
        table->selectRow(0);
        QTest::keyClick(table, Qt::Key_Delete);
        QVERIFY(HubTest::waitUntil([&] { return view->model()->rowCount() == 0; }));
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT deleted FROM proposals WHERE id = ?"), { id }).toInt(), 1);
        fixture.window->undoStack()->undo();
        QVERIFY(HubTest::waitUntil([&] { return view->model()->rowOf(id) == 0; }));
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT deleted FROM proposals WHERE id = ?"), { id }).toInt(), 0);
    }

    void pipelineCardsFilterTheList()
    {
        QVERIFY(view->model()->rowCount() >= 1);
        PipelineCard* draftCard = view->header()->statusCard(Proposal::Status::Draft);
        QTest::mouseClick(draftCard, Qt::LeftButton);
        QVERIFY(draftCard->isChecked());
        QCOMPARE(view->table()->model()->rowCount(), 0); // the only proposal is accepted
        bool explained = false;
        for (QLabel* label : view->findChildren<QLabel*>(QStringLiteral("EmptyStateText")))
            explained
                = explained || (label->isVisible() && label->text().contains(QStringLiteral("Clear the filters")));
        QVERIFY(explained);
        QTest::mouseClick(draftCard, Qt::LeftButton); // again: filter off
        QVERIFY(!draftCard->isChecked());
        QCOMPARE(view->table()->model()->rowCount(), view->model()->rowCount());
        QTest::mouseClick(view->header()->intentCard(QString()), Qt::LeftButton);
        QCOMPARE(view->table()->model()->rowCount(), 1); // Acme is not analysed
        QTest::mouseClick(view->header()->intentCard(QStringLiteral("high")), Qt::LeftButton);
        QCOMPARE(view->table()->model()->rowCount(), 0);
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("clearFiltersButton")), Qt::LeftButton);
        QCOMPARE(view->table()->model()->rowCount(), view->model()->rowCount());
    }

    void doubleClickOnLeadOpensIt()
    {
        QSignalSpy requested(view, &DealDeskView::leadRequested);
        QTableView* table = view->table();
        const QModelIndex lead = table->model()->index(0, ProposalListModel::Lead);
        // A real double click: press and release, then the double-click event (QTest's widget variant sends only that).
        const QPoint where = table->visualRect(lead).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, where);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, where);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), acme.id);
    }

    void ctrlNInTheViewStartsAProposal()
    {
        auto* modules = fixture.window->findChild<QListWidget*>(QStringLiteral("moduleList"));
        modules->setCurrentItem(modules->findItems(QStringLiteral("Deal Desk"), Qt::MatchExactly).first());
        QSignalSpy opened(view, &DealDeskView::editorOpened);
        fixture.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(fixture.window.get()));
        view->table()->setFocus();
        QVERIFY(HubTest::waitUntil([&] { return QApplication::focusWidget() == view->table(); }));
        closeStrayModals(3000);
        QTest::keyClick(view->table(), Qt::Key_N, Qt::ControlModifier);
        ProposalEditor* editor = waitForEditor(opened);
        QVERIFY2(editor, "Ctrl+N did not open a proposal editor");
        QVERIFY(!QApplication::activeModalWidget()); // and not the New lead dialog
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("closeEditorButton")), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return !view->findChild<ProposalEditor*>(); }));
    }

    void generateDraftWithoutAiExplainsAndOffersSettings()
    {
        fixture.session->ai()->setSettings({});
        QSignalSpy settings(view, &DealDeskView::openAiSettingsRequested);
        MessageBoxes::setNextAnswer(QMessageBox::Open);
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("generateDraftButton")), Qt::LeftButton);
        QCOMPARE(settings.size(), 1);
        // MainWindow opens Settings on its AI page.
        auto* dialog = fixture.window->findChild<PreferencesDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->close();
    }

    void generateDraftOpensAnEditableDraft()
    {
        HubTest::FakeLlmServer server;
        QVERIFY(server.listen());
        LlmSettings llm;
        llm.baseUrl = server.baseUrl();
        llm.model = QStringLiteral("gpt-4o-mini");
        llm.maxRetries = 0;
        fixture.session->ai()->setSettings(llm);
        const QJsonObject draft { { QStringLiteral("title"), QStringLiteral("Widget shop relaunch") },
            { QStringLiteral("sections"),
                QJsonArray { QJsonObject { { QStringLiteral("title"), QStringLiteral("Summary") },
                    { QStringLiteral("body"), QStringLiteral("A **faster** shop.") } } } },
            { QStringLiteral("lines"),
                QJsonArray { QJsonObject { { QStringLiteral("item"), QStringLiteral("Relaunch") },
                    { QStringLiteral("quantity"), 1 }, { QStringLiteral("unit_price"), 4000 },
                    { QStringLiteral("tax_rate_percent"), 19 } } } },
            { QStringLiteral("valid_days"), 14 } };
        server.enqueue(HubTest::FakeLlmServer::jsonOutput(draft));

        QSignalSpy opened(view, &DealDeskView::editorOpened);
        view->table()->clearSelection();
        view->table()->setCurrentIndex({});
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("generateDraftButton")), Qt::LeftButton);
        LeadPickerDialog* ask = nullptr;
        QVERIFY(HubTest::waitUntil([&] { return (ask = view->findChild<LeadPickerDialog*>()) && ask->isVisible(); }));
        auto* ok = ask->findChild<QPushButton*>(QStringLiteral("leadPickerOk"));
        QVERIFY(!ok->isEnabled());
        pickLead(ask->picker(), QStringLiteral("Jane"));
        QCOMPARE(ask->leadId(), acme.id);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);

        ProposalEditor* editor = waitForEditor(opened);
        QVERIFY(editor);
        QCOMPARE(server.requestCount(), 1);
        QVERIFY(editor->stored().id.isEmpty());
        QVERIFY(editor->isDirty());
        QCOMPARE(editor->current().title, QStringLiteral("Widget shop relaunch"));
        QCOMPARE(editor->current().leadId, acme.id);
        QCOMPARE(editor->current().sections.first().html, QStringLiteral("<p>A <b>faster</b> shop.</p>"));
        QCOMPARE(editor->pricing()->totalLabel()->text(), QStringLiteral("€4,760.00"));
        auto* notice = editor->findChild<QLabel*>(QStringLiteral("editorNotice"));
        QVERIFY(notice->isVisible() && notice->text().contains(QStringLiteral("Drafted by AI")));
        const int before = fixture.scalar(QStringLiteral("SELECT count(*) FROM proposals")).toInt();

        // Closing asks about the unsaved draft; Discard leaves nothing behind.
        MessageBoxes::setNextAnswer(QMessageBox::Discard);
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("closeEditorButton")), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return !view->findChild<ProposalEditor*>(); }));
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM proposals")).toInt(), before);
        fixture.session->ai()->setSettings({});
    }

    void unsavedChangesCanBeKept()
    {
        QSignalSpy opened(view, &DealDeskView::editorOpened);
        view->newProposal();
        ProposalEditor* editor = waitForEditor(opened);
        QVERIFY(editor);
        QTest::keyClicks(editor->findChild<QLineEdit*>(QStringLiteral("proposalTitle")), QStringLiteral("Half done"));
        QVERIFY(editor->isDirty());
        MessageBoxes::setNextAnswer(QMessageBox::Cancel);
        editor->reject();
        QVERIFY(editor->isVisible()); // Cancel keeps editing
        // Save without a lead: refused, and the message sits next to the lead field.
        MessageBoxes::setNextAnswer(QMessageBox::Save);
        editor->reject();
        QVERIFY(HubTest::waitUntil([&] { return !editor->isBusy(); }));
        QVERIFY(editor->isVisible());
        QLabel* leadError = nullptr;
        for (QLabel* label : editor->findChildren<QLabel*>(QStringLiteral("FieldError"))) {
            if (label->property("field").toString() == QLatin1String("leadId"))
                leadError = label;
        }
        QVERIFY(leadError && leadError->isVisible());
        QVERIFY(leadError->text().contains(QStringLiteral("lead")));
        MessageBoxes::setNextAnswer(QMessageBox::Discard);
        editor->reject();
        QVERIFY(HubTest::waitUntil([&] { return !view->findChild<ProposalEditor*>(); }));
    }
};

QTEST_MAIN(tst_DealDeskGui)
#include "tst_dealdeskgui.moc"
