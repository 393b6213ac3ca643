#include "services/providers/AiPriceTable.h"
#include "services/providers/AiUsageLedger.h"
#include "tests/support/TempWorkspace.h"

#include <QSqlQuery>
#include <QTest>

namespace {
QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
}

AiUsageEntry entry(const QString& orgId, const QString& userId, qint64 costMicros, const QDateTime& at)
{
    AiUsageEntry usage;
    usage.orgId = orgId;
    usage.userId = userId;
    usage.feature = QStringLiteral("lead_summary");
    usage.model = QStringLiteral("gpt-4o-mini");
    usage.promptVersion = QStringLiteral("v1");
    usage.inputTokens = 100;
    usage.outputTokens = 10;
    usage.costMicros = costMicros;
    usage.createdAt = at;
    return usage;
}
} // namespace

class TestAiUsageLedger : public QObject
{
    Q_OBJECT

private:
    // A second organisation in the same file, to prove totals never mix orgs.
    QString addOrganization(HubTest::TempWorkspace& ws)
    {
        const QString id = QStringLiteral("org-two");
        ws.runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("INSERT INTO organizations (id, org_id, name, created_at, updated_at) "
                               "VALUES (?, ?, 'Other', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"));
            query.addBindValue(id);
            query.addBindValue(id);
            QVERIFY(query.exec());
        });
        return id;
    }

