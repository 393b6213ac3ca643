#include "services/intelligence/ProfileBatchRunner.h"
#include "tests/intelligence/IntelligenceRig.h"

#include <QNetworkProxy>
#include <QSignalSpy>

using HubTest::FakeLlmServer;

// Bulk "Generate AI profiles": progress, per-lead failures, cancel, budget.
class tst_ProfileBatch : public QObject
{
    Q_OBJECT

private:
    QStringList addLeads(IntelligenceRig& rig, int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            const Lead lead = rig.addLead(QStringLiteral("Batch Lead %1").arg(i + 1),
                [i](Lead& l) { l.industry = QStringLiteral("Industry %1").arg(i + 1); });
            ids.append(lead.id);
        }
        return ids;
    }

    static QJsonObject validProfile()
    {
        return IntelligenceRig::profileAnswer({ QStringLiteral("name"), QStringLiteral("industry") });
    }

    ProfileBatchSummary runToEnd(ProfileBatchRunner& runner, const QStringList& ids)
    {
        QSignalSpy finished(&runner, &ProfileBatchRunner::finished);
        if (!runner.start(ids)) {
            QTest::qFail("the batch did not start", __FILE__, __LINE__);
            return {};
        }
        if (!HubTest::waitUntil([&] { return finished.count() == 1; })) {
            QTest::qFail("the batch did not finish", __FILE__, __LINE__);
            return {};
        }
        return finished.first().first().value<ProfileBatchSummary>();
    }

    static void verifyMonotonic(const QSignalSpy& progress, int total)
    {
        int last = -1;
        for (const QList<QVariant>& arguments : progress) {
            const int completed = arguments.at(0).toInt();
            QVERIFY2(completed >= last, "progress went down");
            QCOMPARE(arguments.at(1).toInt(), total);
            last = completed;
        }
    }

