#include "tests/unit/LeadRepositoryTestBase.h"

class tst_LeadRepository : public LeadRepositoryTestBase
{
    Q_OBJECT

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
    }

    void cleanup() { ws.reset(); }

    void roundTripEveryField()
    {
        const Lead input = fullLead();
        const Lead saved = ws->saveBlocking(input);
        QVERIFY(saved.isValid());
        QCOMPARE(saved.orgId, ws->identity().orgId);
        QCOMPARE(saved.ownerId, ws->identity().userId);
        QVERIFY(saved.createdAt.isValid());
        QCOMPARE(saved.updatedAt, saved.createdAt);
        QVERIFY(qAbs(saved.createdAt.msecsTo(QDateTime::currentDateTimeUtc())) < 60'000);

        Lead expected = input;
        expected.id = saved.id;
        expected.orgId = saved.orgId;
        expected.ownerId = saved.ownerId;
        expected.createdAt = saved.createdAt;
        expected.updatedAt = saved.updatedAt;
        const std::optional<Lead> found = ws->fetchLeadBlocking(saved.id);
        QVERIFY(found);
        QString diff = firstDifference(*found, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // Change every field; clear the optional ones.
        Lead changed = *found;
        changed.name = QStringLiteral("Jane Smith");
        changed.company = QStringLiteral("Bright Smiles");
        changed.contactPerson = QString();
        changed.title = QStringLiteral("CEO");
        changed.email = QStringLiteral("jane@brightsmiles.com");
        changed.phone = QString();
        changed.phoneRaw = QStringLiteral("not a number");
        changed.website = QString();
        changed.websiteIssues = QString();
        changed.location = QStringLiteral("Lisbon");
        changed.status = QStringLiteral("won");
        changed.source = QStringLiteral("Website");
        changed.industry = QStringLiteral("Retail");
        changed.tags = { QStringLiteral("vip") };
        changed.notes = QString();
        changed.valueMinor = 0;
        changed.currency = QStringLiteral("EUR");
        changed.doNotCall = false;
        changed.emailOptOut = false;
        changed.smsOptOut = false;
        changed.lawfulBasis = QStringLiteral("consent");
        changed.marketingConsent = false;
        changed.consentAt = QDateTime();
        changed.fieldSources = QStringLiteral("{}");
        changed.lastContactedAt = QDateTime();
        changed.rev = 8;
        changed.orgId = QStringLiteral("someone-else"); // ignored: a lead never moves to another organisation
        changed.createdAt = utc(2000, 1, 1, 0, 0, 0, 0); // ignored: creation time is fixed
        const Lead updated = ws->saveBlocking(changed);
        QVERIFY(updated.isValid());
        QCOMPARE(updated.id, saved.id);
        QCOMPARE(updated.createdAt, saved.createdAt);
        QVERIFY(updated.updatedAt >= saved.updatedAt);

        expected = changed;
        expected.orgId = saved.orgId;
        expected.createdAt = saved.createdAt;
        expected.updatedAt = updated.updatedAt;
        const std::optional<Lead> refound = ws->fetchLeadBlocking(saved.id);
        QVERIFY(refound);
        diff = firstDifference(*refound, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads")), 1);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads WHERE consent_at IS NULL AND "
                                              "last_contacted_at IS NULL")),
            1);
        QVERIFY2(ftsIntegrityError().isEmpty(), qPrintable(ftsIntegrityError()));
    }

    void repositoryDirectly()
    {
        Lead lead = fullLead();
        lead.id = Ids::newId();
        lead.orgId = ws->identity().orgId;
        lead.ownerId = QString(); // stored as NULL, read back empty
        lead.createdAt = lead.updatedAt = utc(2024, 1, 2, 3, 4, 5, 6);
        Lead other = lead;
        other.id = Ids::newId();
        other.name = QStringLiteral("Other");

        bool inserted = false;
        bool insertedTwice = true;
        bool updatedMissing = true;
        std::optional<Lead> found;
        std::optional<Lead> missing;
        QList<Lead> many;
        int count = -1;
        ws->runBlocking([&](QSqlDatabase& db) {
            LeadRepository repository(db);
            inserted = repository.insert(lead) && repository.insert(other);
            insertedTwice = repository.insert(lead);
            found = repository.find(lead.id);
            missing = repository.find(QStringLiteral("no-such-id"));
            many = repository.findMany({ other.id, QStringLiteral("no-such-id"), lead.id });
            Lead ghost = lead;
            ghost.id = QStringLiteral("no-such-id");
            updatedMissing = repository.update(ghost);
            count = repository.countAll();
        });
        QVERIFY(inserted);
        QVERIFY(!insertedTwice); // primary key
        QVERIFY(found);
        const QString diff = firstDifference(*found, lead);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(!missing);
        QCOMPARE(namesOf(many), (QStringList { QStringLiteral("Other"), lead.name }));
        QVERIFY(!updatedMissing);
        QCOMPARE(count, 2);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads WHERE owner_id IS NULL")), 2);
    }

    // deal_heat is written by the AI analysis only: read with the lead, never overwritten by saving the lead.
    void dealHeatIsReadOnly()
    {
        Lead lead = ws->makeLead(QStringLiteral("Heated"));
        lead.id = Ids::newId();
        lead.orgId = ws->identity().orgId;
        lead.createdAt = lead.updatedAt = QDateTime::currentDateTimeUtc();
        std::optional<Lead> fresh;
        std::optional<Lead> analysed;
        std::optional<Lead> afterSave;
        ws->runBlocking([&](QSqlDatabase& db) {
            LeadRepository repository(db);
            QVERIFY(repository.insert(lead));
            fresh = repository.find(lead.id);
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("UPDATE leads SET deal_heat = 81 WHERE id = '%1'").arg(lead.id)));
            analysed = repository.find(lead.id);
            Lead stale = *fresh; // read before the analysis landed
            stale.name = QStringLiteral("Heated (renamed)");
            QVERIFY(repository.update(stale));
            afterSave = repository.find(lead.id);
        });
        QVERIFY(fresh && analysed && afterSave);
        QCOMPARE(fresh->dealHeat, -1);
        QCOMPARE(analysed->dealHeat, 81);
        QCOMPARE(afterSave->name, QStringLiteral("Heated (renamed)"));
        QCOMPARE(afterSave->dealHeat, 81);
    }

    void filtersAndTotals_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("industry");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QVariantMap>("valueTotals");

        const QString none;
        QTest::newRow("everything") << none << none << none << none << none
                                    << QStringList { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                           QStringLiteral("E") }
                                    << QVariantMap { { QStringLiteral("EUR"), 40000 }, { QStringLiteral("USD"), 20000 },
                                           { QStringLiteral("GBP"), 700 } };
        QTest::newRow("status new") << QStringLiteral("new") << none << none << none << none
                                    << QStringList { QStringLiteral("A"), QStringLiteral("B") }
                                    << QVariantMap { { QStringLiteral("EUR"), 10000 },
                                           { QStringLiteral("USD"), 20000 } };
        QTest::newRow("status won skips the deleted lead")
            << QStringLiteral("won") << none << none << none << none << QStringList { QStringLiteral("C") }
            << QVariantMap { { QStringLiteral("EUR"), 30000 } };
        QTest::newRow("empty stage") << QStringLiteral("proposal") << none << none << none << none << QStringList {}
                                     << QVariantMap {};
        QTest::newRow("source, any case") << none << QStringLiteral("REFERRAL") << none << none << none
                                          << QStringList { QStringLiteral("A"), QStringLiteral("C") }
                                          << QVariantMap { { QStringLiteral("EUR"), 40000 } };
        QTest::newRow("industry") << none << none << QStringLiteral("retail") << none << none
                                  << QStringList { QStringLiteral("B") }
                                  << QVariantMap { { QStringLiteral("USD"), 20000 } };
        QTest::newRow("tag is exact, any case")
            << none << none << none << QStringLiteral("hot") << none
            << QStringList { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("E") }
            << QVariantMap { { QStringLiteral("EUR"), 10000 }, { QStringLiteral("USD"), 20000 },
                   { QStringLiteral("GBP"), 700 } };
        QTest::newRow("tag in the middle of the list")
            << none << none << none << QStringLiteral("local") << none << QStringList { QStringLiteral("B") }
            << QVariantMap { { QStringLiteral("USD"), 20000 } };
        QTest::newRow("tag with LIKE wildcards")
            << none << none << none << QStringLiteral("h_t") << none << QStringList {} << QVariantMap {};
        QTest::newRow("tag percent") << none << none << none << QStringLiteral("%") << none << QStringList {}
                                     << QVariantMap {};
        QTest::newRow("combined") << QStringLiteral("new") << QStringLiteral("website") << QStringLiteral("Retail")
                                  << QStringLiteral("hot") << QStringLiteral("bee")
                                  << QStringList { QStringLiteral("B") }
                                  << QVariantMap { { QStringLiteral("USD"), 20000 } };
        QTest::newRow("combined, search misses") << QStringLiteral("new") << none << none << none
                                                 << QStringLiteral("zebra") << QStringList {} << QVariantMap {};
    }

    void filtersAndTotals()
    {
        QFETCH(QString, status);
        QFETCH(QString, source);
        QFETCH(QString, industry);
        QFETCH(QString, tag);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QFETCH(QVariantMap, valueTotals);

        struct Row {
            const char* name;
            const char* status;
            const char* source;
            const char* industry;
            QStringList tags;
            qint64 value;
            const char* currency;
            bool deleted;
        };
        const QList<Row> rows {
            { "A", "new", "Referral", "Healthcare", { QStringLiteral("hot") }, 10000, "EUR", false },
            { "B", "new", "Website", "Retail",
                { QStringLiteral("busy"), QStringLiteral("local"), QStringLiteral("hot") }, 20000, "USD", false },
            { "C", "won", "referral", "healthcare", { QStringLiteral("hotel") }, 30000, "EUR", false },
            { "D", "won", "LinkedIn", "Retail", { QStringLiteral("hot") }, 5000, "EUR", true },
            { "E", "lost", "", "", { QStringLiteral("Hot") }, 700, "GBP", false },
        };
        for (const Row& row : rows) {
            Lead lead = ws->makeLead(QString::fromLatin1(row.name), QString::fromLatin1(row.status));
            lead.source = QString::fromLatin1(row.source);
            lead.industry = QString::fromLatin1(row.industry);
            lead.tags = row.tags;
            lead.valueMinor = row.value;
            lead.currency = QString::fromLatin1(row.currency);
            if (lead.name == QLatin1String("B"))
                lead.notes = QStringLiteral("Beekeeping supplies");
            lead = ws->saveBlocking(lead);
            QVERIFY(lead.isValid());
            if (row.deleted)
                QVERIFY(ws->setDeletedBlocking({ lead.id }, true).ok);
        }

        LeadFilter filter;
        filter.status = status;
        filter.source = source;
        filter.industry = industry;
        filter.tag = tag;
        filter.search = text;
        const LeadPage page = ws->fetchPageBlocking(filter, 0, 100);
        QCOMPARE(sorted(namesOf(page.leads)), sorted(expected));
        QCOMPARE(page.total, expected.size());
        QVariantMap totals;
        for (auto it = page.valueTotals.cbegin(); it != page.valueTotals.cend(); ++it)
            totals.insert(it.key(), it.value());
        QCOMPARE(totals, valueTotals);

        // limit 0 asks for the figures only.
        const LeadPage figures = ws->fetchPageBlocking(filter, 0, 0);
        QVERIFY(figures.leads.isEmpty());
        QCOMPARE(figures.total, page.total);
        QCOMPARE(figures.valueTotals, page.valueTotals);

        QCOMPARE(matchedLocally(filter), sorted(expected));
    }

    // The list's and the Kanban columns' totals come from lead_totals, which triggers keep in step with every change.
    void totalsFollowEveryChange()
    {
        const auto expectTotals = [this](int total, const QMap<QString, qint64>& values, const QString& status = {}) {
            QVERIFY2(totalsMismatch().isEmpty(), qPrintable(totalsMismatch()));
            LeadFilter filter;
            filter.status = status;
            const LeadPage page = ws->fetchPageBlocking(filter, 0, 0);
            QCOMPARE(page.total, total);
            QCOMPARE(page.valueTotals, values);
        };
        const auto save = [this](const QString& name, const QString& status, qint64 value, const QString& currency) {
            Lead lead = ws->makeLead(name, status);
            lead.valueMinor = value;
            lead.currency = currency;
            return ws->saveBlocking(lead);
        };
        Lead a = save(QStringLiteral("A"), QStringLiteral("new"), 100, QStringLiteral("EUR"));
        Lead b = save(QStringLiteral("B"), QStringLiteral("new"), 200, QStringLiteral("USD"));
        const Lead c = save(QStringLiteral("C"), QStringLiteral("won"), 300, QStringLiteral("EUR"));
        QVERIFY(a.isValid() && b.isValid() && c.isValid());
        expectTotals(3, { { QStringLiteral("EUR"), 400 }, { QStringLiteral("USD"), 200 } });
        expectTotals(2, { { QStringLiteral("EUR"), 100 }, { QStringLiteral("USD"), 200 } }, QStringLiteral("new"));

        a.status = QStringLiteral("won");
        a.valueMinor = 150;
        a = ws->saveBlocking(a);
        QVERIFY(a.isValid());
        expectTotals(2, { { QStringLiteral("EUR"), 450 } }, QStringLiteral("won"));
        expectTotals(1, { { QStringLiteral("USD"), 200 } }, QStringLiteral("new"));

        b.currency = QStringLiteral("EUR");
        b = ws->saveBlocking(b);
        QVERIFY(b.isValid());
        expectTotals(3, { { QStringLiteral("EUR"), 650 } });

        QVERIFY(ws->setDeletedBlocking({ c.id }, true).ok);
        expectTotals(1, { { QStringLiteral("EUR"), 150 } }, QStringLiteral("won"));
        QVERIFY(ws->setDeletedBlocking({ c.id }, false).ok);
        expectTotals(3, { { QStringLiteral("EUR"), 650 } });

        ws->runBlocking([&](QSqlDatabase& db) {
            for (const QString& sql : { QStringLiteral("DELETE FROM activities WHERE lead_id = ?"),
                     QStringLiteral("DELETE FROM leads WHERE id = ?") }) {
                QSqlQuery remove(db);
                remove.prepare(sql);
                remove.addBindValue(b.id);
                QVERIFY2(remove.exec(), qPrintable(remove.lastError().text()));
            }
        });
        expectTotals(2, { { QStringLiteral("EUR"), 450 } });
        // A stage whose last lead left keeps an empty row, which lists no currency.
        expectTotals(0, {}, QStringLiteral("new"));
    }

    void sorting_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QStringList>("expected");

        using Key = LeadFilter::SortKey;
        const QStringList byName { QStringLiteral("Alpha"), QStringLiteral("bravo"), QStringLiteral("Charlie"),
            QStringLiteral("delta") };
        QStringList reversed = byName;
        std::reverse(reversed.begin(), reversed.end());
        QTest::newRow("name asc, case-insensitive") << int(Key::Name) << false << byName;
        QTest::newRow("name desc") << int(Key::Name) << true << reversed;
        const QStringList byValue { QStringLiteral("Alpha"), QStringLiteral("delta"), QStringLiteral("bravo"),
            QStringLiteral("Charlie") };
        QStringList byValueDesc = byValue;
        std::reverse(byValueDesc.begin(), byValueDesc.end());
        QTest::newRow("value asc") << int(Key::Value) << false << byValue;
        QTest::newRow("value desc") << int(Key::Value) << true << byValueDesc;
        QTest::newRow("company asc") << int(Key::Company) << false
                                     << QStringList { QStringLiteral("delta"), QStringLiteral("Charlie"),
                                            QStringLiteral("bravo"), QStringLiteral("Alpha") };
        QTest::newRow("stage order asc") << int(Key::Status) << false
                                         << QStringList { QStringLiteral("Alpha"), QStringLiteral("Charlie"),
                                                QStringLiteral("bravo"), QStringLiteral("delta") };
        // Saved in the order bravo, Alpha, Charlie, delta.
        QTest::newRow("updated desc (default)") << int(Key::Updated) << true
                                                << QStringList { QStringLiteral("delta"), QStringLiteral("Charlie"),
                                                       QStringLiteral("Alpha"), QStringLiteral("bravo") };
        QTest::newRow("created asc") << int(Key::Created) << false
                                     << QStringList { QStringLiteral("bravo"), QStringLiteral("Alpha"),
                                            QStringLiteral("Charlie"), QStringLiteral("delta") };
    }

    void sorting()
    {
        QFETCH(int, key);
        QFETCH(bool, descending);
        QFETCH(QStringList, expected);

        struct Row {
            const char* name;
            const char* company;
            const char* status;
            qint64 value;
        };
        for (const Row& row : { Row { "bravo", "Zeta", "won", 300 }, Row { "Alpha", "zulu", "new", 100 },
                 Row { "Charlie", "Yankee", "contacted", 400 }, Row { "delta", "X-ray", "lost", 200 } }) {
            Lead lead = ws->makeLead(QString::fromLatin1(row.name), QString::fromLatin1(row.status));
            lead.company = QString::fromLatin1(row.company);
            lead.valueMinor = row.value;
            QVERIFY(ws->saveBlocking(lead).isValid());
        }
        LeadFilter filter;
        filter.sortKey = static_cast<LeadFilter::SortKey>(key);
        filter.descending = descending;
        QCOMPARE(namesOf(ws->pageBlocking(filter)), expected);
    }

    void pagingHasNoGapsOrDuplicates_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("by value, all equal: id breaks ties") << int(LeadFilter::SortKey::Value) << false << 60;
        QTest::newRow("by name") << int(LeadFilter::SortKey::Name) << false << 60;
        QTest::newRow("updated desc, page 1") << int(LeadFilter::SortKey::Updated) << true << 1;
        QTest::newRow("by stage, page 7") << int(LeadFilter::SortKey::Status) << true << 7;
    }

    void pagingHasNoGapsOrDuplicates()
    {
        QFETCH(int, key);
        QFETCH(bool, descending);
        QFETCH(int, pageSize);

        const int count = 250;
        QList<int> order(count);
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), *QRandomGenerator::global());
        const QStringList stages { QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("won") };
        const QString orgId = ws->identity().orgId;
        ws->runBlocking([&](QSqlDatabase& db) {
            QVERIFY(db.transaction());
            LeadRepository repository(db);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int i : std::as_const(order)) {
                Lead lead;
                lead.id = Ids::newId();
                lead.orgId = orgId;
                lead.name = QStringLiteral("Lead %1").arg(i, 3, 10, QLatin1Char('0'));
                lead.status = stages.at(i % stages.size());
                lead.valueMinor = 100;
                lead.createdAt = lead.updatedAt = now.addSecs(i % 5); // plenty of ties
                QVERIFY2(repository.insert(lead), qPrintable(repository.lastError()));
            }
            QVERIFY(db.commit());
        });

        LeadFilter filter;
        filter.sortKey = static_cast<LeadFilter::SortKey>(key);
        filter.descending = descending;
        const QList<Lead> all = ws->pageBlocking(filter, 0, count + 10);
        QCOMPARE(all.size(), count);

        QList<Lead> collected;
        for (int offset = 0; offset < count + pageSize; offset += pageSize) {
            const LeadPage page = ws->fetchPageBlocking(filter, offset, pageSize);
            QCOMPARE(page.total, count);
            QCOMPARE(page.leads.size(), qBound(0, count - offset, pageSize));
            collected += page.leads;
        }
        QStringList ids;
        for (const Lead& lead : std::as_const(collected))
            ids.append(lead.id);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), count);
        QCOMPARE(namesOf(collected), namesOf(all)); // pages concatenate to the same order
        if (filter.sortKey == LeadFilter::SortKey::Name) {
            for (int i = 0; i < count; ++i)
                QCOMPARE(collected.at(i).name, QStringLiteral("Lead %1").arg(i, 3, 10, QLatin1Char('0')));
        }
    }

    void megabyteNotes()
    {
        QString notes;
        notes.reserve(1 << 20);
        const QStringList words { QStringLiteral("lorem"), QStringLiteral("ipsum"), QStringLiteral("Zoë"),
            QStringLiteral("🚀"), QStringLiteral("'quoted'"), QStringLiteral("line\n") };
        for (int i = 0; notes.size() < (1 << 20) - 64; ++i)
            notes += words.at(i % words.size()) + QLatin1Char(' ');
        notes += QStringLiteral("needleword");
        notes = notes.leftJustified(1 << 20, QLatin1Char('.'));
        QCOMPARE(notes.size(), 1 << 20);

        Lead lead = ws->makeLead(QStringLiteral("Big Notes"));
        lead.notes = notes;
        const Lead saved = ws->saveBlocking(lead);
        QVERIFY(saved.isValid());
        const std::optional<Lead> found = ws->fetchLeadBlocking(saved.id);
        QVERIFY(found);
        QCOMPARE(found->notes.size(), notes.size());
        QVERIFY(found->notes == notes);
        QCOMPARE(search(QStringLiteral("needlew")), QStringList { QStringLiteral("Big Notes") });
        QCOMPARE(ws->pageBlocking(LeadFilter {}).first().notes.size(), notes.size());

        Lead shorter = *found;
        shorter.notes = QStringLiteral("short now");
        QVERIFY(ws->saveBlocking(shorter).isValid());
        QCOMPARE(search(QStringLiteral("needlew")), QStringList {});
        QVERIFY2(ftsIntegrityError().isEmpty(), qPrintable(ftsIntegrityError()));
    }

    void filterChoices()
    {
        struct Row {
            const char* name;
            const char* source;
            const char* industry;
            QStringList tags;
            bool deleted;
        };
        for (const Row& row :
            { Row { "A", "Website", "Retail", { QStringLiteral("hot"), QStringLiteral("local") }, false },
                Row { "B", "Referral", "", { QStringLiteral("Hot"), QStringLiteral("vip") }, false },
                Row { "C", "LinkedIn", "Mining", { QStringLiteral("secret") }, true },
                Row { "D", "", "Healthcare", {}, false } }) {
            Lead lead = ws->makeLead(QString::fromLatin1(row.name));
            lead.source = QString::fromLatin1(row.source);
            lead.industry = QString::fromLatin1(row.industry);
            lead.tags = row.tags;
            lead = ws->saveBlocking(lead);
            QVERIFY(lead.isValid());
            if (row.deleted)
                QVERIFY(ws->setDeletedBlocking({ lead.id }, true).ok);
        }
        const std::optional<FilterChoices> choices = HubTest::waitForCallback<FilterChoices>(
            [&](QObject* context, auto done) { ws->store().loadFilterChoices(context, done); },
            QStringLiteral("loadFilterChoices"));
        QVERIFY(choices);
        QCOMPARE(choices->sources, (QStringList { QStringLiteral("Referral"), QStringLiteral("Website") }));
        QCOMPARE(choices->industries, (QStringList { QStringLiteral("Healthcare"), QStringLiteral("Retail") }));
        QCOMPARE(
            choices->tags, (QStringList { QStringLiteral("hot"), QStringLiteral("local"), QStringLiteral("vip") }));

        QStringList injected;
        ws->runBlocking([&](QSqlDatabase& db) {
            injected = LeadRepository(db).distinctValues(QStringLiteral("name FROM leads; DROP TABLE leads; --"));
        });
        QVERIFY(injected.isEmpty());
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads")), 4);
    }
};

QTEST_GUILESS_MAIN(tst_LeadRepository)
#include "tst_leadrepository.moc"
