// A lead's detail panel offscreen in a real main window: "AI call" with a stored script (FakeVapiServer), "Call from
// my phone" (FakeTwilioServer rings the user first) and "Text…" (Twilio Messages API). Opt-outs refuse with the reason,
// a failed send keeps the text, and what happened lands on the lead's timeline.
#include "services/calling/CallScriptStore.h"
#include "services/calling/CallService.h"
#include "services/calling/CallingConfiguration.h"
#include "services/calling/CallingRuntime.h"
#include "services/calling/TextMessageService.h"
#include "services/leads/LeadStore.h"
#include "tests/calling/CallingTestData.h"
#include "tests/gui/GuiFixture.h"
#include "tests/support/FakeTwilioServer.h"
#include "tests/support/FakeVapiServer.h"
#include "tests/support/NamedChild.h"
#include "tests/support/WaitFor.h"
#include "ui/calling/LeadContactActions.h"
#include "ui/calling/TextMessageDialog.h"
#include "ui/leads/LeadDetailPanel.h"
#include "ui/leads/TimelineWidget.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>

using HubTest::FakeTwilioServer;
using HubTest::FakeVapiServer;

using HubTest::child;

class TestLeadContactGui : public QObject
{
    Q_OBJECT

private:
    static QString addLead(GuiFixture& fixture, const QString& name, const QString& phone, bool doNotCall, bool noTexts)
    {
        Lead lead;
        lead.name = name;
        lead.status = QStringLiteral("new");
        lead.currency = QStringLiteral("EUR");
        lead.contactPerson = name + QStringLiteral(" Person");
        lead.phone = lead.phoneRaw = phone;
        lead.doNotCall = doNotCall;
        lead.smsOptOut = noTexts;
        const auto outcome = HubTest::waitForCallback<WriteOutcome>(
            [&](QObject* c, LeadStore::Done d) { fixture.session->leads()->saveLead(lead, c, d); },
            QStringLiteral("saveLead"));
        return outcome && outcome->ok && outcome->changed.size() == 1 ? outcome->changed.constFirst().id : QString();
    }

    static int timelineEntries(GuiFixture& fixture, const QString& leadId, const QString& kind)
    {
        return fixture
            .scalar(QStringLiteral("SELECT COUNT(*) FROM activities WHERE lead_id = ? AND kind = ?"), { leadId, kind })
            .toInt();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_leadcontactgui"));
        QSettings().clear();
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    }