private slots:
    void recordAndMonthTotals()
    {
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        const QString org = ws.identity().orgId;
        const QString me = ws.identity().userId;
        const QString otherOrg = addOrganization(ws);
        const QDateTime now = utc("2026-03-20T12:00:00.000Z");
        AiMonthTotals totals;
        ws.runBlocking([&](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            QVERIFY2(
                ledger.record(entry(org, me, 100, utc("2026-03-02T08:00:00.000Z"))), qPrintable(ledger.lastError()));
            QVERIFY(ledger.record(entry(org, me, 200, utc("2026-03-19T08:00:00.000Z"))));
            QVERIFY(ledger.record(entry(org, QStringLiteral("colleague"), 50, utc("2026-03-10T08:00:00.000Z"))));
            QVERIFY(ledger.record(entry(otherOrg, me, 9999, utc("2026-03-10T08:00:00.000Z"))));
            totals = ledger.monthToDate(org, me, now);
        });
        QCOMPARE(totals.orgMicros, 350);
        QCOMPARE(totals.userMicros, 300);
        QCOMPARE(totals.orgCalls, 3);
        QCOMPARE(totals.userCalls, 2);
        QCOMPARE(totals.orgInputTokens, 300);
        QCOMPARE(totals.orgOutputTokens, 30);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM ai_usage WHERE lead_id IS NULL AND rev = 0")), 4);
    }

    void monthBoundary_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<qint64>("orgMicros");
        QTest::newRow("January") << utc("2026-01-15T00:00:00.000Z") << qint64(7);
        QTest::newRow("last ms of January") << utc("2026-01-31T23:59:59.999Z") << qint64(7);
        QTest::newRow("first ms of February") << utc("2026-02-01T00:00:00.000Z") << qint64(11);
        QTest::newRow("December before") << utc("2025-12-31T10:00:00.000Z") << qint64(3);
        QTest::newRow("March") << utc("2026-03-01T00:00:00.000Z") << qint64(0);
    }

    void monthBoundary()
    {
        QFETCH(QDateTime, now);
        QFETCH(qint64, orgMicros);
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        const QString org = ws.identity().orgId;
        AiMonthTotals totals;
        ws.runBlocking([&](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            QVERIFY(ledger.record(entry(org, {}, 3, utc("2025-12-31T23:59:59.999Z"))));
            QVERIFY(ledger.record(entry(org, {}, 7, utc("2026-01-31T23:59:59.999Z"))));
            QVERIFY(ledger.record(entry(org, {}, 11, utc("2026-02-01T00:00:00.000Z"))));
            totals = ledger.monthToDate(org, {}, now);
        });
        QCOMPARE(totals.orgMicros, orgMicros);
    }

    void budgetRefusal()
    {
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        const QString org = ws.identity().orgId;
        const QString me = ws.identity().userId;
        const QDateTime now = utc("2026-05-20T12:00:00.000Z");
        ws.runBlocking([&](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            QVERIFY(ledger.checkBudget(org, me, now).ok); // no budget: unlimited
            QVERIFY2(ledger.setBudget(org, {}, 20'000'000), qPrintable(ledger.lastError()));
            QCOMPARE(ledger.budget(org, {}), std::optional<qint64>(20'000'000));
            QVERIFY(ledger.record(entry(org, me, 19'990'000, utc("2026-05-03T08:00:00.000Z"))));
            QVERIFY(ledger.checkBudget(org, me, now).ok);
            QVERIFY(ledger.record(entry(org, me, 150'000, utc("2026-05-04T08:00:00.000Z"))));
            const AiBudgetCheck refused = ledger.checkBudget(org, me, now);
            QVERIFY(!refused.ok);
            QCOMPARE(refused.limitMicros, 20'000'000);
            QCOMPARE(refused.spentMicros, 20'140'000);
            QCOMPARE(refused.message,
                QStringLiteral("This month’s AI budget of €20.00 is used up (€20.14). Raise it in Settings → AI; "
                               "everything else keeps working."));
            QVERIFY2(ledger.checkBudget(org, me, utc("2026-06-01T00:00:00.000Z")).ok, "a new month starts afresh");

            QVERIFY(ledger.setBudget(org, {}, 50'000'000)); // raised: updates, does not add a second row
            QVERIFY(ledger.checkBudget(org, me, now).ok);
            QVERIFY(ledger.setBudget(org, me, 10'000'000)); // a personal limit below what I spent
            const AiBudgetCheck personal = ledger.checkBudget(org, me, now);
            QVERIFY(!personal.ok);
            QVERIFY2(personal.message.contains(QStringLiteral("€10.00")), qPrintable(personal.message));
            QVERIFY(ledger.checkBudget(org, QStringLiteral("colleague"), now).ok);
            QVERIFY(ledger.setBudget(org, me, -1)); // removed
            QVERIFY(ledger.checkBudget(org, me, now).ok);
        });
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM ai_budgets WHERE deleted = 0")), 1);
    }

    void costEstimate_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("input");
        QTest::addColumn<int>("output");
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<bool>("known");
        QTest::newRow("gpt-4o-mini 1M in")
            << QStringLiteral("gpt-4o-mini") << 1'000'000 << 0 << qint64(150'000) << true;
        QTest::newRow("gpt-4o-mini dated")
            << QStringLiteral("gpt-4o-mini-2024-07-18") << 1000 << 1000 << qint64(750) << true;
        QTest::newRow("gpt-4o") << QStringLiteral("gpt-4o") << 1000 << 1000 << qint64(12'500) << true;
        QTest::newRow("gpt-4o dated") << QStringLiteral("GPT-4o-2024-08-06") << 1000 << 1000 << qint64(12'500) << true;
        QTest::newRow("gpt-4.1-mini") << QStringLiteral("gpt-4.1-mini") << 2000 << 500 << qint64(1600) << true;
        QTest::newRow("rounds up") << QStringLiteral("gpt-4o-mini") << 1 << 0 << qint64(1) << true;
        QTest::newRow("local model") << QStringLiteral("llama3.1:8b") << 50'000 << 9000 << qint64(0) << false;
        QTest::newRow("not a prefix match") << QStringLiteral("gpt-4o-minimal") << 1000 << 1000 << qint64(0) << false;
    }

    void costEstimate()
    {
        QFETCH(QString, model);
        QFETCH(int, input);
        QFETCH(int, output);
        QFETCH(qint64, micros);
        QFETCH(bool, known);
        const AiPriceTable prices = AiPriceTable::defaults();
        QCOMPARE(prices.estimateMicros(model, input, output), micros);
        QCOMPARE(prices.isKnown(model), known);
    }

    void customPrice()
    {
        AiPriceTable prices = AiPriceTable::defaults();
        prices.setPrice(QStringLiteral("llama3.1:8b"), { 1'000'000, 2'000'000 });
        QCOMPARE(prices.estimateMicros(QStringLiteral("llama3.1:8b"), 1000, 1000), 3000);
        prices.setPrice(QStringLiteral("gpt-4o-mini"), { 0, 0 });
        QCOMPARE(prices.estimateMicros(QStringLiteral("gpt-4o-mini"), 1000, 1000), 0);
    }
};

QTEST_GUILESS_MAIN(TestAiUsageLedger)
#include "tst_aiusageledger.moc"
