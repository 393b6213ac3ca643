#include "services/brain/BrainInsightsRepository.h"
#include "services/brain/BrainInsightsService.h"
#include "services/events/EventBus.h"
#include "services/storage/DatabaseExecutor.h"
#include "tests/brain/BrainSeed.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using HubTest::TempWorkspace;

namespace {
QStringList names(const QList<BrainLeadRow>& rows)
{
    QStringList result;
    for (const BrainLeadRow& row : rows)
        result.append(row.name);
    return result;
}

const BrainSuggestion* find(const QList<BrainSuggestion>& suggestions, BrainSuggestion::Kind kind)
{
    for (const BrainSuggestion& suggestion : suggestions) {
        if (suggestion.kind == kind)
            return &suggestion;
    }
    return nullptr;
}
} // namespace

class tst_BrainInsights : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    QHash<QString, QString> ids;

    BrainInsightsQuery query(int stalledDays = 14) const
    {
        BrainInsightsQuery q;
        q.orgId = ws->identity().orgId;
        q.now = BrainSeed::now();
        q.stalledDays = stalledDays;
        return q;
    }

    BrainInsights load(const BrainInsightsQuery& q)
    {
        BrainInsights insights;
        ws->runBlocking([&](QSqlDatabase& db) { insights = BrainInsightsRepository(db).load(q); });
        return insights;
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        ids.clear();
        QString error;
        ws->runBlocking([&](QSqlDatabase& db) { error = BrainSeed::seed(db, ws->identity(), &ids); });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup() { ws.reset(); }

    void leaderboardIsOpenAnalysedLeadsByHeat()
    {
        const BrainInsights insights = load(query());
        QVERIFY2(insights.ok, qPrintable(insights.error));
        // Finn is won, Gus deleted, Jay's analysis deleted.
        QCOMPARE(names(insights.leaderboard),
            (QStringList { QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Cara"),
                QStringLiteral("Dan"), QStringLiteral("Eve") }));
        const BrainLeadRow& alice = insights.leaderboard.first();
        QCOMPARE(alice.leadId, ids.value(QStringLiteral("Alice")));
        QCOMPARE(alice.company, QStringLiteral("Acme"));
        QCOMPARE(alice.dealHeat, 95);
        QCOMPARE(alice.buyingIntent, QStringLiteral("high"));
        QCOMPARE(alice.nextBestAction, QStringLiteral("Call Alice"));
        QCOMPARE(alice.daysSinceContact, 20);
        QCOMPARE(alice.stageName, QStringLiteral("Qualified"));
        QCOMPARE(alice.label(), QStringLiteral("Alice (Acme)"));
        QCOMPARE(insights.leaderboard.at(3).label(), QStringLiteral("Dan"));
        QCOMPARE(insights.analysedCount, 5);
        QVERIFY(!insights.nothingAnalysed());
    }

    void leaderboardHonoursTheLimit()
    {
        BrainInsightsQuery q = query();
        q.limit = 2;
        const BrainInsights insights = load(q);
        QCOMPARE(names(insights.leaderboard), (QStringList { QStringLiteral("Alice"), QStringLiteral("Bob") }));
        QCOMPARE(insights.hotCount, 3); // counts are over all leads
        QCOMPARE(insights.hot.size(), 2);
    }

    void hotThresholdIsInclusive()
    {
        const BrainInsights insights = load(query());
        QCOMPARE(insights.hotCount, 3);
        QCOMPARE(names(insights.hot),
            (QStringList { QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Cara") }));
        BrainInsightsQuery q = query();
        q.hotHeat = 71;
        QCOMPARE(load(q).hotCount, 2);
    }

    void stalledUsesLastContactElseUpdate_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QStringList>("stalled");
        // Ordered by heat (never analysed last), then longest without contact.
        QTest::newRow("14 days, boundary inclusive") << 14
                                                     << QStringList { QStringLiteral("Alice"), QStringLiteral("Cara"),
                                                            QStringLiteral("Eve"), QStringLiteral("Hana") };
        QTest::newRow("13 days adds Dan") << 13
                                          << QStringList { QStringLiteral("Alice"), QStringLiteral("Cara"),
                                                 QStringLiteral("Dan"), QStringLiteral("Eve"), QStringLiteral("Hana") };
        QTest::newRow("21 days") << 21 << QStringList { QStringLiteral("Cara"), QStringLiteral("Hana") };
        QTest::newRow("45 days") << 45 << QStringList {};
    }

    void stalledUsesLastContactElseUpdate()
    {
        QFETCH(int, days);
        QFETCH(QStringList, stalled);
        const BrainInsights insights = load(query(days));
        QCOMPARE(names(insights.stalled), stalled);
        QCOMPARE(insights.stalledCount, stalled.size());
        QCOMPARE(insights.stalledDays, days);
        for (const BrainLeadRow& row : insights.stalled)
            QVERIFY2(row.daysSinceContact >= days, qPrintable(row.name));
    }

    void daysFollowTheInjectedClock()
    {
        BrainInsightsQuery q = query();
        q.now = BrainSeed::now().addDays(10);
        const BrainInsights insights = load(q);
        QCOMPARE(insights.leaderboard.first().daysSinceContact, 30);
        QVERIFY(names(insights.stalled).contains(QStringLiteral("Bob")) == false); // 12 days
        QVERIFY(names(insights.stalled).contains(QStringLiteral("Dan"))); // 23 days
    }

    void suggestionsSayWhatToDo()
    {
        const BrainInsights insights = load(query());
        QCOMPARE(insights.neverAnalysedCount, 3); // Hana, Ivo, Jay

        const BrainSuggestion* call = find(insights.suggestions, BrainSuggestion::Kind::CallHotLeads);
        QVERIFY(call);
        QCOMPARE(
            call->text, QStringLiteral("2 hot lead(s) not contacted for 7+ days — call Acme first (deal heat 95)."));
        QCOMPARE(names(call->leads), (QStringList { QStringLiteral("Alice"), QStringLiteral("Cara") }));

        const BrainSuggestion* propose = find(insights.suggestions, BrainSuggestion::Kind::SendProposals);
        QVERIFY(propose);
        QCOMPARE(names(propose->leads), QStringList { QStringLiteral("Alice") }); // Bob has a proposal
        QVERIFY(propose->text.contains(QStringLiteral("Acme")));

        const BrainSuggestion* revive = find(insights.suggestions, BrainSuggestion::Kind::ReviveStalled);
        QVERIFY(revive);
        QCOMPARE(revive->text,
            QStringLiteral("4 open deal(s) without contact for 14+ days — start with Acme (deal heat 95, 20 days)."));

        const BrainSuggestion* analyse = find(insights.suggestions, BrainSuggestion::Kind::AnalyseLeads);
        QVERIFY(analyse);
        QVERIFY(analyse->text.startsWith(QStringLiteral("3 open lead(s) were never analysed")));
        QCOMPARE(names(analyse->leads),
            (QStringList { QStringLiteral("Ivo"), QStringLiteral("Jay"), QStringLiteral("Hana") }));

        // No price list yet: say so.
        QVERIFY(find(insights.suggestions, BrainSuggestion::Kind::PriceServices));
        // Most urgent first.
        QCOMPARE(insights.suggestions.first().kind, BrainSuggestion::Kind::CallHotLeads);
    }

    void valuesComeFromThePriceListElseTheAnalysis()
    {
        BrainInsights insights = load(query());
        QCOMPARE(insights.leaderboard.at(0).valueMinor(), -1); // Alice: no price list yet
        QCOMPARE(insights.leaderboard.at(1).valueMinor(), 123400); // Bob: stored by the analysis
        QString error;
        ws->runBlocking([&](QSqlDatabase& db) {
            error = BrainSeed::addService(
                db, ws->identity(), QStringLiteral("SEO audit"), 90000, QStringLiteral("[\"seo\"]"));
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        insights = load(query());
        QCOMPARE(insights.activeServiceCount, 1);
        QCOMPARE(insights.leaderboard.at(0).valueMinor(), 90000);
        QCOMPARE(insights.leaderboard.at(0).estimate.matchedServices, QStringList { QStringLiteral("SEO audit") });
        QCOMPARE(insights.leaderboard.at(1).valueMinor(), 123400);
        QCOMPARE(insights.leaderboard.at(2).valueMinor(), -1);
        QVERIFY(!find(insights.suggestions, BrainSuggestion::Kind::PriceServices));
    }

    void emptyWorkspaceHasNothingAnalysed()
    {
        TempWorkspace empty(QStringLiteral("empty.sqlite"));
        QVERIFY(empty.ok());
        BrainInsightsQuery q = query();
        q.orgId = empty.identity().orgId;
        BrainInsights insights;
        empty.runBlocking([&](QSqlDatabase& db) { insights = BrainInsightsRepository(db).load(q); });
        QVERIFY(insights.ok);
        QVERIFY(insights.nothingAnalysed());
        QVERIFY(insights.leaderboard.isEmpty());
        QVERIFY(insights.suggestions.isEmpty());
    }

    void closedStagesComeFromThePipeline()
    {
        // A workspace that treats "contacted" as closed (say, renamed to "Parked").
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE pipeline_stages SET is_closed = 1 WHERE key = 'contacted'")));
        });
        const BrainInsights insights = load(query());
        QCOMPARE(names(insights.leaderboard),
            (QStringList { QStringLiteral("Alice"), QStringLiteral("Bob"), QStringLiteral("Cara") }));
        QCOMPARE(names(insights.stalled), (QStringList { QStringLiteral("Alice"), QStringLiteral("Cara") }));
        QCOMPARE(insights.neverAnalysedCount, 2); // Ivo, Jay
    }

    void serviceRefreshesDebouncedOnEvents()
    {
        BrainInsightsService service(&ws->executor(), &ws->bus(), nullptr);
        service.setOrgId(ws->identity().orgId);
        service.setClock([] { return BrainSeed::now(); });
        service.setDebounceInterval(20);
        QSignalSpy ready(&service, &BrainInsightsService::insightsReady);

        // Events before the first refresh do nothing.
        HubEvent updated;
        updated.type = HubEvent::Type::LeadUpdated;
        ws->bus().publish(updated);
        QVERIFY(!service.isRefreshScheduled());
        QVERIFY(!service.isLoading());

        service.refresh();
        QVERIFY(service.isLoading());
        QVERIFY(HubTest::waitUntil([&] { return ready.count() == 1; }));
        QCOMPARE(service.latest().leaderboard.size(), 5);

        HubEvent analysed;
        analysed.type = HubEvent::Type::LeadUpdated;

        // A burst of events is one refresh.
        for (int i = 0; i < 5; ++i)
            ws->bus().publish(HubEvent::statusChanged(
                ids.value(QStringLiteral("Alice")), QStringLiteral("qualified"), QStringLiteral("won")));
        QVERIFY(service.isRefreshScheduled());
        QVERIFY(HubTest::waitUntil([&] { return ready.count() == 2; }));
        QVERIFY(!service.isRefreshScheduled());
        QVERIFY(!service.isLoading());

        // Hidden: changes wait until it is shown again.
        service.setAutoRefresh(false);
        ws->bus().publish(analysed);
        QVERIFY(!service.isRefreshScheduled());
        service.setAutoRefresh(true);
        QVERIFY(service.isRefreshScheduled());
        QVERIFY(HubTest::waitUntil([&] { return ready.count() == 3; }));

        // Asked while loading: one more load afterwards, not two at once.
        service.refresh();
        service.refresh();
        QVERIFY(service.isLoading());
        QVERIFY(service.isRefreshScheduled());
        QVERIFY(HubTest::waitUntil([&] { return ready.count() == 5; }));
        QVERIFY(!service.isRefreshScheduled());

        // The stalled threshold is a setting of the service.
        service.setStalledDays(21);
        QVERIFY(HubTest::waitUntil([&] { return ready.count() == 6; }));
        QCOMPARE(service.latest().stalledDays, 21);
        QCOMPARE(names(service.latest().stalled), (QStringList { QStringLiteral("Cara"), QStringLiteral("Hana") }));
    }
};

QTEST_GUILESS_MAIN(tst_BrainInsights)
#include "tst_braininsights.moc"
