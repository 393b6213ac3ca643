#include "tests/unit/LeadRepositoryTestBase.h"

// LeadRepository::insertMany (LeadBulkInserter): rows in multi-row statements, their search index and list figures
// written afterwards in one statement each. The rows must be as findable, countable and intact as saved ones, and a
// failure must leave nothing behind.
class tst_LeadBulkInsert : public LeadRepositoryTestBase
{
    Q_OBJECT

private:
    QList<Lead> makeLeads(int count)
    {
        QList<Lead> leads;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < count; ++i) {
            Lead lead = ws->makeLead(QStringLiteral("Bulk Lead %1").arg(i, 4, 10, QLatin1Char('0')));
            lead.id = Ids::newId();
            lead.orgId = ws->identity().orgId;
            lead.ownerId = ws->identity().userId;
            lead.company = i % 2 ? QStringLiteral("Harbor Realty") : QStringLiteral("Café Élan");
            lead.valueMinor = 1000 + i;
            lead.createdAt = lead.updatedAt = now;
            leads.append(lead);
        }
        return leads;
    }

    bool insertMany(const QList<Lead>& leads, QString* error = nullptr)
    {
        bool ok = false;
        ws->runBlocking([&](QSqlDatabase& db) {
            LeadRepository repository(db);
            ok = repository.insertMany(leads);
            if (error)
                *error = repository.lastError();
        });
        return ok;
    }

    int deferring() const
    {
        return ws->countRows(QStringLiteral("SELECT deferring FROM lead_index_control"));
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
    }

    void cleanup() { ws.reset(); }

    void insertedRowsAreSearchableAndCounted_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("one") << 1;
        QTest::newRow("under one statement") << 499;
        QTest::newRow("exactly one statement") << 500;
        QTest::newRow("every statement size") << 1234; // 2 × 500, 4 × 50, 6 × 5, 4 × 1
        QTest::newRow("several full statements") << 2500;
    }

    void insertedRowsAreSearchableAndCounted()
    {
        QFETCH(int, count);
        QVERIFY(ws->saveBlocking(ws->makeLead(QStringLiteral("Saved Before"))).isValid());

        QList<Lead> leads = makeLeads(count);
        leads.last().notes = QStringLiteral("Robert'); DELETE FROM leads; -- 👩‍💻 Zoë");
        leads.last().tags = { QStringLiteral("vip"), QStringLiteral("q3") };
        QString error;
        QVERIFY2(insertMany(leads, &error), qPrintable(error));

        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads")), count + 1);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM lead_figures")), count + 1);
        QCOMPARE(deferring(), 0);
        QVERIFY2(ftsIntegrityError().isEmpty(), qPrintable(ftsIntegrityError()));
        QVERIFY2(totalsMismatch().isEmpty(), qPrintable(totalsMismatch()));
        LeadFilter bulkLeads;
        bulkLeads.search = QStringLiteral("bulk lead");
        QCOMPARE(ws->fetchPageBlocking(bulkLeads).total, count); // search() lists one page
        QCOMPARE(search(leads.last().name), QStringList { leads.last().name });
        QCOMPARE(search(QStringLiteral("zoe")), QStringList { leads.last().name });
        QCOMPARE(search(QStringLiteral("q3")), QStringList { leads.last().name });
        LeadFilter accented;
        accented.search = QStringLiteral("cafe elan");
        QCOMPARE(ws->fetchPageBlocking(accented).total, (count + 1) / 2);

        const LeadPage page = ws->fetchPageBlocking(LeadFilter {});
        QCOMPARE(page.total, count + 1);

        // Every field as written, empty text stays empty (not NULL).
        const std::optional<Lead> found = ws->fetchLeadBlocking(leads.last().id);
        QVERIFY(found);
        const QString diff = firstDifference(*found, leads.last());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads WHERE title IS NULL OR email IS NULL")), 0);

        // The per-row triggers are back: a lead saved afterwards is indexed at once.
        QVERIFY(ws->saveBlocking(ws->makeLead(QStringLiteral("Saved After"))).isValid());
        QCOMPARE(search(QStringLiteral("saved after")), QStringList { QStringLiteral("Saved After") });
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM lead_figures")), count + 2);
        QVERIFY2(totalsMismatch().isEmpty(), qPrintable(totalsMismatch()));
    }

    void failureLeavesNothing()
    {
        QList<Lead> leads = makeLeads(1800);
        leads[1500].id = leads[20].id; // a later statement (of 50 rows) hits the primary key
        QString error;
        QVERIFY(!insertMany(leads, &error));
        QVERIFY2(error.contains(QStringLiteral("UNIQUE"), Qt::CaseInsensitive), qPrintable(error));

        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads")), 0);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM lead_figures")), 0);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM lead_totals WHERE leads <> 0")), 0);
        QCOMPARE(deferring(), 0);
        QVERIFY2(ftsIntegrityError().isEmpty(), qPrintable(ftsIntegrityError()));

        // The same connection goes on working normally.
        QVERIFY(ws->saveBlocking(ws->makeLead(QStringLiteral("Still Works"))).isValid());
        QCOMPARE(search(QStringLiteral("still")), QStringList { QStringLiteral("Still Works") });
    }
};

QTEST_GUILESS_MAIN(tst_LeadBulkInsert)
#include "tst_leadbulkinsert.moc"
