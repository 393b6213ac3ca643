// The Intelligence tab of the lead panel and the bulk profile dialog, offscreen in a real main window.
#include "tests/gui/GuiFixture.h"
#include "tests/intelligence/IntelligenceRig.h"

#include "models/LeadListModel.h"
#include "services/intelligence/IntelligenceStore.h"
#include "tests/support/NamedChild.h"
#include "ui/intelligence/AiProfileView.h"
#include "ui/intelligence/DealHeatGauge.h"
#include "ui/intelligence/IntelligencePanel.h"
#include "ui/intelligence/ProfileBatchDialog.h"
#include "ui/leads/LeadDetailPanel.h"
#include "ui/leads/LeadTableView.h"
#include "ui/shell/PreferencesDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>

using HubTest::FakeLlmServer;

using HubTest::child;

class tst_IntelligenceGui : public QObject
{
    Q_OBJECT

private:
    static void configure(GuiFixture& fixture, const FakeLlmServer& server)
    {
        LlmSettings settings;
        settings.baseUrl = server.baseUrl();
        settings.model = QStringLiteral("gpt-4o-mini");
        settings.timeoutMs = 5000;
        settings.maxRetries = 0;
        fixture.session->ai()->setSettings(settings);
    }

    // Opens the first lead and shows its Intelligence tab.
    static IntelligencePanel* openIntelligence(GuiFixture& fixture, QString* leadId)
    {
        *leadId = fixture.scalar(QStringLiteral("SELECT id FROM leads ORDER BY name LIMIT 1")).toString();
        LeadDetailPanel* panel = fixture.window->leadsView()->detailPanel();
        fixture.window->leadsView()->openLead(*leadId);
        if (!QTest::qWaitFor([&] { return panel->leadId() == *leadId && panel->isVisible(); }))
            return nullptr;
        IntelligencePanel* intelligence = panel->intelligencePanel();
        if (!intelligence)
            return nullptr;
        const int index = panel->tabs()->indexOf(intelligence);
        if (index < 0 || panel->tabs()->tabText(index) != QStringLiteral("Intelligence"))
            return nullptr;
        panel->tabs()->setCurrentIndex(index);
        return intelligence->leadId() == *leadId ? intelligence : nullptr;
    }

private slots:
    void initTestCase() { QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); }

    void analyseShowsHeatSummaryAndTheBoardBadge()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(3));
        FakeLlmServer server;
        QVERIFY(server.listen());
        configure(fixture, server);
        QString leadId;
        IntelligencePanel* panel = openIntelligence(fixture, &leadId);
        QVERIFY(panel);

        auto* notice = child<QWidget>(panel, "intelligenceAiNotice");
        auto* empty = child<QLabel>(panel, "intelligenceEmptyState");
        auto* analyse = child<QPushButton>(panel, "intelligenceAnalyseButton");
        auto* summary = child<QLabel>(panel, "intelligenceSummary");
        auto* error = child<QLabel>(panel, "intelligenceErrorLabel");
        QVERIFY(notice && empty && analyse && summary && error);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(!notice->isVisible());
        QVERIFY(!panel->gauge()->heat());

        server.enqueue(FakeLlmServer::held(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(72))));
        QTest::mouseClick(analyse, Qt::LeftButton);
        // Busy while the AI thinks.
        QVERIFY(!analyse->isEnabled());
        QCOMPARE(analyse->text(), QStringLiteral("Analysing…"));
        QTRY_COMPARE(server.heldCount(), 1);
        QTRY_COMPARE(child<QLabel>(panel, "intelligenceBusyLabel")->text(), QStringLiteral("Asking the AI…"));
        server.releaseHeld();

        QTRY_COMPARE(panel->gauge()->heat(), std::optional<int>(72));
        QTRY_COMPARE(summary->text(), QStringLiteral("A bakery that wants an online shop before summer."));
        QVERIFY(summary->isVisible());
        QVERIFY(!empty->isVisible());
        QVERIFY(analyse->isEnabled());
        QCOMPARE(analyse->text(), QStringLiteral("Analyse"));
        QCOMPARE(child<QLabel>(panel, "intelligenceIntent")->text(), QStringLiteral("Buying intent: High"));
        QCOMPARE(child<QLabel>(panel, "intelligenceBudget")->text(), QStringLiteral("€8,000-10,000"));
        QCOMPARE(child<QLabel>(panel, "intelligenceDecisionMaker")->text(), QStringLiteral("Owner"));
        QCOMPARE(child<QLabel>(panel, "intelligencePainPoints")->text(), QStringLiteral("• Slow website\n• No shop"));
        QCOMPARE(child<QLabel>(panel, "intelligenceNextAction")->text(), QStringLiteral("Send the proposal this week"));
        QCOMPARE(child<QLabel>(panel, "intelligenceAnalysedAt")->text(),
            QStringLiteral("Analysed just now with %1").arg(QString::fromLatin1(FakeLlmServer::kModel)));
        QVERIFY(child<QLabel>(panel, "intelligenceFieldsUsed")->text().startsWith(QStringLiteral("Based on: Name")));
        QCOMPARE(child<QLabel>(panel, "intelligenceSummary")->textFormat(), Qt::PlainText);

        // The board's lists got the new heat (the Kanban card badge reads it from there).
        LeadListModel* model = fixture.window->leadsView()->table()->leadModel();
        QTRY_VERIFY([&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                const Lead lead = model->index(row, 0).data(LeadListModel::LeadRole).value<Lead>();
                if (lead.id == leadId)
                    return lead.dealHeat == 72;
            }
            return false;
        }());

        // A failure is shown inline with its message and keeps what was there.
        server.enqueue(FakeLlmServer::serverError());
        QTest::mouseClick(analyse, Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("HTTP 500")), qPrintable(error->text()));
        QCOMPARE(panel->gauge()->heat(), std::optional<int>(72));
        QCOMPARE(summary->text(), QStringLiteral("A bakery that wants an online shop before summer."));
    }

    void withoutAiTheButtonsExplainWhatToConfigure()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(2));
        QVERIFY(!fixture.session->ai()->settings().isConfigured());
        QString leadId;
        IntelligencePanel* panel = openIntelligence(fixture, &leadId);
        QVERIFY(panel);
        auto* notice = child<QWidget>(panel, "intelligenceAiNotice");
        auto* noticeText = child<QLabel>(panel, "intelligenceAiNoticeText");
        auto* analyse = child<QPushButton>(panel, "intelligenceAnalyseButton");
        auto* error = child<QLabel>(panel, "intelligenceErrorLabel");
        QVERIFY(notice && noticeText && analyse && error);
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(noticeText->text().contains(QStringLiteral("Settings → AI")), qPrintable(noticeText->text()));
        QVERIFY(analyse->isEnabled()); // never a dead button: pressing it says what to do
        QVERIFY(analyse->toolTip().contains(QStringLiteral("Settings → AI")));

        QTest::mouseClick(analyse, Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("Settings → AI")), qPrintable(error->text()));
        QVERIFY(!panel->gauge()->heat());

        auto* generate = child<QPushButton>(panel, "profileGenerateButton");
        auto* profileError = child<QLabel>(panel, "profileErrorLabel");
        QVERIFY(generate && profileError);
        QTest::mouseClick(generate, Qt::LeftButton);
        QTRY_VERIFY(profileError->isVisible());
        QVERIFY(profileError->text().contains(QStringLiteral("Settings → AI")));

        // "Open Settings → AI" opens the AI page of the settings.
        QSignalSpy requested(panel, &IntelligencePanel::openAiSettingsRequested);
        QTest::mouseClick(child<QPushButton>(panel, "intelligenceOpenSettingsButton"), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        PreferencesDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = fixture.window->findChild<PreferencesDialog*>()) != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->currentPage(), PreferencesDialog::aiPage());
        dialog->close();

        // Once AI is set up the notice goes away when the tab is shown again.
        FakeLlmServer server;
        QVERIFY(server.listen());
        configure(fixture, server);
        panel->setLead(leadId);
        QVERIFY(!notice->isVisible());
    }

    void generateProfileAndCopyADraft()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(2));
        FakeLlmServer server;
        QVERIFY(server.listen());
        configure(fixture, server);
        QString leadId;
        IntelligencePanel* panel = openIntelligence(fixture, &leadId);
        QVERIFY(panel);
        auto* empty = child<QLabel>(panel, "profileEmptyState");
        auto* generate = child<QPushButton>(panel, "profileGenerateButton");
        QVERIFY(empty && generate);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("Generate profile")));

        server.enqueue(FakeLlmServer::jsonOutput(
            IntelligenceRig::profileAnswer({ QStringLiteral("name"), QStringLiteral("made_up_field") }, 85)));
        QTest::mouseClick(generate, Qt::LeftButton);
        auto* oneLiner = child<QLabel>(panel, "profileOneLiner");
        QVERIFY(oneLiner);
        QTRY_COMPARE(oneLiner->text(), QStringLiteral("Owner of a family bakery with two shops"));
        QTRY_VERIFY(oneLiner->isVisible());
        QVERIFY(!empty->isVisible());
        QCOMPARE(generate->text(), QStringLiteral("Regenerate profile"));
        QCOMPARE(child<QProgressBar>(panel, "profileConfidence")->value(), 85);
        QCOMPARE(child<QLabel>(panel, "profileObjections")->text(),
            QStringLiteral("“Too expensive”\n    → Start with a small shop"));
        QCOMPARE(child<QLabel>(panel, "profileSourceFields")->text(), QStringLiteral("Based on: Name"));
        // The made-up field name is reported, not stored.
        auto* note = child<QLabel>(panel, "profileErrorLabel");
        QTRY_VERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("made_up_field")));

        auto* copy = child<QPushButton>(panel, "profileCopyColdEmailButton");
        QVERIFY(copy && copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Hello, …"));
        QCOMPARE(copy->text(), QStringLiteral("Copied"));
        QCOMPARE(child<QPlainTextEdit>(panel, "profileDraftLinkedin")->toPlainText(), QStringLiteral("Hi! …"));
    }

    void bulkProfilesFromTheTableSelection()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(4));
        FakeLlmServer server;
        QVERIFY(server.listen());
        configure(fixture, server);
        for (int i = 0; i < 4; ++i) {
            server.enqueue(i == 1
                    ? FakeLlmServer::serverError()
                    : FakeLlmServer::jsonOutput(IntelligenceRig::profileAnswer({ QStringLiteral("name") })));
        }
        LeadsView* view = fixture.window->leadsView();
        view->setMode(LeadsView::Mode::Table);
        LeadTableView* table = view->table();
        QTRY_COMPARE(table->model()->rowCount(), 4);
        table->selectAll();
        auto* bulk = view->findChild<QToolButton*>(QStringLiteral("bulkProfilesButton"));
        QVERIFY(bulk);
        QTRY_VERIFY(bulk->isVisible());
        QTest::mouseClick(bulk, Qt::LeftButton);

        ProfileBatchDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = fixture.window->findChild<ProfileBatchDialog*>()) != nullptr);
        QVERIFY(dialog->isModal());
        auto* summary = child<QPlainTextEdit>(dialog, "profileBatchSummary");
        QVERIFY(summary);
        QTRY_VERIFY(summary->isVisible());
        const QString text = summary->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Profiles written: 3 of 4.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Failed (1):")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("HTTP 500")), qPrintable(text));
        QCOMPARE(child<QProgressBar>(dialog, "profileBatchProgress")->value(), 4);
        QCOMPARE(child<QLabel>(dialog, "profileBatchCount")->text(), QStringLiteral("4 of 4 done"));
        auto* close = child<QPushButton>(dialog, "profileBatchCloseButton");
        QVERIFY(close->isVisible());
        QVERIFY(!child<QPushButton>(dialog, "profileBatchCancelButton")->isVisible());
        QPointer<ProfileBatchDialog> guard(dialog);
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY(guard.isNull());
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE ai_profile IS NOT NULL")).toInt(), 3);
    }

    void cancellingTheDialogStopsTheBatch()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(5));
        FakeLlmServer server;
        QVERIFY(server.listen());
        configure(fixture, server);
        for (int i = 0; i < 5; ++i)
            server.enqueue(FakeLlmServer::held(FakeLlmServer::jsonOutput(IntelligenceRig::profileAnswer({}))));
        const QStringList ids
            = fixture.scalar(QStringLiteral("SELECT group_concat(id) FROM leads")).toString().split(QLatin1Char(','));
        QCOMPARE(ids.size(), 5);
        fixture.window->leadsView()->generateProfiles(ids);
        ProfileBatchDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = fixture.window->findChild<ProfileBatchDialog*>()) != nullptr);
        QTRY_COMPARE(server.heldCount(), 2); // two at a time
        QVERIFY(!child<QLabel>(dialog, "profileBatchCurrent")->text().isEmpty());
        auto* cancel = child<QPushButton>(dialog, "profileBatchCancelButton");
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(dialog->isVisible()); // stays until the calls in flight are answered
        server.releaseHeld();
        auto* summary = child<QPlainTextEdit>(dialog, "profileBatchSummary");
        QTRY_VERIFY(summary->isVisible());
        QVERIFY2(summary->toPlainText().contains(QStringLiteral("Profiles written: 2 of 5.")),
            qPrintable(summary->toPlainText()));
        QVERIFY(summary->toPlainText().contains(QStringLiteral("3 lead(s) were not started")));
        QCOMPARE(server.requestCount(), 2);
    }
};

QTEST_MAIN(tst_IntelligenceGui)
#include "tst_intelligencegui.moc"