    void callAndTextFromTheDetailPanel()
    {
        FakeVapiServer vapi;
        FakeTwilioServer twilio;
        QVERIFY(vapi.listen());
        QVERIFY(twilio.listen());
        GuiFixture fixture;
        QVERIFY(fixture.open(0));
        const QString bakery = addLead(fixture, QStringLiteral("Bakery Hall"), CallingTestData::ukNumber(1), false, false);
        const QString quiet = addLead(fixture, QStringLiteral("Quiet Dental"), CallingTestData::ukNumber(2), true, true);
        QVERIFY(!bakery.isEmpty() && !quiet.isEmpty());

        // Calling set up against the fake providers, keys for this session only; the clock on a London afternoon.
        CallingConfiguration* calling = fixture.session->calling();
        CallingSaveRequest request;
        request.settings = calling->settings();
        request.settings.vapiBaseUrl = vapi.baseUrl();
        request.settings.vapiPhoneNumberId = QString::fromLatin1(FakeVapiServer::kPhoneNumberId);
        request.settings.twilioBaseUrl = twilio.baseUrl();
        request.settings.twilioAccountSid = QString::fromLatin1(FakeTwilioServer::kAccountSid);
        request.settings.twilioFromNumber = QStringLiteral("+14155550100");
        request.settings.ownPhone = QStringLiteral("+14155550132");
        request.settings.pollIntervalMs = 20;
        request.settings.analysisGraceMs = 500;
        request.newKeys.insert(CallingConfiguration::vapiProvider(), QString::fromLatin1(FakeVapiServer::kApiKey));
        request.newKeys.insert(CallingConfiguration::twilioProvider(), QString::fromLatin1(FakeTwilioServer::kAuthToken));
        request.sessionOnly = true;
        const auto saved = HubTest::waitForCallback<CallingSaveOutcome>(
            [&](QObject* c, std::function<void(const CallingSaveOutcome&)> d) { calling->save(request, c, d); },
            QStringLiteral("calling save"));
        QVERIFY2(saved && saved->ok, saved ? qPrintable(saved->message) : "timed out");
        CallingRuntime* runtime = fixture.session->callingRuntime();
        const auto clock = [] { return CallingTestData::londonAfternoon(); };
        runtime->calls()->setClock(clock);
        runtime->texts()->setClock(clock);
        CallScriptEntry entry;
        entry.script = CallingTestData::script();
        const auto stored = HubTest::waitForCallback<CallScriptWriteOutcome>(
            [&](QObject* c, CallScriptStore::Done d) { fixture.session->callScripts()->save(entry, c, d); },
            QStringLiteral("script save"));
        QVERIFY(stored && stored->ok);

        LeadDetailPanel* panel = fixture.window->leadsView()->findChild<LeadDetailPanel*>();
        QVERIFY(panel);
        panel->openLead(bakery);
        QTRY_VERIFY(panel->isVisible() && panel->leadId() == bakery);
        LeadContactActions* actions = panel->contactActions();
        QVERIFY(actions && actions->isVisible());

        // AI call: the script menu lists the stored script; picking it places a Vapi call that ends on the timeline.
        auto* aiCall = child<QToolButton>(actions, "leadAiCallButton");
        QMenu* menu = aiCall->menu();
        emit menu->aboutToShow();
        QTRY_VERIFY(!menu->actions().isEmpty() && menu->actions().constFirst()->isEnabled());
        QCOMPARE(menu->actions().size(), 1);
        QCOMPARE(menu->actions().constFirst()->text(), entry.script.name);
        menu->actions().constFirst()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(actions->statusText().contains(QStringLiteral("Live monitor")), 10000);
        QCOMPARE(vapi.createdCallBodies().size(), 1);
        QCOMPARE(vapi.createdCallBodies().constFirst().value(QLatin1String("customer")).toObject().value(
                     QLatin1String("number")).toString(),
            CallingTestData::ukNumber(1));
        QTRY_COMPARE_WITH_TIMEOUT(timelineEntries(fixture, bakery, QStringLiteral("call")), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->timeline()->list()->count() >= 1, 10000);

        // Call from my phone: Twilio rings the user's own phone first, then the lead.
        QTest::mouseClick(child<QPushButton>(actions, "leadBridgeCallButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(actions->statusText().contains(QStringLiteral("+14155550132")), 10000);
        const QList<HubTest::HttpRequestRecord> bridged = twilio.requestsTo("POST", QStringLiteral("/Calls.json"));
        QCOMPARE(bridged.size(), 1);
        QCOMPARE(bridged.constFirst().form.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded), QStringLiteral("+14155550132"));
        QTRY_COMPARE_WITH_TIMEOUT(timelineEntries(fixture, bakery, QStringLiteral("call")), 2, 15000);

        // Text: written, counted, sent through the Messages API and put on the timeline.
        QTest::mouseClick(child<QPushButton>(actions, "leadTextButton"), Qt::LeftButton);
        QPointer<TextMessageDialog> dialog = actions->findChild<TextMessageDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto* send = child<QPushButton>(dialog, "textMessageSend");
        QVERIFY(!send->isEnabled()); // nothing written yet
        QTest::keyClicks(dialog->editor(), QStringLiteral("Thanks for the call! Demo Tuesday 10:00."));
        QVERIFY(child<QLabel>(dialog, "textMessageCount")->text().contains(QStringLiteral("1 message")));
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000); // sent: the dialog closes (and is deleted)
        const QList<HubTest::HttpRequestRecord> texts = twilio.requestsTo("POST", QStringLiteral("/Messages.json"));
        QCOMPARE(texts.size(), 1);
        QCOMPARE(texts.constFirst().form.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded), CallingTestData::ukNumber(1));
        QCOMPARE(texts.constFirst().form.queryItemValue(QStringLiteral("Body"), QUrl::FullyDecoded),
            QStringLiteral("Thanks for the call! Demo Tuesday 10:00."));
        QTRY_COMPARE_WITH_TIMEOUT(timelineEntries(fixture, bakery, QStringLiteral("sms")), 1, 10000);
        QVERIFY(actions->statusText().contains(QStringLiteral("Text message sent")));