private slots:
    void initTestCase()
    {
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        qRegisterMetaType<ProfileBatchSummary>();
    }

    void oneFailingLeadIsReportedAndTheRestAreDone()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const QStringList ids = addLeads(rig, 6);
        for (int i = 0; i < 6; ++i)
            rig.server.enqueue(i == 2 ? FakeLlmServer::serverError() : FakeLlmServer::jsonOutput(validProfile()));
        ProfileBatchRunner runner(rig.store.get());
        QCOMPARE(runner.concurrency(), 2);
        QSignalSpy progress(&runner, &ProfileBatchRunner::progress);
        QSignalSpy started(&runner, &ProfileBatchRunner::leadStarted);
        int maxInFlight = 0;
        connect(&runner, &ProfileBatchRunner::leadStarted, this,
            [&] { maxInFlight = std::max(maxInFlight, int(started.count()) - runner.summary().completed()); });

        const ProfileBatchSummary summary = runToEnd(runner, ids);
        QCOMPARE(summary.total, 6);
        QCOMPARE(summary.done, 5);
        QCOMPARE(summary.failures.size(), 1);
        QVERIFY(!summary.cancelled);
        QVERIFY(!summary.stoppedByBudget);
        QVERIFY(summary.stopMessage.isEmpty());
        const ProfileBatchFailure failure = summary.failures.first();
        QVERIFY(ids.contains(failure.leadId));
        QVERIFY(failure.leadName.startsWith(QStringLiteral("Batch Lead")));
        QVERIFY2(failure.message.contains(QStringLiteral("HTTP 500")), qPrintable(failure.message));
        QCOMPARE(rig.server.requestCount(), 6);
        QVERIFY(maxInFlight <= 2);
        QCOMPARE(started.count(), 6);
        for (const QList<QVariant>& arguments : started)
            QVERIFY(arguments.at(1).toString().startsWith(QStringLiteral("Batch Lead")));

        verifyMonotonic(progress, 6);
        QCOMPARE(progress.first().at(0).toInt(), 0);
        QCOMPARE(progress.last().at(0).toInt(), 6);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE ai_profile IS NOT NULL")).toInt(), 5);
        QVERIFY(rig.scalar(QStringLiteral("SELECT ai_profile FROM leads WHERE id = ?"), { failure.leadId }).isNull());
    }

    void cancelStopsAfterTheCallsInFlight()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const QStringList ids = addLeads(rig, 6);
        for (int i = 0; i < 6; ++i)
            rig.server.enqueue(FakeLlmServer::jsonOutput(validProfile()));
        ProfileBatchRunner runner(rig.store.get());
        QSignalSpy progress(&runner, &ProfileBatchRunner::progress);
        int requestsAtCancel = -1;
        connect(&runner, &ProfileBatchRunner::progress, this, [&](int completed) {
            if (completed == 1 && requestsAtCancel < 0) {
                requestsAtCancel = rig.server.requestCount();
                runner.cancel();
            }
        });
        const ProfileBatchSummary summary = runToEnd(runner, ids);
        QVERIFY(summary.cancelled);
        QVERIFY(!summary.stoppedByBudget);
        QVERIFY(summary.done >= 1);
        QVERIFY2(summary.done < 6, "cancel did not stop the batch");
        QVERIFY(summary.failures.isEmpty());
        // What was in flight finished and counts; nothing new was started after Cancel.
        QCOMPARE(rig.server.requestCount(), requestsAtCancel);
        QCOMPARE(summary.done, rig.server.requestCount());
        QCOMPARE(summary.notStarted(), 6 - summary.done);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE ai_profile IS NOT NULL")).toInt(),
            summary.done);
        verifyMonotonic(progress, 6);
        QVERIFY(!runner.isRunning());
    }

    void budgetStopsTheBatchWithoutAnyRequest()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const QStringList ids = addLeads(rig, 3);
        rig.spendBudget();
        rig.server.enqueue(FakeLlmServer::jsonOutput(validProfile()));
        ProfileBatchRunner runner(rig.store.get());
        const ProfileBatchSummary summary = runToEnd(runner, ids);
        QVERIFY(summary.stoppedByBudget);
        QVERIFY2(summary.stopMessage.contains(QStringLiteral("budget")), qPrintable(summary.stopMessage));
        QCOMPARE(summary.done, 0);
        QVERIFY(summary.failures.isEmpty());
        QCOMPARE(summary.notStarted(), 3);
        QCOMPARE(rig.server.requestCount(), 0);
    }

    void notConfiguredStopsWithTheSettingsHint()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const QStringList ids = addLeads(rig, 2);
        rig.unconfigure();
        ProfileBatchRunner runner(rig.store.get());
        const ProfileBatchSummary summary = runToEnd(runner, ids);
        QVERIFY(!summary.stoppedByBudget);
        QVERIFY(summary.stopMessage.contains(QStringLiteral("Settings → AI")));
        QCOMPARE(summary.done, 0);
        QCOMPARE(rig.server.requestCount(), 0);
    }

    void badInputIsRefusedOrReported()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        ProfileBatchRunner runner(rig.store.get());
        QVERIFY(!runner.start({}));
        QVERIFY(!runner.start({ QString() }));
        const QString real = addLeads(rig, 1).first();
        rig.server.enqueue(FakeLlmServer::jsonOutput(validProfile()));
        // Duplicates count once; an id that is not a lead fails with a message, without a request.
        const ProfileBatchSummary summary = runToEnd(runner, { real, QStringLiteral("missing-lead"), real });
        QCOMPARE(summary.total, 2);
        QCOMPARE(summary.done, 1);
        QCOMPARE(summary.failures.size(), 1);
        QCOMPARE(summary.failures.first().leadId, QStringLiteral("missing-lead"));
        QVERIFY(!summary.failures.first().message.isEmpty());
        QCOMPARE(rig.server.requestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileBatch)
#include "tst_profilebatch.moc"
