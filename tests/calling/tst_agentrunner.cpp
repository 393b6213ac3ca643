#include "services/calling/AgentRunRepository.h"
#include "services/calling/AgentRunner.h"
#include "tests/calling/CallingRig.h"
#include "tests/support/WaitFor.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using HubTest::FakeVapiServer;

namespace {
// Leads 0…19: every 5th never answers (2 attempts with 1 retry), every 7th answers on the second attempt, lead 3 is
// do-not-call and lead 11 has a number that is not valid.
constexpr int kLeads = 20;

bool neverAnswers(int i)
{
    return i % 5 == 4;
}

bool answersSecondTime(int i)
{
    return i % 7 == 6;
}
} // namespace

class AgentRunnerTest : public QObject
{
    Q_OBJECT

private:
    QStringList m_leadIds;

    void seed(CallingRig& rig)
    {
        m_leadIds.clear();
        for (int i = 0; i < kLeads; ++i) {
            const QString phone = i == 11 ? QStringLiteral("+4420123") : CallingTestData::ukNumber(i);
            const Lead lead = rig.addLead(QStringLiteral("Lead %1").arg(i), phone, i == 3);
            QVERIFY(lead.isValid());
            m_leadIds.append(lead.id);
            if (neverAnswers(i))
                rig.vapi.setScenarioForNumber(phone, FakeVapiServer::noAnswer());
            else if (answersSecondTime(i))
                rig.vapi.setScenariosForNumber(phone, { FakeVapiServer::noAnswer(), FakeVapiServer::Scenario() });
        }
    }

    QString createRun(CallingRig& rig, int delayMs = 0)
    {
        AgentRunSpec spec;
        spec.name = QStringLiteral("Bakeries, March");
        spec.leadIds = m_leadIds;
        spec.script = CallingTestData::script();
        spec.delayMs = delayMs;
        spec.maxRetries = 1;
        const std::optional<std::pair<QString, QString>> created = HubTest::waitForCallback<std::pair<QString, QString>>(
            [&](QObject* context, auto done) {
                rig.agents->create(spec, context, [done](const QString& id, const QString& error) { done({ id, error }); });
            },
            QStringLiteral("create"));
        return created && created->second.isEmpty() ? created->first : QString();
    }

    static AgentStats stats(CallingRig& rig, const QString& runId)
    {
        AgentStats stats;
        rig.ws.runBlocking([&](QSqlDatabase& db) { stats = AgentRunRepository(db).stats(runId); });
        return stats;
    }

    // How often each number was dialled.
    static QHash<QString, int> dialCounts(const CallingRig& rig)
    {
        QHash<QString, int> counts;
        for (const QString& number : rig.vapi.dialledNumbers())
            ++counts[number];
        return counts;
    }

    void verifyFinalState(CallingRig& rig, const QString& runId)
    {
        const AgentStats final = stats(rig, runId);
        int expectedNoAnswer = 0;
        for (int i = 0; i < kLeads; ++i)
            expectedNoAnswer += (neverAnswers(i) && i != 3 && i != 11) ? 1 : 0;
        QCOMPARE(final.total, kLeads);
        QCOMPARE(final.remaining, 0);
        QCOMPARE(final.skipped, 2); // do-not-call and the invalid number
        QCOMPARE(final.noAnswer, expectedNoAnswer);
        QCOMPARE(final.completed, kLeads - 2 - expectedNoAnswer);
        QCOMPARE(final.booked, final.completed);
        QCOMPARE(final.failed, 0);

        const QHash<QString, int> counts = dialCounts(rig);
        for (int i = 0; i < kLeads; ++i) {
            const int expected = (i == 3 || i == 11) ? 0 : ((neverAnswers(i) || answersSecondTime(i)) ? 2 : 1);
            QVERIFY2(counts.value(CallingTestData::ukNumber(i)) == expected,
                qPrintable(QStringLiteral("lead %1 dialled %2 times, expected %3")
                               .arg(i).arg(counts.value(CallingTestData::ukNumber(i))).arg(expected)));
        }
        QCOMPARE(rig.ws.countRows(QStringLiteral("SELECT count(*) FROM calls WHERE status IN "
                                                 "('queued', 'ringing', 'in-progress')")), 0);
        // The two skipped leads are in the error log with their reasons.
        QList<AgentLogEntry> log;
        rig.ws.runBlocking([&](QSqlDatabase& db) { log = AgentRunRepository(db).logEntries(runId); });
        QStringList skippedLeads;
        for (const AgentLogEntry& entry : std::as_const(log)) {
            if (entry.message.startsWith(QStringLiteral("Skipped")))
                skippedLeads << entry.leadId;
        }
        skippedLeads.sort();
        QStringList expectedSkipped { m_leadIds.at(3), m_leadIds.at(11) };
        expectedSkipped.sort();
        QCOMPARE(skippedLeads, expectedSkipped);
    }

private slots:
    void twentyLeadsWithNoAnswersRetriesAndSkips()
    {
        CallingRig rig;
        QVERIFY(rig.start());
        seed(rig);
        const QString runId = createRun(rig);
        QVERIFY(!runId.isEmpty());
        AgentRunner* runner = rig.agents->runner(runId);
        QCOMPARE(rig.agents->runner(runId), runner); // one runner per agent
        QSignalSpy finished(runner, &AgentRunner::finished);
        QSignalSpy statsChanged(runner, &AgentRunner::statsChanged);
        runner->start();
        runner->start(); // starting twice changes nothing
        QVERIFY(finished.wait(60000));
        QCOMPARE(runner->status(), AgentRun::Status::Completed);
        QVERIFY(statsChanged.count() > 0);
        verifyFinalState(rig, runId);
        QCOMPARE(rig.eventsOf(HubEvent::Type::CallCompleted), int(rig.vapi.dialledNumbers().size()));
    }

