#include "services/events/EventBus.h"
#include "services/intelligence/AutoAnalysisScheduler.h"
#include "tests/intelligence/IntelligenceRig.h"

#include <QNetworkProxy>
#include <QSignalSpy>

using HubTest::FakeLlmServer;

// Automatic re-analysis after notes and calls: debounced per lead, one run at a time, silent without AI or budget.
class tst_AutoAnalysis : public QObject
{
    Q_OBJECT

private:
    // The event a new timeline entry publishes (activity.added with the entry's kind).
    static void publishActivity(IntelligenceRig& rig, const QString& leadId, const QString& kind)
    {
        HubEvent event;
        event.type = HubEvent::Type::ActivityAdded;
        event.leadId = leadId;
        event.payload = { { QStringLiteral("kind"), kind } };
        rig.ws.bus().publish(event);
    }

    static void addNote(IntelligenceRig& rig, const QString& leadId, const QString& body)
    {
        QVERIFY(rig.ws.addNoteBlocking(leadId, body));
        publishActivity(rig, leadId, QStringLiteral("note"));
    }

    static bool settled(IntelligenceRig& rig, const QString& leadId)
    {
        return !rig.store->isAnalysing(leadId) && !rig.store->autoAnalysis()->isPending(leadId);
    }

private slots:
    void initTestCase() { QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); }

    void threeNotesInQuickSuccessionGiveOneAnalysis()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        AutoAnalysisScheduler* scheduler = rig.store->autoAnalysis();
        QCOMPARE(scheduler->delay(), AutoAnalysisScheduler::kDefaultDelayMs);
        scheduler->setDelay(150);
        const Lead lead = rig.addLead(QStringLiteral("Chatty Customer"));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(61)));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(62)));
        QSignalSpy triggered(scheduler, &AutoAnalysisScheduler::triggered);

        addNote(rig, lead.id, QStringLiteral("Called back about the quote."));
        addNote(rig, lead.id, QStringLiteral("Budget is approved."));
        addNote(rig, lead.id, QStringLiteral("Wants to start in May."));
        QVERIFY(scheduler->isPending(lead.id));
        QVERIFY(!rig.store->isAnalysing(lead.id)); // nothing starts until the notes stop coming
        QCOMPARE(triggered.count(), 0);

        QVERIFY(HubTest::waitUntil([&] { return rig.server.requestCount() >= 1 && settled(rig, lead.id); }));
        QCOMPARE(rig.server.requestCount(), 1);
        QCOMPARE(triggered.count(), 1);
        QCOMPARE(rig.fetch(lead.id)->dealHeat, std::optional<int>(61));
        // The analysis carried all three notes.
        const QString body = QString::fromUtf8(rig.server.requests().first().body);
        QVERIFY(body.contains(QStringLiteral("Budget is approved.")));
        QVERIFY(body.contains(QStringLiteral("Wants to start in May.")));
        // Its own timeline entry ("AI analysis: …") does not trigger another one.
        QVERIFY(!scheduler->isPending(lead.id));
    }

    void leadsAreDebouncedSeparately()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        rig.store->autoAnalysis()->setDelay(50);
        const Lead first = rig.addLead(QStringLiteral("First"));
        const Lead second = rig.addLead(QStringLiteral("Second"));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(20)));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(20)));
        publishActivity(rig, first.id, QStringLiteral("note"));
        publishActivity(rig, second.id, QStringLiteral("call")); // a completed call counts like a note
        publishActivity(rig, first.id, QStringLiteral("note"));
        QVERIFY(HubTest::waitUntil(
            [&] { return rig.server.requestCount() >= 2 && settled(rig, first.id) && settled(rig, second.id); }));
        QCOMPARE(rig.server.requestCount(), 2);
        QVERIFY(rig.fetch(first.id));
        QVERIFY(rig.fetch(second.id));
    }

    void aTriggerDuringAnAnalysisRunsOnceMoreAfterIt()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        AutoAnalysisScheduler* scheduler = rig.store->autoAnalysis();
        scheduler->setDelay(20);
        const Lead lead = rig.addLead(QStringLiteral("Busy Lead"));
        rig.server.enqueue(FakeLlmServer::held(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(30))));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(75)));

        publishActivity(rig, lead.id, QStringLiteral("note"));
        QVERIFY(HubTest::waitUntil([&] { return rig.server.heldCount() == 1; }));
        QVERIFY(rig.store->isAnalysing(lead.id));
        publishActivity(rig, lead.id, QStringLiteral("note"));
        publishActivity(rig, lead.id, QStringLiteral("note"));
        // One in flight per lead: the new notes wait for the running analysis instead of starting a second one.
        QVERIFY(HubTest::waitUntil([&] { return scheduler->isWaitingForRunningAnalysis(lead.id); }));
        QCOMPARE(rig.server.requestCount(), 1);
        QCOMPARE(rig.server.releaseHeld(), 1);

        QVERIFY(HubTest::waitUntil([&] { return rig.server.requestCount() == 2 && settled(rig, lead.id); }));
        QCOMPARE(rig.server.requestCount(), 2);
        QCOMPARE(rig.fetch(lead.id)->dealHeat, std::optional<int>(75));
    }

    void onlyNotesAndCallsTrigger()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        AutoAnalysisScheduler* scheduler = rig.store->autoAnalysis();
        const Lead lead = rig.addLead(QStringLiteral("Quiet"));
        publishActivity(rig, lead.id, QStringLiteral("status_change"));
        publishActivity(rig, lead.id, QStringLiteral("ai_action"));
        publishActivity(rig, lead.id, QString());
        HubEvent updated;
        updated.type = HubEvent::Type::LeadUpdated;
        updated.leadId = lead.id;
        updated.payload = { { QStringLiteral("kind"), QStringLiteral("note") } };
        rig.ws.bus().publish(updated);
        publishActivity(rig, QString(), QStringLiteral("note"));
        QVERIFY(!scheduler->isPending(lead.id));
        QVERIFY(!scheduler->isPending(QString()));

        scheduler->setEnabled(false);
        publishActivity(rig, lead.id, QStringLiteral("note"));
        QVERIFY(!scheduler->isPending(lead.id));
        scheduler->setEnabled(true);
        publishActivity(rig, lead.id, QStringLiteral("note"));
        QVERIFY(scheduler->isPending(lead.id));
        scheduler->setEnabled(false); // drops what was pending
        QVERIFY(!scheduler->isPending(lead.id));
        QCOMPARE(rig.server.requestCount(), 0);
    }

    void withoutAiNothingIsScheduledOrSaid()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        rig.unconfigure();
        const Lead lead = rig.addLead(QStringLiteral("No AI Here"));
        QSignalSpy started(rig.store.get(), &IntelligenceStore::analysisStarted);
        publishActivity(rig, lead.id, QStringLiteral("note"));
        QVERIFY(!rig.store->autoAnalysis()->isPending(lead.id));
        QCOMPARE(started.count(), 0);
        QCOMPARE(rig.server.requestCount(), 0);
    }

    void overBudgetAutoAnalysisStaysQuiet()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        rig.store->autoAnalysis()->setDelay(10);
        rig.spendBudget();
        const Lead lead = rig.addLead(QStringLiteral("Over Budget"));
        QSignalSpy finished(rig.store.get(), &IntelligenceStore::analysisFinished);
        publishActivity(rig, lead.id, QStringLiteral("note"));
        QVERIFY(finished.count() == 1 || finished.wait(HubTest::kAsyncTimeoutMs));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(settled(rig, lead.id));
        QCOMPARE(rig.server.requestCount(), 0);
        QVERIFY(!rig.fetch(lead.id));
    }
};

QTEST_GUILESS_MAIN(tst_AutoAnalysis)
#include "tst_autoanalysis.moc"
