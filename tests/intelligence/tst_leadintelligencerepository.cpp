#include "services/intelligence/AiProfileRepository.h"
#include "services/intelligence/LeadIntelligenceRepository.h"
#include "tests/support/TempWorkspace.h"

#include <QSqlQuery>
#include <QTest>

// The SQL of lead_intelligence, leads.deal_heat and the AI profile columns on a real workspace file.
class tst_LeadIntelligenceRepository : public QObject
{
    Q_OBJECT

private:
    static LeadIntelligence analysis(const QString& orgId, const QString& leadId, std::optional<int> heat)
    {
        LeadIntelligence intelligence;
        intelligence.orgId = orgId;
        intelligence.leadId = leadId;
        intelligence.dealHeat = heat;
        intelligence.buyingIntent = LeadIntelligence::Intent::Medium;
        intelligence.summary = QStringLiteral("Summary of %1").arg(leadId);
        intelligence.painPoints = { QStringLiteral("It's \"quoted\", with 'quotes'; DROP TABLE leads;--") };
        intelligence.fieldsUsed = { QStringLiteral("name") };
        intelligence.model = QStringLiteral("m1");
        intelligence.promptVersion = QStringLiteral("v1");
        return intelligence;
    }

private slots:
    void saveInsertsThenReplacesInPlace()
    {
        HubTest::TempWorkspace ws;
        QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
        const Lead lead = ws.saveBlocking(ws.makeLead(QStringLiteral("Repo Lead")));
        const QString org = ws.identity().orgId;
        ws.runBlocking([&](QSqlDatabase& db) {
            LeadIntelligenceRepository repository(db);
            QVERIFY(!repository.findForLead(lead.id));
            LeadIntelligence first = analysis(org, lead.id, 35);
            QVERIFY2(repository.save(first), qPrintable(repository.lastError()));
            QVERIFY(!first.id.isEmpty());
            QVERIFY(first.createdAt.isValid());
            const std::optional<LeadIntelligence> stored = repository.findForLead(lead.id);
            QVERIFY(stored);
            QCOMPARE(stored->painPoints, first.painPoints);
            QCOMPARE(stored->dealHeat, std::optional<int>(35));
            QCOMPARE(stored->rev, qint64(0));

            LeadIntelligence second = analysis(QString(), lead.id, std::nullopt); // org comes from the row
            second.buyingIntent = LeadIntelligence::Intent::Unknown;
            QVERIFY2(repository.save(second), qPrintable(repository.lastError()));
            QCOMPARE(second.id, first.id);
            QCOMPARE(second.orgId, org);
            const std::optional<LeadIntelligence> replaced = repository.findForLead(lead.id);
            QVERIFY(replaced);
            QVERIFY(!replaced->dealHeat);
            QCOMPARE(replaced->buyingIntent, LeadIntelligence::Intent::Unknown);
            QCOMPARE(replaced->createdAt, first.createdAt);
            QCOMPARE(replaced->rev, qint64(1));

            QVERIFY(repository.setLeadDealHeat(lead.id, 35));
            QVERIFY(repository.setLeadDealHeat(lead.id, std::nullopt));
            QVERIFY(!repository.setLeadDealHeat(QStringLiteral("missing"), 10));
            QVERIFY(!repository.lastError().isEmpty());
            QVERIFY(!repository.setEstimatedValue(QStringLiteral("missing"), 5, QDateTime::currentDateTimeUtc()));
        });
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM lead_intelligence")), 1);
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE deal_heat IS NULL")), 1);
    }

    void firstSaveNeedsAnOrganisation()
    {
        HubTest::TempWorkspace ws;
        QVERIFY(ws.ok());
        const Lead lead = ws.saveBlocking(ws.makeLead(QStringLiteral("Orphan")));
        ws.runBlocking([&](QSqlDatabase& db) {
            LeadIntelligenceRepository repository(db);
            LeadIntelligence intelligence = analysis(QString(), lead.id, 10);
            QVERIFY(!repository.save(intelligence));
            QVERIFY(!repository.lastError().isEmpty());
        });
        QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM lead_intelligence")), 0);
    }