    void pausedAndResumed()
    {
        CallingRig rig;
        QVERIFY(rig.start());
        seed(rig);
        const QString runId = createRun(rig, 30);
        AgentRunner* runner = rig.agents->runner(runId);
        QSignalSpy finished(runner, &AgentRunner::finished);
        runner->start();
        QVERIFY(HubTest::waitUntil([&] { return rig.vapi.dialledNumbers().size() >= 4; }));
        runner->pause();
        QCOMPARE(runner->status(), AgentRun::Status::Paused);
        // Calls in progress finish; no new call starts while paused.
        QVERIFY(HubTest::waitUntil([&] { return rig.calls->activeCount() == 0; }));
        const int dialledAtPause = int(rig.vapi.dialledNumbers().size());
        QTest::qWait(300);
        QCOMPARE(int(rig.vapi.dialledNumbers().size()), dialledAtPause);
        QVERIFY(stats(rig, runId).remaining > 0);
        rig.ws.runBlocking([&](QSqlDatabase& db) {
            QCOMPARE(AgentRunRepository(db).findRun(runId)->status, AgentRun::Status::Paused);
        });
        runner->resume();
        QVERIFY(finished.wait(60000));
        verifyFinalState(rig, runId);
    }

    void restartedMidQueueCallsNoLeadTwice()
    {
        CallingRig rig;
        QVERIFY(rig.start());
        seed(rig);
        HubTest::FakeVapiServer::Scenario slow;
        slow.statuses = { QStringLiteral("queued"), QStringLiteral("ringing") };
        for (int i = 0; i < 30; ++i)
            slow.statuses << QStringLiteral("in-progress");
        slow.statuses << QStringLiteral("ended");
        rig.vapi.setDefaultScenario(slow);
        const QString runId = createRun(rig, 150);
        rig.agents->runner(runId)->start();
        // Stop the "app" while calls are live and the queue is half done.
        QVERIFY(HubTest::waitUntil([&] {
            return rig.vapi.dialledNumbers().size() >= 6 && rig.calls->activeCount() > 0
                && int(rig.calls->liveCalls().size()) == rig.calls->activeCount();
        }));
        const int liveAtStop = rig.calls->activeCount();
        QVERIFY(liveAtStop > 0);
        rig.rebuild();
        rig.ws.runBlocking([&](QSqlDatabase& db) {
            QCOMPARE(AgentRunRepository(db).findRun(runId)->status, AgentRun::Status::Running);
        });
        // A new app on the same workspace: the open calls are followed again and the agent carries on.
        const std::optional<int> restarted = HubTest::waitForCallback<int>(
            [&](QObject* context, auto done) { rig.agents->resumeRunning(context, done); }, QStringLiteral("resume"));
        QCOMPARE(restarted.value_or(0), 1);
        QSignalSpy finished(rig.agents->runner(runId), &AgentRunner::finished);
        QVERIFY(finished.wait(60000));
        verifyFinalState(rig, runId);
    }

    void concurrencyLimitIsHonoured()
    {
        CallingRig rig;
        QVERIFY(rig.start());
        seed(rig);
        CallingSettings settings = rig.calls->settings();
        settings.maxConcurrentCalls = 2;
        rig.calls->setSettings(settings);
        const QString runId = createRun(rig);
        AgentRunner* runner = rig.agents->runner(runId);
        int peak = 0;
        QObject::connect(rig.calls.get(), &CallService::liveCallsChanged, runner,
            [&] { peak = std::max(peak, int(rig.calls->liveCalls().size())); });
        QSignalSpy finished(runner, &AgentRunner::finished);
        runner->start();
        QVERIFY(finished.wait(60000));
        QVERIFY(peak >= 1);
        QVERIFY2(peak <= 2, qPrintable(QString::number(peak)));
    }

    void invalidAgentsAreRefused()
    {
        AgentRunSpec spec;
        spec.name = QStringLiteral("x");
        spec.script = CallingTestData::script();
        QVERIFY(!AgentRunStore::validate(spec).isEmpty()); // no leads
        spec.leadIds = { QStringLiteral("a") };
        QVERIFY(AgentRunStore::validate(spec).isEmpty());
        spec.maxRetries = 99;
        QVERIFY(!AgentRunStore::validate(spec).isEmpty());
        spec.maxRetries = 1;
        spec.script.openingLine.clear();
        QVERIFY(!AgentRunStore::validate(spec).isEmpty());
    }
};

QTEST_GUILESS_MAIN(AgentRunnerTest)
#include "tst_agentrunner.moc"
