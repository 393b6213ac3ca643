#include "tests/unit/LeadRepositoryTestBase.h"

class tst_LeadSearch : public LeadRepositoryTestBase
{
    Q_OBJECT

    using LeadRepositoryTestBase::search; // the helper, next to the data-driven slot of the same name

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
    }

    void cleanup() { ws.reset(); }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        const QString jane = QStringLiteral("Jane Doe");
        const QString bob = QStringLiteral("Bob Stone");
        const QString zoe = QStringLiteral("Zoë Ünïcødé");
        QTest::newRow("company prefix: acm") << QStringLiteral("acm") << QStringList { bob, jane };
        QTest::newRow("company words") << QStringLiteral("acme dental") << QStringList { jane };
        QTest::newRow("two prefixes AND") << QStringLiteral("acm dent") << QStringList { jane };
        QTest::newRow("order does not matter") << QStringLiteral("dent acm") << QStringList { jane };
        QTest::newRow("one term misses") << QStringLiteral("acme zebra") << QStringList {};
        QTest::newRow("name") << QStringLiteral("jan") << QStringList { jane };
        QTest::newRow("upper case") << QStringLiteral("JANE") << QStringList { jane };
        QTest::newRow("contact person") << QStringLiteral("brien") << QStringList { jane };
        QTest::newRow("email") << QStringLiteral("acmedent") << QStringList { jane };
        QTest::newRow("email domain") << QStringLiteral("stoneroofing.com") << QStringList { bob };
        QTest::newRow("phone") << QStringLiteral("4420794") << QStringList { jane };
        QTest::newRow("phone with plus") << QStringLiteral("+1415") << QStringList { bob };
        QTest::newRow("notes") << QStringLiteral("chamb") << QStringList { jane };
        QTest::newRow("notes other lead") << QStringLiteral("pricing") << QStringList { bob };
        QTest::newRow("tag") << QStringLiteral("warm") << QStringList { bob };
        QTest::newRow("tag part") << QStringLiteral("redesign") << QStringList { jane };
        QTest::newRow("infix does not match") << QStringLiteral("cme") << QStringList {};
        QTest::newRow("title is not searched") << QStringLiteral("owner") << QStringList {};
        QTest::newRow("unicode as typed") << QStringLiteral("zoë") << QStringList { zoe };
        QTest::newRow("unicode upper case") << QStringLiteral("ZOË ÜNÏ") << QStringList { zoe };
        QTest::newRow("without diacritics") << QStringLiteral("zoe") << QStringList { zoe };
        QTest::newRow("company without diacritics") << QStringLiteral("cafe elan") << QStringList { zoe };
        QTest::newRow("FTS operators are text") << QStringLiteral("acme OR zebra") << QStringList {};
        QTest::newRow("NEAR is text") << QStringLiteral("NEAR(acme dental)") << QStringList {};
        QTest::newRow("quotes and star") << QStringLiteral("\"acme\" dent*") << QStringList { jane };
        QTest::newRow("minus is not NOT") << QStringLiteral("acme -dental") << QStringList { jane };
        QTest::newRow("column syntax is text") << QStringLiteral("name:jane") << QStringList {};
        QTest::newRow("nothing searchable") << QStringLiteral("% _ \\ *") << QStringList { bob, jane, zoe };
        QTest::newRow("empty") << QString() << QStringList { bob, jane, zoe };
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);

        Lead jane = ws->makeLead(QStringLiteral("Jane Doe"));
        jane.company = QStringLiteral("Acme Dental");
        jane.contactPerson = QStringLiteral("Robert O'Brien");
        jane.title = QStringLiteral("Owner");
        jane.email = QStringLiteral("jane@acmedental.io");
        jane.phone = QStringLiteral("+442079460958");
        jane.notes = QStringLiteral("Met at the chamber breakfast.");
        jane.tags = { QStringLiteral("hot"), QStringLiteral("website-redesign") };
        Lead bob = ws->makeLead(QStringLiteral("Bob Stone"));
        bob.company = QStringLiteral("Stone Roofing");
        bob.email = QStringLiteral("bob@stoneroofing.com");
        bob.phone = QStringLiteral("+14155552671");
        bob.notes = QStringLiteral("Asked about Acme's pricing.");
        bob.tags = { QStringLiteral("warm") };
        Lead zoe = ws->makeLead(QStringLiteral("Zoë Ünïcødé"));
        zoe.company = QStringLiteral("Café Élan");
        zoe.email = QStringLiteral("hello@example.org"); // no unaccented spelling anywhere
        for (const Lead& lead : { jane, bob, zoe })
            QVERIFY(ws->saveBlocking(lead).isValid());

        QCOMPARE(search(text), sorted(expected));

        // Open lists decide with LeadFilter::matches() whether a changed lead still belongs: it must agree with SQL.
        LeadFilter filter;
        filter.search = text;
        QCOMPARE(matchedLocally(filter), sorted(expected));
    }

    void searchFollowsUpdatesAndDeletes()
    {
        Lead lead = ws->makeLead(QStringLiteral("Acme Dental"));
        lead.notes = QStringLiteral("alpha");
        lead = ws->saveBlocking(lead);
        QVERIFY(lead.isValid());
        Lead other = ws->saveBlocking(ws->makeLead(QStringLiteral("Acme Bakery")));
        QVERIFY(other.isValid());
        QCOMPARE(search(QStringLiteral("acme")),
            (QStringList { QStringLiteral("Acme Bakery"), QStringLiteral("Acme Dental") }));

        lead.name = QStringLiteral("Bright Smiles");
        lead.notes = QStringLiteral("omega");
        QVERIFY(ws->saveBlocking(lead).isValid());
        QCOMPARE(search(QStringLiteral("acme")), QStringList { QStringLiteral("Acme Bakery") });
        QCOMPARE(search(QStringLiteral("alpha")), QStringList {});
        QCOMPARE(search(QStringLiteral("bright smi")), QStringList { QStringLiteral("Bright Smiles") });
        QCOMPARE(search(QStringLiteral("omeg")), QStringList { QStringLiteral("Bright Smiles") });

        // Tags are indexed too, also when changed through changeTag.
        QVERIFY(ws->changeTagBlocking({ lead.id }, QStringLiteral("platinum"), true).ok);
        QCOMPARE(search(QStringLiteral("platin")), QStringList { QStringLiteral("Bright Smiles") });

        // Tombstoned leads vanish from search, pages and totals, and come back when restored.
        QVERIFY(ws->setDeletedBlocking({ lead.id }, true).ok);
        QCOMPARE(search(QStringLiteral("bright")), QStringList {});
        QCOMPARE(search(QStringLiteral("platin")), QStringList {});
        const LeadPage page = ws->fetchPageBlocking(LeadFilter {});
        QCOMPARE(namesOf(page.leads), QStringList { QStringLiteral("Acme Bakery") });
        QCOMPARE(page.total, 1);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads")), 2); // a tombstone, not a delete

        QVERIFY(ws->setDeletedBlocking({ lead.id }, false).ok);
        QCOMPARE(search(QStringLiteral("bright")), QStringList { QStringLiteral("Bright Smiles") });
        QVERIFY2(ftsIntegrityError().isEmpty(), qPrintable(ftsIntegrityError()));

        // A real DELETE (e.g. a future purge) keeps the index consistent through the trigger.
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("DELETE FROM activities")));
            query.prepare(QStringLiteral("DELETE FROM leads WHERE id = ?"));
            query.addBindValue(lead.id);
            QVERIFY(query.exec());
        });
        QCOMPARE(search(QStringLiteral("bright")), QStringList {});
        QVERIFY2(ftsIntegrityError().isEmpty(), qPrintable(ftsIntegrityError()));
    }

    void hostileText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("SQL injection") << QStringLiteral("'; DROP TABLE leads; --");
        QTest::newRow("double-quote injection") << QStringLiteral("\" OR 1=1 --");
        QTest::newRow("Bobby Tables") << QStringLiteral("Robert'); DELETE FROM leads WHERE ('1'='1");
        QTest::newRow("percent") << QStringLiteral("%");
        QTest::newRow("underscore") << QStringLiteral("_");
        QTest::newRow("backslash") << QStringLiteral("\\");
        QTest::newRow("LIKE soup") << QStringLiteral("100% _real_ \\%\\_ deal");
        QTest::newRow("FTS syntax") << QStringLiteral("NEAR(\"a\" b*) OR c AND NOT d ^e {name}: f");
        QTest::newRow("emoji and diacritics") << QStringLiteral("👩‍💻 Zoë Ünïcødé 🚀");
        QTest::newRow("right-to-left and CJK") << QStringLiteral("شركة النور 株式会社 テスト");
        QTest::newRow("control characters") << QStringLiteral("tab\there\r\nnew line\u0007bell");
        QTest::newRow("the word NULL") << QStringLiteral("NULL");
    }

    void hostileText()
    {
        QFETCH(QString, text);

        Lead control = ws->makeLead(QStringLiteral("Control Lead"));
        control.tags = { QStringLiteral("plain") };
        control.source = QStringLiteral("Website");
        QVERIFY(ws->saveBlocking(control).isValid());

        Lead lead;
        lead.name = text;
        lead.company = text;
        lead.contactPerson = text;
        lead.title = text;
        lead.email = text;
        lead.phone = text;
        lead.phoneRaw = text;
        lead.website = text;
        lead.websiteIssues = text;
        lead.location = text;
        lead.status = text;
        lead.source = text;
        lead.industry = text;
        lead.tags = { text };
        lead.notes = text;
        lead.currency = text;
        lead.lawfulBasis = text;
        lead.fieldSources = text;
        const Lead saved = ws->saveBlocking(lead);
        QVERIFY(saved.isValid());

        const std::optional<Lead> found = ws->fetchLeadBlocking(saved.id);
        QVERIFY(found);
        Lead expected = lead;
        expected.id = saved.id;
        expected.orgId = saved.orgId;
        expected.ownerId = saved.ownerId;
        expected.createdAt = saved.createdAt;
        expected.updatedAt = saved.updatedAt;
        const QString diff = firstDifference(*found, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // Searchable by its own words; text without words searches nothing (the list stays unfiltered).
        LeadFilter bySearch;
        bySearch.search = text;
        const QStringList hits = namesOf(ws->pageBlocking(bySearch));
        if (bySearch.searchTerms().isEmpty())
            QCOMPARE(sorted(hits), sorted({ control.name, text }));
        else
            QCOMPARE(hits, QStringList { text });
        QCOMPARE(matchedLocally(bySearch), sorted(hits));

        // Exact filters treat it as a value, never as a pattern.
        for (const char* field : { "status", "source", "industry", "tag" }) {
            LeadFilter filter;
            if (qstrcmp(field, "status") == 0)
                filter.status = text;
            else if (qstrcmp(field, "source") == 0)
                filter.source = text;
            else if (qstrcmp(field, "industry") == 0)
                filter.industry = text;
            else
                filter.tag = text;
            const LeadPage page = ws->fetchPageBlocking(filter);
            QVERIFY2(namesOf(page.leads) == QStringList { text }, field);
            QCOMPARE(page.total, 1);
        }

        // Saving it again (update path) keeps it intact as well.
        Lead again = *found;
        again.notes = text + QLatin1Char(' ') + text;
        const Lead updated = ws->saveBlocking(again);
        QVERIFY(updated.isValid());
        QCOMPARE(ws->fetchLeadBlocking(saved.id)->notes, again.notes);

        QCOMPARE(
            ws->countRows(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'leads'")),
            1);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads")), 2);
        QVERIFY2(ftsIntegrityError().isEmpty(), qPrintable(ftsIntegrityError()));
    }
};

QTEST_GUILESS_MAIN(tst_LeadSearch)
#include "tst_leadsearch.moc"
