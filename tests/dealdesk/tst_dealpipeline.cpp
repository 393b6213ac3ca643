#include "models/Ids.h"
#include "services/dealdesk/DealPipelineRepository.h"
#include "services/dealdesk/DealPipelineService.h"
#include "services/dealdesk/ProposalFilter.h"
#include "services/dealdesk/ProposalStore.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using HubTest::TempWorkspace;
using S = Proposal::Status;

namespace {
QMap<QString, qint64> money(std::initializer_list<std::pair<const char*, qint64>> values)
{
    QMap<QString, qint64> map;
    for (const auto& [currency, minor] : values)
        map.insert(QString::fromLatin1(currency), minor);
    return map;
}

const PipelineGroup& group(const QList<PipelineGroup>& groups, const QString& key)
{
    for (const PipelineGroup& g : groups) {
        if (g.key == key)
            return g;
    }
    static const PipelineGroup missing { QStringLiteral("<missing>"), -1, {} };
    return missing;
}
} // namespace

class tst_DealPipeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    std::unique_ptr<ProposalStore> store;

    Lead lead(
        const QString& name, const QString& status, qint64 valueMinor, const QString& currency = QStringLiteral("EUR"))
    {
        Lead input = ws->makeLead(name, status);
        input.company = name + QStringLiteral(" Ltd");
        input.valueMinor = valueMinor;
        input.currency = currency;
        return ws->saveBlocking(input);
    }

    void analyse(const Lead& lead, const QString& intent, bool deleted = false)
    {
        const QString orgId = ws->identity().orgId;
        QString error;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("INSERT INTO lead_intelligence (id, org_id, lead_id, deal_heat, buying_intent, "
                               "analyzed_at, created_at, updated_at, deleted) VALUES (?, ?, ?, 50, ?, ?, ?, ?, ?)"));
            const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
            for (const QVariant& value : { QVariant(Ids::newId()), QVariant(orgId), QVariant(lead.id),
                     QVariant(intent.isNull() ? QStringLiteral("") : intent), QVariant(now), QVariant(now),
                     QVariant(now), QVariant(deleted ? 1 : 0) })
                query.addBindValue(value);
            if (!query.exec())
                error = query.lastError().text();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    Proposal propose(const Lead& lead, const QString& title, const QString& currency, QList<PricingLine> lines)
    {
        Proposal p;
        p.leadId = lead.id;
        p.title = title;
        p.currency = currency;
        p.lines = std::move(lines);
        const auto outcome = HubTest::waitForCallback<ProposalWriteOutcome>(
            [&](QObject* c, std::function<void(const ProposalWriteOutcome&)> d) { store->save(p, c, d); },
            QStringLiteral("save"));
        if (!outcome || !outcome->ok || outcome->changed.isEmpty())
            return {};
        return outcome->changed.first();
    }

    bool move(const QString& id, S status, const QString& reason = {})
    {
        const auto outcome = HubTest::waitForCallback<ProposalWriteOutcome>(
            [&](QObject* c, std::function<void(const ProposalWriteOutcome&)> d) {
                store->changeStatus(id, status, reason, c, d);
            },
            QStringLiteral("changeStatus"));
        return outcome && outcome->ok;
    }

    DealPipelineSnapshot snapshot()
    {
        DealPipelineSnapshot result;
        ws->runBlocking([&](QSqlDatabase& db) { result = DealPipelineRepository(db).snapshot(); });
        return result;
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        store = std::make_unique<ProposalStore>(&ws->executor(), &ws->bus());
        store->setIdentity(ws->identity());
    }

    void cleanup()
    {
        store.reset();
        ws.reset();
    }

    void emptyWorkspaceHasEveryGroupAtZero()
    {
        const DealPipelineSnapshot s = snapshot();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.intents.size(), 5);
        QCOMPARE(s.statuses.size(), 4);
        for (const PipelineGroup& g : s.intents)
            QVERIFY(g.count == 0 && g.totals.isEmpty());
        for (const PipelineGroup& g : s.statuses)
            QVERIFY(g.count == 0 && g.totals.isEmpty());
        QCOMPARE(s.intents.last().key, QString());
        QCOMPARE(s.statuses.first().key, QStringLiteral("draft"));
        QVERIFY(s.proposals.isEmpty());
    }

    void openDealsAreGroupedByIntent()
    {
        const Lead a = lead(QStringLiteral("Alpha"), QStringLiteral("new"), 100000);
        const Lead b = lead(QStringLiteral("Beta"), QStringLiteral("contacted"), 200000);
        const Lead c = lead(QStringLiteral("Gamma"), QStringLiteral("qualified"), 50000, QStringLiteral("USD"));
        const Lead d = lead(QStringLiteral("Delta"), QStringLiteral("new"), 30000);
        const Lead won = lead(QStringLiteral("Won Co"), QStringLiteral("won"), 999900);
        const Lead lost = lead(QStringLiteral("Lost Co"), QStringLiteral("lost"), 5000);
        const Lead blank = lead(QStringLiteral("Blank intent"), QStringLiteral("proposal"), 70000);
        const Lead gone = lead(QStringLiteral("Gone"), QStringLiteral("new"), 123400);
        const Lead stale = lead(QStringLiteral("Stale analysis"), QStringLiteral("new"), 10000);
        QVERIFY(a.isValid() && b.isValid() && c.isValid() && d.isValid() && won.isValid() && lost.isValid()
            && blank.isValid() && gone.isValid() && stale.isValid());
        analyse(a, QStringLiteral("high"));
        analyse(b, QStringLiteral("high"));
        analyse(c, QStringLiteral("critical"));
        analyse(won, QStringLiteral("high")); // closed stage: not an open deal
        analyse(lost, QStringLiteral("low"));
        analyse(blank, QString()); // analysed without an intent: counts as not analysed
        analyse(gone, QStringLiteral("low"));
        analyse(stale, QStringLiteral("low"), true); // tombstoned analysis
        QVERIFY(ws->setDeletedBlocking({ gone.id }, true).ok);

        const DealPipelineSnapshot s = snapshot();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(group(s.intents, QStringLiteral("critical")).count, 1);
        QCOMPARE(group(s.intents, QStringLiteral("critical")).totals, money({ { "USD", 50000 } }));
        QCOMPARE(group(s.intents, QStringLiteral("high")).count, 2);
        QCOMPARE(group(s.intents, QStringLiteral("high")).totals, money({ { "EUR", 300000 } }));
        QCOMPARE(group(s.intents, QStringLiteral("medium")).count, 0);
        QCOMPARE(group(s.intents, QStringLiteral("low")).count, 0);
        QVERIFY(group(s.intents, QStringLiteral("low")).totals.isEmpty());
        // Delta, Blank intent and Stale analysis.
        QCOMPARE(group(s.intents, QString()).count, 3);
        QCOMPARE(group(s.intents, QString()).totals, money({ { "EUR", 110000 } }));
    }

    void workspaceStagesDecideWhatIsClosed()
    {
        const Lead a = lead(QStringLiteral("Alpha"), QStringLiteral("contacted"), 100000);
        QVERIFY(a.isValid());
        analyse(a, QStringLiteral("medium"));
        QCOMPARE(group(snapshot().intents, QStringLiteral("medium")).count, 1);
        ws->runBlocking([](QSqlDatabase& db) {
            QSqlQuery(db).exec(QStringLiteral("UPDATE pipeline_stages SET is_closed = 1 WHERE key = 'contacted'"));
        });
        const DealPipelineSnapshot s = snapshot();
        QCOMPARE(group(s.intents, QStringLiteral("medium")).count, 0);
        QCOMPARE(group(s.intents, QString()).count, 0);
    }

    void proposalsAreGroupedByStatusWithTheirTotals()
    {
        const Lead a = lead(QStringLiteral("Alpha"), QStringLiteral("new"), 0);
        const Lead c = lead(QStringLiteral("Gamma"), QStringLiteral("qualified"), 0, QStringLiteral("USD"));
        QVERIFY(a.isValid() && c.isValid());
        analyse(a, QStringLiteral("high"));
        // 1.5 × 999.99 = 1,499.985 → 1,499.99 net, 19 % = 285.00 tax: 1,784.99.
        const Proposal draft = propose(
            a, QStringLiteral("Website"), QStringLiteral("EUR"), { { QStringLiteral("Design"), 1500, 99999, 1900 } });
        const Proposal sent = propose(
            c, QStringLiteral("Hosting"), QStringLiteral("USD"), { { QStringLiteral("Hosting"), 12000, 2500, 0 } });
        const Proposal accepted = propose(
            a, QStringLiteral("Audit"), QStringLiteral("EUR"), { { QStringLiteral("Audit"), 1000, 50000, 0 } });
        const Proposal removed
            = propose(a, QStringLiteral("Removed"), QStringLiteral("EUR"), { { QStringLiteral("X"), 1000, 100, 0 } });
        QVERIFY(draft.isValid() && sent.isValid() && accepted.isValid() && removed.isValid());
        QVERIFY(move(sent.id, S::Sent));
        QVERIFY(move(accepted.id, S::Sent));
        QVERIFY(move(accepted.id, S::Accepted));
        QVERIFY(HubTest::waitForCallback<ProposalWriteOutcome>(
            [&](QObject* c, std::function<void(const ProposalWriteOutcome&)> d) { store->remove(removed.id, c, d); },
            QStringLiteral("remove"))
                    ->ok);

        const DealPipelineSnapshot s = snapshot();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(group(s.statuses, QStringLiteral("draft")).count, 1);
        QCOMPARE(group(s.statuses, QStringLiteral("draft")).totals, money({ { "EUR", 178499 } }));
        QCOMPARE(group(s.statuses, QStringLiteral("sent")).count, 1);
        QCOMPARE(group(s.statuses, QStringLiteral("sent")).totals, money({ { "USD", 30000 } }));
        QCOMPARE(group(s.statuses, QStringLiteral("accepted")).count, 1);
        QCOMPARE(group(s.statuses, QStringLiteral("accepted")).totals, money({ { "EUR", 50000 } }));
        QCOMPARE(group(s.statuses, QStringLiteral("rejected")).count, 0);

        QCOMPARE(s.proposals.size(), 3);
        QCOMPARE(s.proposals.first().id, accepted.id); // newest change first
        const auto summary = std::find_if(
            s.proposals.cbegin(), s.proposals.cend(), [&](const ProposalSummary& p) { return p.id == draft.id; });
        QVERIFY(summary != s.proposals.cend());
        QCOMPARE(summary->title, QStringLiteral("Website"));
        QCOMPARE(summary->leadId, a.id);
        QCOMPARE(summary->leadName, QStringLiteral("Alpha"));
        QCOMPARE(summary->leadCompany, QStringLiteral("Alpha Ltd"));
        QCOMPARE(summary->leadIntent, QStringLiteral("high"));
        QCOMPARE(summary->totalMinor, 178499);
        QCOMPARE(summary->currency, QStringLiteral("EUR"));
        QCOMPARE(summary->status, S::Draft);
        const auto gamma = std::find_if(
            s.proposals.cbegin(), s.proposals.cend(), [&](const ProposalSummary& p) { return p.id == sent.id; });
        QCOMPARE(gamma->leadIntent, QString());
    }

    void overflowingLinesDoNotPoisonTheGroupTotal()
    {
        const Lead a = lead(QStringLiteral("Alpha"), QStringLiteral("new"), 0);
        QVERIFY(a.isValid());
        const Proposal ok
            = propose(a, QStringLiteral("Ok"), QStringLiteral("EUR"), { { QStringLiteral("A"), 1000, 100, 0 } });
        QVERIFY(ok.isValid());
        // The store refuses such lines; a row synced from elsewhere can still carry them.
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE proposals SET lines = ? WHERE id = ?"));
            query.addBindValue(QStringLiteral(
                R"([{"item":"Huge","quantity_milli":"9000000000000000000","unit_price_minor":"9000000000000000000","tax_rate_bp":0}])"));
            query.addBindValue(ok.id);
            query.exec();
        });
        const DealPipelineSnapshot s = snapshot();
        QCOMPARE(s.proposals.size(), 1);
        QVERIFY(s.proposals.first().totalOverflow);
        QCOMPARE(group(s.statuses, QStringLiteral("draft")).count, 1);
        QVERIFY(group(s.statuses, QStringLiteral("draft")).totals.isEmpty());
    }

    void serviceAnswersAsynchronously()
    {
        const Lead a = lead(QStringLiteral("Alpha"), QStringLiteral("new"), 4200);
        QVERIFY(a.isValid());
        DealPipelineService service(&ws->executor());
        const std::optional<DealPipelineSnapshot> loaded = HubTest::waitForCallback<DealPipelineSnapshot>(
            [&](QObject* c, std::function<void(const DealPipelineSnapshot&)> d) { service.load(c, d); },
            QStringLiteral("load"));
        QVERIFY(loaded);
        QCOMPARE(group(loaded->intents, QString()).count, 1);
        QCOMPARE(group(loaded->intents, QString()).totals, money({ { "EUR", 4200 } }));
        const std::optional<QString> name = HubTest::waitForCallback<QString>(
            [&](QObject* c, std::function<void(const QString&)> d) {
                service.loadOrganizationName(ws->identity().orgId, c, d);
            },
            QStringLiteral("organization"));
        QVERIFY(name && !name->isEmpty());
    }

    void filterMatchesSearchStatusAndIntent_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("status"); // -1: any
        QTest::addColumn<QString>("intent"); // "*": any
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty") << QString() << -1 << QStringLiteral("*") << true;
        QTest::newRow("title word") << QStringLiteral("redesign") << -1 << QStringLiteral("*") << true;
        QTest::newRow("accent-insensitive company") << QStringLiteral("muller") << -1 << QStringLiteral("*") << true;
        QTest::newRow("two terms across fields") << QStringLiteral("WEBSITE jane") << -1 << QStringLiteral("*") << true;
        QTest::newRow("missing term") << QStringLiteral("website bob") << -1 << QStringLiteral("*") << false;
        QTest::newRow("status match") << QString() << int(S::Sent) << QStringLiteral("*") << true;
        QTest::newRow("status mismatch") << QString() << int(S::Draft) << QStringLiteral("*") << false;
        QTest::newRow("intent match") << QString() << -1 << QStringLiteral("high") << true;
        QTest::newRow("not analysed only") << QString() << -1 << QString() << false;
        QTest::newRow("sql-ish text") << QStringLiteral("' OR 1=1 --") << -1 << QStringLiteral("*") << false;
    }

    void filterMatchesSearchStatusAndIntent()
    {
        QFETCH(QString, search);
        QFETCH(int, status);
        QFETCH(QString, intent);
        QFETCH(bool, matches);
        ProposalSummary summary;
        summary.title = QStringLiteral("Website redesign");
        summary.leadName = QStringLiteral("Jane Cooper");
        summary.leadCompany = QStringLiteral("Müller GmbH");
        summary.leadIntent = QStringLiteral("high");
        summary.status = S::Sent;
        ProposalFilter filter;
        filter.search = search;
        if (status >= 0)
            filter.status = static_cast<S>(status);
        if (intent != QLatin1String("*"))
            filter.intent = intent;
        QCOMPARE(filter.matches(summary), matches);
        QCOMPARE(filter.isUnfiltered(), search.isEmpty() && status < 0 && intent == QLatin1String("*"));
    }
};

QTEST_GUILESS_MAIN(tst_DealPipeline)
#include "tst_dealpipeline.moc"