    void topByHeatSkipsDeletedAndUnscoredLeads()
    {
        HubTest::TempWorkspace ws;
        QVERIFY(ws.ok());
        const QString org = ws.identity().orgId;
        QStringList ids;
        for (const QString& name : { QStringLiteral("Cold"), QStringLiteral("Hot"), QStringLiteral("Warm"),
                 QStringLiteral("Deleted hot"), QStringLiteral("Unscored") })
            ids.append(ws.saveBlocking(ws.makeLead(name)).id);
        const QList<std::optional<int>> heats { 10, 90, 55, 99, std::nullopt };
        ws.runBlocking([&](QSqlDatabase& db) {
            LeadIntelligenceRepository repository(db);
            for (int i = 0; i < ids.size(); ++i) {
                LeadIntelligence intelligence = analysis(org, ids.at(i), heats.at(i));
                QVERIFY(repository.save(intelligence));
            }
        });
        QVERIFY(ws.setDeletedBlocking({ ids.at(3) }, true).ok);
        ws.runBlocking([&](QSqlDatabase& db) {
            LeadIntelligenceRepository repository(db);
            const QList<LeadIntelligence> top = repository.topByHeat(10);
            QCOMPARE(top.size(), 3);
            QCOMPARE(top.at(0).leadId, ids.at(1));
            QCOMPARE(top.at(1).leadId, ids.at(2));
            QCOMPARE(top.at(2).leadId, ids.at(0));
            QCOMPARE(repository.topByHeat(1).size(), 1);
            QCOMPARE(repository.topByHeat(10, 50).size(), 2);
            const QList<LeadIntelligence> some
                = repository.findForLeads({ ids.at(0), QStringLiteral("nope"), ids.at(4) });
            QCOMPARE(some.size(), 2);
        });
    }

    void profileColumns()
    {
        HubTest::TempWorkspace ws;
        QVERIFY(ws.ok());
        const Lead lead = ws.saveBlocking(ws.makeLead(QStringLiteral("Profiled")));
        const Lead other = ws.saveBlocking(ws.makeLead(QStringLiteral("Garbage profile")));
        ws.runBlocking([&](QSqlDatabase& db) {
            AiProfileRepository repository(db);
            QVERIFY(!repository.find(lead.id));
            StoredAiProfile stored;
            stored.leadId = lead.id;
            stored.profile.oneLiner = QStringLiteral("Runs a cider press");
            stored.profile.confidence = 40;
            stored.profile.objections = { { QStringLiteral("Busy"), QStringLiteral("Ten minutes") } };
            stored.generatedAt = QDateTime::currentDateTimeUtc();
            stored.model = QStringLiteral("m2");
            QVERIFY2(repository.save(stored), qPrintable(repository.lastError()));
            const std::optional<StoredAiProfile> back = repository.find(lead.id);
            QVERIFY(back);
            QCOMPARE(back->profile, stored.profile);
            QCOMPARE(back->model, QStringLiteral("m2"));
            QCOMPARE(back->generatedAt.toMSecsSinceEpoch(), stored.generatedAt.toMSecsSinceEpoch());

            stored.leadId = QStringLiteral("missing");
            QVERIFY(!repository.save(stored));

            // Whatever an older version or an import left in the column is not a profile.
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE leads SET ai_profile = ? WHERE id = ?"));
            query.addBindValue(QStringLiteral("not json {"));
            query.addBindValue(other.id);
            QVERIFY(query.exec());
            QVERIFY(!repository.find(other.id));
        });
    }
};

QTEST_GUILESS_MAIN(tst_LeadIntelligenceRepository)
#include "tst_leadintelligencerepository.moc"