        // A lead who opted out of calls and texts: each refusal says why, nothing reaches a provider, the text stays.
        panel->openLead(quiet);
        QTRY_COMPARE(panel->leadId(), quiet);
        QVERIFY(actions->statusText().isEmpty());
        QTest::mouseClick(child<QPushButton>(actions, "leadBridgeCallButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(actions->statusText().contains(QStringLiteral("do not call")), 10000);
        QTest::mouseClick(child<QPushButton>(actions, "leadTextButton"), Qt::LeftButton);
        dialog = actions->findChild<TextMessageDialog*>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->editor(), QStringLiteral("Hello?"));
        QTest::mouseClick(child<QPushButton>(dialog, "textMessageSend"), Qt::LeftButton);
        auto* error = child<QLabel>(dialog, "textMessageError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY2(error->text().contains(QStringLiteral("opted out of text messages")), qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->editor()->toPlainText(), QStringLiteral("Hello?"));
        dialog->reject();
        QCOMPARE(twilio.requestsTo("POST", QStringLiteral("/Messages.json")).size(), 1);
        QCOMPARE(twilio.requestsTo("POST", QStringLiteral("/Calls.json")).size(), 1);
        QCOMPARE(timelineEntries(fixture, quiet, QStringLiteral("sms")), 0);
    }

    // Without provider keys the buttons say what to set up instead of failing silently.
    void withoutKeysTheRowSaysWhatToConfigure()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(0));
        const QString lead = addLead(fixture, QStringLiteral("Corner Cafe"), CallingTestData::ukNumber(3), false, false);
        LeadDetailPanel* panel = fixture.window->leadsView()->findChild<LeadDetailPanel*>();
        panel->openLead(lead);
        QTRY_COMPARE(panel->leadId(), lead);
        LeadContactActions* actions = panel->contactActions();
        QTest::mouseClick(child<QPushButton>(actions, "leadBridgeCallButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(actions->statusText().contains(QStringLiteral("Settings → Calling")), 10000);
        QMenu* menu = child<QToolButton>(actions, "leadAiCallButton")->menu();
        emit menu->aboutToShow();
        QTRY_VERIFY(menu->actions().size() == 1
            && !menu->actions().constFirst()->text().contains(QStringLiteral("Loading")));
        QVERIFY(!menu->actions().constFirst()->isEnabled());
        QVERIFY2(menu->actions().constFirst()->text().contains(QStringLiteral("Calling → Scripts")),
            qPrintable(menu->actions().constFirst()->text()));
        QTest::mouseClick(child<QPushButton>(actions, "leadTextButton"), Qt::LeftButton);
        auto* dialog = actions->findChild<TextMessageDialog*>();
        QTest::keyClicks(dialog->editor(), QStringLiteral("Hi"));
        QTest::mouseClick(child<QPushButton>(dialog, "textMessageSend"), Qt::LeftButton);
        auto* error = child<QLabel>(dialog, "textMessageError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY(error->text().contains(QStringLiteral("Settings → Calling")));
        dialog->reject();
    }
};

QTEST_MAIN(TestLeadContactGui)
#include "tst_leadcontactgui.moc"
