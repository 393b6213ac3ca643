#include "models/Ids.h"
#include "services/pricing/LeadValueEstimation.h"
#include "services/pricing/ServiceCatalogRepository.h"
#include "services/pricing/ServiceCatalogStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using HubTest::TempWorkspace;

class tst_ServiceCatalog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    std::unique_ptr<ServiceCatalogStore> store;

    ServiceOffering make(const QString& name, qint64 price, const QStringList& keywords) const
    {
        ServiceOffering s;
        s.id = Ids::newId();
        s.orgId = ws->identity().orgId;
        s.name = name;
        s.priceMinor = price;
        s.currency = QStringLiteral("EUR");
        s.keywords = keywords;
        s.createdAt = s.updatedAt = QDateTime::currentDateTimeUtc();
        return s;
    }

    ServiceCatalogWriteOutcome waitWrite(const std::function<void(QObject*, ServiceCatalogStore::Done)>& start)
    {
        return HubTest::waitForCallback<ServiceCatalogWriteOutcome>(
            [&](QObject* c, std::function<void(const ServiceCatalogWriteOutcome&)> d) { start(c, d); },
            QStringLiteral("catalog write"))
            .value_or(ServiceCatalogWriteOutcome::failure(QStringLiteral("timeout")));
    }

    ServiceCatalogListing listing()
    {
        return HubTest::waitForCallback<ServiceCatalogListing>(
            [&](QObject* c, std::function<void(const ServiceCatalogListing&)> d) { store->list(c, d); },
            QStringLiteral("list"))
            .value_or(ServiceCatalogListing());
    }

    void addCall(const QString& leadId, const QString& transcript)
    {
        exec(QStringLiteral("INSERT INTO calls (id, org_id, lead_id, provider, transcript, created_at, updated_at) "
                            "VALUES (?, ?, ?, 'vapi', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"),
            { Ids::newId(), ws->identity().orgId, leadId, transcript });
    }

    void exec(const QString& sql, const QVariantList& values = {})
    {
        bool ok = false;
        QString error;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& value : values)
                query.addBindValue(value);
            ok = query.exec();
            error = query.lastError().text();
        });
        QVERIFY2(ok, qPrintable(error));
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        store = std::make_unique<ServiceCatalogStore>(&ws->executor());
        store->setIdentity(ws->identity());
    }

    void cleanup()
    {
        store.reset();
        ws.reset();
    }

    void repositoryCrudAndSoftDelete()
    {
        const QString org = ws->identity().orgId;
        ServiceOffering seo = make(QStringLiteral("SEO audit"), 90000, { QStringLiteral("seo") });
        ServiceOffering web = make(QStringLiteral("Website"), 450000,
            { QStringLiteral("website"), QStringLiteral("it's \"quoted\""),
                QStringLiteral("'); DROP TABLE leads; --") });
        ServiceOffering paused = make(QStringLiteral("Print"), 1000, { QStringLiteral("print") });
        paused.active = false;
        ws->runBlocking([&](QSqlDatabase& db) {
            ServiceCatalogRepository repository(db);
            QVERIFY2(repository.insert(seo), qPrintable(repository.lastError()));
            QVERIFY2(repository.insert(web), qPrintable(repository.lastError()));
            QVERIFY2(repository.insert(paused), qPrintable(repository.lastError()));
            QVERIFY(!repository.insert(seo)); // same id twice
            QVERIFY(!repository.lastError().isEmpty());

            const QList<ServiceOffering> all = repository.list(org);
            QCOMPARE(all.size(), 3);
            QCOMPARE(all.at(0).name, QStringLiteral("Print")); // by name
            const std::optional<ServiceOffering> found = repository.find(web.id);
            QVERIFY(found);
            QCOMPARE(found->keywords, web.keywords); // JSON round trip, hostile text kept verbatim
            QCOMPARE(found->priceMinor, 450000);

            QCOMPARE(ServiceCatalogRepository::active(db, org).size(), 2); // paused left out

            ServiceOffering changed = *found;
            changed.priceMinor = 500000;
            changed.name = QStringLiteral("Website redesign");
            QVERIFY(repository.update(changed));
            QCOMPARE(repository.find(web.id)->priceMinor, 500000);
            QCOMPARE(repository.find(web.id)->rev, 1);

            QVERIFY(repository.setDeleted(seo.id, true, QDateTime::currentDateTimeUtc()));
            QCOMPARE(repository.list(org).size(), 2);
            QCOMPARE(repository.list(org, true).size(), 3);
            QVERIFY(repository.find(seo.id)->deleted);
            QCOMPARE(ServiceCatalogRepository::active(db, org).size(), 1);
            QVERIFY(repository.setDeleted(seo.id, false, QDateTime::currentDateTimeUtc()));
            QCOMPARE(ServiceCatalogRepository::active(db, org).size(), 2);

            QVERIFY(!repository.setDeleted(QStringLiteral("missing"), true, QDateTime::currentDateTimeUtc()));
            ServiceOffering ghost = seo;
            ghost.id = QStringLiteral("missing");
            QVERIFY(!repository.update(ghost));
            QCOMPARE(repository.list(QStringLiteral("another-org")).size(), 0);
            QCOMPARE(repository.orgCurrency(org), QStringLiteral("EUR"));
        });
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads")), 0);
    }

    void storeValidatesAndNormalises()
    {
        QSignalSpy changed(store.get(), &ServiceCatalogStore::servicesChanged);
        ServiceOffering bad = make(QStringLiteral("  "), 100, { QStringLiteral("x") });
        ServiceCatalogWriteOutcome outcome = waitWrite([&](QObject* c, auto d) { store->save(bad, c, d); });
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.fieldErrors.first().field, QStringLiteral("name"));

        bad = make(QStringLiteral("Negative"), -1, { QStringLiteral("x") });
        outcome = waitWrite([&](QObject* c, auto d) { store->save(bad, c, d); });
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.fieldErrors.first().field, QStringLiteral("price"));

        bad = make(QStringLiteral("No keywords"), 100, { QStringLiteral(" , "), QStringLiteral("!!") });
        outcome = waitWrite([&](QObject* c, auto d) { store->save(bad, c, d); });
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.fieldErrors.first().field, QStringLiteral("keywords"));
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM services_catalog")), 0);
        QCOMPARE(changed.count(), 0);

        ServiceOffering good = make(QStringLiteral("  SEO audit "), 90000,
            { QStringLiteral(" SEO "), QStringLiteral("Search   Ranking"), QStringLiteral("seo") });
        good.currency = QStringLiteral("eur");
        good.id.clear();
        outcome = waitWrite([&](QObject* c, auto d) { store->save(good, c, d); });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.changed.size(), 1);
        const ServiceOffering stored = outcome.changed.first();
        QVERIFY(!stored.id.isEmpty());
        QCOMPARE(stored.name, QStringLiteral("SEO audit"));
        QCOMPARE(stored.currency, QStringLiteral("EUR"));
        QCOMPARE(stored.keywords, (QStringList { QStringLiteral("seo"), QStringLiteral("search ranking") }));
        QCOMPARE(changed.count(), 1);

        // Update keeps created_at and org, bumps rev.
        ServiceOffering edit = stored;
        edit.priceMinor = 95000;
        outcome = waitWrite([&](QObject* c, auto d) { store->save(edit, c, d); });
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.changed.first().priceMinor, 95000);
        QCOMPARE(outcome.changed.first().createdAt, stored.createdAt);
        QCOMPARE(outcome.changed.first().rev, stored.rev + 1);
    }

    void removeRestoreAndListing()
    {
        ServiceOffering seo = make(QStringLiteral("SEO audit"), 90000, { QStringLiteral("seo") });
        QVERIFY(waitWrite([&](QObject* c, auto d) { store->save(seo, c, d); }).ok);
        QCOMPARE(listing().services.size(), 1);
        QCOMPARE(listing().orgCurrency, QStringLiteral("EUR"));

        QVERIFY(waitWrite([&](QObject* c, auto d) { store->remove(seo.id, c, d); }).ok);
        QCOMPARE(listing().services.size(), 0);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM services_catalog WHERE deleted = 1")), 1);
        QVERIFY(waitWrite([&](QObject* c, auto d) { store->restore(seo.id, c, d); }).ok);
        QCOMPARE(listing().services.size(), 1);

        const ServiceCatalogWriteOutcome missing
            = waitWrite([&](QObject* c, auto d) { store->remove(QStringLiteral("nope"), c, d); });
        QVERIFY(!missing.ok);
        QVERIFY(!missing.error.isEmpty());
    }

    void examplesOnlyForAnEmptyList()
    {
        QSignalSpy changed(store.get(), &ServiceCatalogStore::servicesChanged);
        ServiceCatalogWriteOutcome outcome = waitWrite([&](QObject* c, auto d) { store->addExamples(c, d); });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(outcome.changed.size() >= 3);
        QCOMPARE(changed.count(), 1);
        const ServiceCatalogListing afterwards = listing();
        QCOMPARE(afterwards.services.size(), outcome.changed.size());
        for (const ServiceOffering& service : afterwards.services) {
            QVERIFY(!service.keywords.isEmpty());
            QCOMPARE(service.currency, QStringLiteral("EUR"));
        }
        outcome = waitWrite([&](QObject* c, auto d) { store->addExamples(c, d); });
        QVERIFY(!outcome.ok);
        QCOMPARE(listing().services.size(), afterwards.services.size());
    }

    void examplesFollowTheOrgCurrency()
    {
        exec(QStringLiteral("UPDATE organizations SET currency = 'GBP'"));
        QVERIFY(waitWrite([&](QObject* c, auto d) { store->addExamples(c, d); }).ok);
        for (const ServiceOffering& service : listing().services)
            QCOMPARE(service.currency, QStringLiteral("GBP"));
    }

    void storeEstimatesText()
    {
        QVERIFY(waitWrite([&](QObject* c, auto d) {
            store->save(make(QStringLiteral("SEO audit"), 90000, { QStringLiteral("seo") }), c, d);
        }).ok);
        const std::optional<DealValueEstimate> estimate = HubTest::waitForCallback<DealValueEstimate>(
            [&](QObject* c, std::function<void(const DealValueEstimate&)> d) {
                store->estimate(QStringLiteral("Their SEO is bad"), c, d);
            },
            QStringLiteral("estimate"));
        QVERIFY(estimate);
        QCOMPARE(estimate->valueMinor, 90000);
        QCOMPARE(estimate->currency, QStringLiteral("EUR"));
    }

    void leadValueFromNotesTimelineAndCalls()
    {
        ServiceOffering seo = make(QStringLiteral("SEO audit"), 90000, { QStringLiteral("seo") });
        ServiceOffering web = make(QStringLiteral("Website"), 450000, { QStringLiteral("landing page") });
        ServiceOffering ads = make(QStringLiteral("Ads"), 120000, { QStringLiteral("google ads") });
        ServiceOffering logo = make(QStringLiteral("Logo"), 250000, { QStringLiteral("logo") });
        ServiceOffering dollars = make(QStringLiteral("US only"), 7000, { QStringLiteral("seo") });
        dollars.currency = QStringLiteral("USD");
        for (const ServiceOffering& s : { seo, web, ads, logo, dollars })
            QVERIFY(waitWrite([&](QObject* c, auto d) { store->save(s, c, d); }).ok);

        Lead lead = ws->makeLead(QStringLiteral("Acme"));
        lead.notes = QStringLiteral("Wants better SEO.");
        lead = ws->saveBlocking(lead);
        QVERIFY(lead.isValid());
        Lead other = ws->makeLead(QStringLiteral("Other"));
        other.notes = QStringLiteral("logo please");
        other = ws->saveBlocking(other);
        QVERIFY(ws->addNoteBlocking(lead.id, QStringLiteral("Asked about a landing page")));
        QVERIFY(ws->addNoteBlocking(lead.id, QStringLiteral("also a logo")));
        const QList<Activity> timeline = ws->timelineBlocking(lead.id);
        for (const Activity& activity : timeline) {
            if (activity.body.contains(QStringLiteral("logo")))
                QVERIFY(ws->setNoteDeletedBlocking(activity.id, true)); // deleted notes do not count
        }
        // A status change's text is not what the client said.
        exec(QStringLiteral("INSERT INTO activities (id, org_id, lead_id, kind, body, created_at, updated_at) "
                            "VALUES (?, ?, ?, 'status_change', 'google ads', '2024-01-01T00:00:00.000Z', "
                            "'2024-01-01T00:00:00.000Z')"),
            { Ids::newId(), ws->identity().orgId, lead.id });

        DealValueEstimate estimate;
        ws->runBlocking(
            [&](QSqlDatabase& db) { estimate = LeadValueEstimation::estimate(db, ws->identity().orgId, lead.id); });
        QCOMPARE(estimate.matchedServices, (QStringList { QStringLiteral("SEO audit"), QStringLiteral("Website") }));
        QCOMPARE(estimate.valueMinor, 540000);
        QCOMPARE(estimate.otherCurrencyServices, QStringList { QStringLiteral("US only") });

        // Call transcripts count too.
        addCall(lead.id, QStringLiteral("We run Google Ads."));
        addCall(lead.id, QStringLiteral("")); // no transcript
        QHash<QString, DealValueEstimate> many;
        ws->runBlocking([&](QSqlDatabase& db) {
            many = LeadValueEstimation::estimate(
                db, ws->identity().orgId, { lead.id, other.id, QStringLiteral("no-such-lead") });
        });
        QCOMPARE(many.size(), 2);
        QCOMPARE(many.value(lead.id).valueMinor, 660000);
        QCOMPARE(many.value(other.id).matchedServices, QStringList { QStringLiteral("Logo") });
    }

    void leadInAnotherCurrency()
    {
        QVERIFY(waitWrite([&](QObject* c, auto d) {
            store->save(make(QStringLiteral("SEO audit"), 90000, { QStringLiteral("seo") }), c, d);
        }).ok);
        Lead lead = ws->makeLead(QStringLiteral("Yankee"));
        lead.notes = QStringLiteral("seo");
        lead.currency = QStringLiteral("USD");
        lead = ws->saveBlocking(lead);
        DealValueEstimate estimate;
        ws->runBlocking(
            [&](QSqlDatabase& db) { estimate = LeadValueEstimation::estimate(db, ws->identity().orgId, lead.id); });
        QVERIFY(!estimate.matched());
        QCOMPARE(estimate.currency, QStringLiteral("USD"));
        QCOMPARE(estimate.otherCurrencyServices, QStringList { QStringLiteral("SEO audit") });
    }

    void callWithoutTranscriptAddsNothing()
    {
        QVERIFY(waitWrite([&](QObject* c, auto d) {
            store->save(make(QStringLiteral("SEO audit"), 90000, { QStringLiteral("seo") }), c, d);
        }).ok);
        Lead lead = ws->saveBlocking(ws->makeLead(QStringLiteral("Plain")));
        addCall(lead.id, QStringLiteral("")); // no transcript
        DealValueEstimate estimate;
        ws->runBlocking(
            [&](QSqlDatabase& db) { estimate = LeadValueEstimation::estimate(db, ws->identity().orgId, lead.id); });
        QVERIFY(!estimate.matched());
    }
};

QTEST_GUILESS_MAIN(tst_ServiceCatalog)
#include "tst_servicecatalog.moc"
