#include "services/events/EventBus.h"
#include "services/intelligence/LeadAnalysisPrompt.h"
#include "services/intelligence/LeadIntelligenceRepository.h"
#include "services/leads/LeadStore.h"
#include "tests/intelligence/IntelligenceRig.h"
#include "services/pricing/ServiceCatalogRepository.h"
#include "models/Ids.h"

#include <QJsonDocument>
#include <QNetworkProxy>
#include <QSignalSpy>

using HubTest::FakeLlmServer;

// LeadAnalyzer through IntelligenceStore: a valid answer lands in both tables, on the timeline and on the bus; a
// schema violation is repaired once; a second one fails visibly and keeps the earlier analysis.
class tst_LeadAnalyzer : public QObject
{
    Q_OBJECT

private:
    QList<HubEvent> analysedEvents(const QSignalSpy& spy)
    {
        QList<HubEvent> events;
        for (const QList<QVariant>& arguments : spy) {
            const HubEvent event = arguments.at(0).value<HubEvent>();
            if (event.type == HubEvent::Type::LeadAnalyzed)
                events.append(event);
        }
        return events;
    }

    int aiActions(IntelligenceRig& rig, const QString& leadId)
    {
        return rig
            .scalar(
                QStringLiteral("SELECT count(*) FROM activities WHERE lead_id = ? AND kind = 'ai_action'"), { leadId })
            .toInt();
    }

private slots:
    void initTestCase() { QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy); }

    void validAnswerIsStoredEverywhere()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Bäckerei Sonnenschein"), [](Lead& l) {
            l.company = QStringLiteral("Sonnenschein GmbH");
            l.industry = QStringLiteral("Bakery");
        });
        QVERIFY(lead.isValid());
        QVERIFY(rig.ws.addNoteBlocking(lead.id, QStringLiteral("Wants an online shop before the summer sale.")));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(72, QStringLiteral("high"))));
        QSignalSpy events(&rig.ws.bus(), &EventBus::published);
        QSignalSpy changed(rig.store.get(), &IntelligenceStore::intelligenceChanged);
        QSignalSpy upserted(&rig.ws.store(), &LeadStore::leadsUpserted);
        QSignalSpy started(rig.store.get(), &IntelligenceStore::analysisStarted);

        const AnalysisOutcome outcome = rig.analyse(lead.id);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(started.count(), 1);
        QCOMPARE(outcome.intelligence.dealHeat, std::optional<int>(72));
        QCOMPARE(outcome.intelligence.buyingIntent, LeadIntelligence::Intent::High);
        QCOMPARE(outcome.intelligence.model, QString::fromLatin1(FakeLlmServer::kModel));
        QCOMPARE(outcome.intelligence.promptVersion, QString::fromLatin1(LeadAnalysisPrompt::kVersion));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), lead.id);

        // lead_intelligence
        const std::optional<LeadIntelligence> stored = rig.fetch(lead.id);
        QVERIFY(stored);
        QCOMPARE(stored->dealHeat, std::optional<int>(72));
        QCOMPARE(stored->buyingIntent, LeadIntelligence::Intent::High);
        QCOMPARE(stored->budget, QStringLiteral("€8,000-10,000"));
        QCOMPARE(stored->timeline, QStringLiteral("Before the summer sale"));
        QCOMPARE(stored->decisionMaker, QStringLiteral("Owner"));
        QCOMPARE(stored->painPoints, QStringList({ QStringLiteral("Slow website"), QStringLiteral("No shop") }));
        QCOMPARE(stored->keyInsights, QStringList { QStringLiteral("Asked for a quote twice") });
        QCOMPARE(stored->risks, QStringList { QStringLiteral("Tight deadline") });
        QCOMPARE(stored->nextBestAction, QStringLiteral("Send the proposal this week"));
        QCOMPARE(stored->summary, QStringLiteral("A bakery that wants an online shop before summer."));
        QCOMPARE(stored->orgId, rig.ws.identity().orgId);
        QVERIFY(stored->analyzedAt.isValid());
        QVERIFY(stored->fieldsUsed.contains(QStringLiteral("name")));
        QVERIFY(stored->fieldsUsed.contains(QStringLiteral("industry")));
        QVERIFY(stored->fieldsUsed.contains(QStringLiteral("activities.note")));
        QVERIFY(!stored->fieldsUsed.contains(QStringLiteral("website"))); // empty fields are not sent

        // leads.deal_heat, read back through the lead like the Kanban card does
        QCOMPARE(rig.scalar(QStringLiteral("SELECT deal_heat FROM leads WHERE id = ?"), { lead.id }).toInt(), 72);
        QVERIFY(upserted.count() > 0 || upserted.wait(HubTest::kAsyncTimeoutMs));
        const QList<Lead> refreshed = upserted.last().at(0).value<QList<Lead>>();
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshed.first().id, lead.id);
        QCOMPARE(refreshed.first().dealHeat, 72);

        // the timeline
        const QList<Activity> timeline = rig.ws.timelineBlocking(lead.id);
        QVERIFY(!timeline.isEmpty());
        QCOMPARE(timeline.first().kind, Activity::Kind::AiAction);
        QCOMPARE(timeline.first().body, QStringLiteral("AI analysis: heat 72, intent high"));
        QCOMPARE(timeline.first().meta.value(QStringLiteral("deal_heat")).toInt(), 72);

        // the bus
        const QList<HubEvent> analysed = analysedEvents(events);
        QCOMPARE(analysed.size(), 1);
        QCOMPARE(analysed.first().name(), QStringLiteral("lead.analyzed"));
        QCOMPARE(analysed.first().leadId, lead.id);
        QCOMPARE(analysed.first().payload.value(QStringLiteral("deal_heat")).toInt(), 72);
        QVERIFY(!analysed.first().payload.value(QStringLiteral("previous_heat")).isValid());

        // the request: structured output with our schema, recorded under the feature name
        QCOMPARE(rig.server.requestCount(), 1);
        const QJsonObject body = rig.server.requests().first().json;
        QCOMPARE(body.value(QStringLiteral("response_format"))
                     .toObject()
                     .value(QStringLiteral("json_schema"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("lead_intelligence"));
        QVERIFY(HubTest::waitUntil([&] {
            return rig.scalar(QStringLiteral("SELECT count(*) FROM ai_usage WHERE feature = ? AND lead_id = ?"),
                          { QStringLiteral("lead.analyse"), lead.id })
                       .toInt()
                == 1;
        }));
    }

    // The estimated deal value comes from the price list matched against the lead's notes, not from the model.
    void analysisPricesTheLeadFromTheServicesList()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Pricing Probe"), [](Lead& l) { l.currency = QStringLiteral("EUR"); });
        QVERIFY(rig.ws.addNoteBlocking(lead.id, QStringLiteral("They asked for an online shop and a logo refresh.")));
        rig.ws.runBlocking([&](QSqlDatabase& db) {
            ServiceCatalogRepository services(db);
            const auto offering = [&](const QString& name, qint64 price, const QStringList& keywords) {
                ServiceOffering service;
                service.id = Ids::newId();
                service.orgId = rig.ws.identity().orgId;
                service.name = name;
                service.priceMinor = price;
                service.currency = QStringLiteral("EUR");
                service.keywords = keywords;
                service.createdAt = service.updatedAt = QDateTime::currentDateTimeUtc();
                return service;
            };
            QVERIFY(services.insert(offering(QStringLiteral("Web shop"), 450000, { QStringLiteral("online shop") })));
            QVERIFY(services.insert(offering(QStringLiteral("Logo"), 80000, { QStringLiteral("logo") })));
            QVERIFY(services.insert(offering(QStringLiteral("SEO"), 120000, { QStringLiteral("seo") })));
        });
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(55, QStringLiteral("medium"))));
        QVERIFY(rig.analyse(lead.id).ok);
        const std::optional<LeadIntelligence> stored = rig.fetch(lead.id);
        QVERIFY(stored);
        QCOMPARE(stored->estimatedValueMinor.value_or(-1), qint64(530000));
    }

    void reanalysisReplacesTheRowAndReportsThePreviousHeat()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Repeat Customer"));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(30, QStringLiteral("low"))));
        QVERIFY(rig.analyse(lead.id).ok);
        const LeadIntelligence first = *rig.fetch(lead.id);
        // Each analysis prices the lead again from the current price list: an estimate no service supports any more
        // is cleared, not kept.
        rig.ws.runBlocking([&](QSqlDatabase& db) {
            QVERIFY(LeadIntelligenceRepository(db).setEstimatedValue(lead.id, 125000, QDateTime::currentDateTimeUtc()));
        });
        QSignalSpy events(&rig.ws.bus(), &EventBus::published);
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(85, QStringLiteral("critical"))));
        const AnalysisOutcome second = rig.analyse(lead.id);
        QVERIFY2(second.ok, qPrintable(second.message));

        QCOMPARE(
            rig.scalar(QStringLiteral("SELECT count(*) FROM lead_intelligence WHERE lead_id = ?"), { lead.id }).toInt(),
            1);
        const LeadIntelligence stored = *rig.fetch(lead.id);
        QCOMPARE(stored.id, first.id);
        QCOMPARE(stored.createdAt, first.createdAt);
        QCOMPARE(stored.dealHeat, std::optional<int>(85));
        QCOMPARE(stored.buyingIntent, LeadIntelligence::Intent::Critical);
        QVERIFY(!stored.estimatedValueMinor);
        QVERIFY(stored.rev > first.rev);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT deal_heat FROM leads WHERE id = ?"), { lead.id }).toInt(), 85);
        const QList<HubEvent> analysed = analysedEvents(events);
        QCOMPARE(analysed.size(), 1);
        QCOMPARE(analysed.first().payload.value(QStringLiteral("previous_heat")).toInt(), 30);
        QCOMPARE(aiActions(rig, lead.id), 2);
    }

    void schemaViolationIsRepairedOnceThenStored()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Needs Repair"));
        QJsonObject wrong = IntelligenceRig::analysisAnswer(150, QStringLiteral("lukewarm"));
        wrong.remove(QStringLiteral("summary"));
        rig.server.enqueue(FakeLlmServer::jsonOutput(wrong));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(64, QStringLiteral("medium"))));

        const AnalysisOutcome outcome = rig.analyse(lead.id);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(rig.server.requestCount(), 2);
        // The repair round shows the model its answer and what was wrong with it.
        const QJsonArray messages = rig.server.requests().at(1).json.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages.at(2).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        const QString repair = messages.at(3).toObject().value(QStringLiteral("content")).toString();
        QVERIFY2(repair.contains(QStringLiteral("deal_heat")), qPrintable(repair));
        QVERIFY2(repair.contains(QStringLiteral("summary")), qPrintable(repair));
        QCOMPARE(rig.fetch(lead.id)->dealHeat, std::optional<int>(64));
        QCOMPARE(rig.scalar(QStringLiteral("SELECT deal_heat FROM leads WHERE id = ?"), { lead.id }).toInt(), 64);
    }

    void secondViolationFailsAndKeepsTheEarlierAnalysis_data()
    {
        QTest::addColumn<int>("kind"); // 0: schema violation twice, 1: truncated JSON twice, 2: HTTP 500
        QTest::newRow("schema violation twice") << 0;
        QTest::newRow("truncated JSON twice") << 1;
        QTest::newRow("server error") << 2;
    }

    void secondViolationFailsAndKeepsTheEarlierAnalysis()
    {
        QFETCH(int, kind);
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Keeps Old Analysis"));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(40, QStringLiteral("medium"))));
        QVERIFY(rig.analyse(lead.id).ok);
        const LeadIntelligence before = *rig.fetch(lead.id);

        QJsonObject wrong = IntelligenceRig::analysisAnswer(40);
        wrong.insert(QStringLiteral("deal_heat"), QStringLiteral("very hot"));
        if (kind == 0) {
            rig.server.enqueue(FakeLlmServer::jsonOutput(wrong));
            rig.server.enqueue(FakeLlmServer::jsonOutput(wrong));
        } else if (kind == 1) {
            rig.server.enqueue(FakeLlmServer::truncatedJson(IntelligenceRig::analysisAnswer(90)));
            rig.server.enqueue(FakeLlmServer::truncatedJson(IntelligenceRig::analysisAnswer(90)));
        } else {
            rig.server.enqueue(FakeLlmServer::serverError());
        }
        QSignalSpy events(&rig.ws.bus(), &EventBus::published);
        QSignalSpy changed(rig.store.get(), &IntelligenceStore::intelligenceChanged);
        QSignalSpy finished(rig.store.get(), &IntelligenceStore::analysisFinished);

        const AnalysisOutcome outcome = rig.analyse(lead.id);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.kind, kind == 2 ? LlmError::Server : LlmError::SchemaViolation);
        QVERIFY(!outcome.message.isEmpty());
        QCOMPARE(outcome.message, outcome.error.message);
        QCOMPARE(rig.server.requestCount(), kind == 2 ? 2 : 3);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QCOMPARE(finished.at(0).at(2).toString(), outcome.message);
        QCOMPARE(changed.count(), 0);
        QVERIFY(analysedEvents(events).isEmpty());

        const LeadIntelligence after = *rig.fetch(lead.id);
        QCOMPARE(after.dealHeat, before.dealHeat);
        QCOMPARE(after.updatedAt, before.updatedAt);
        QCOMPARE(after.summary, before.summary);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT deal_heat FROM leads WHERE id = ?"), { lead.id }).toInt(), 40);
        QCOMPARE(aiActions(rig, lead.id), 1);
    }

    void aNeverAnalysedLeadStaysEmptyOnFailure()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Never Analysed"));
        rig.server.enqueue(FakeLlmServer::malformed());
        const AnalysisOutcome outcome = rig.analyse(lead.id);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.kind, LlmError::BadResponse);
        QVERIFY(!rig.fetch(lead.id));
        QVERIFY(rig.scalar(QStringLiteral("SELECT deal_heat FROM leads WHERE id = ?"), { lead.id }).isNull());
    }

    void notConfiguredAndUnknownLeadsAreRefusedWithoutACall()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("No AI"));
        rig.unconfigure();
        QVERIFY(!rig.store->isAiConfigured());
        const AnalysisOutcome refused = rig.analyse(lead.id);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.kind, LlmError::NotConfigured);
        QVERIFY(refused.message.contains(QStringLiteral("Settings → AI")));

        rig.configure();
        const AnalysisOutcome missing = rig.analyse(QStringLiteral("no-such-lead"));
        QVERIFY(!missing.ok);
        QVERIFY(!missing.message.isEmpty());
        QCOMPARE(rig.server.requestCount(), 0);
    }

    void overBudgetIsRefusedWithoutReachingTheServer()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Budget Spent"));
        rig.spendBudget();
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer()));
        const AnalysisOutcome outcome = rig.analyse(lead.id);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.kind, LlmError::BudgetExceeded);
        QVERIFY2(outcome.message.contains(QStringLiteral("budget")), qPrintable(outcome.message));
        QCOMPARE(rig.server.requestCount(), 0);
        QVERIFY(!rig.fetch(lead.id));
    }

    void concurrentRequestsForOneLeadShareOneCall()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Clicked Twice"));
        rig.server.enqueue(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer(55)));
        int answers = 0;
        QObject context;
        rig.store->analyse(lead.id, &context, [&](const AnalysisOutcome& outcome) { answers += outcome.ok ? 1 : 0; });
        QVERIFY(rig.store->isAnalysing(lead.id));
        {
            // A window that closes while the analysis runs gets no answer, and loses nothing.
            QObject closedWindow;
            rig.store->analyse(lead.id, &closedWindow, [&](const AnalysisOutcome&) { answers += 100; });
        }
        rig.store->analyse(lead.id, &context, [&](const AnalysisOutcome& outcome) { answers += outcome.ok ? 1 : 0; });
        QVERIFY(HubTest::waitUntil([&] { return answers >= 2; }));
        QCOMPARE(answers, 2);
        QVERIFY(!rig.store->isAnalysing(lead.id));
        QCOMPARE(rig.server.requestCount(), 1);
        QCOMPARE(rig.fetch(lead.id)->dealHeat, std::optional<int>(55));
    }

    void leadDeletedDuringTheCallIsNotAnalysed()
    {
        IntelligenceRig rig;
        QVERIFY(rig.init());
        const Lead lead = rig.addLead(QStringLiteral("Deleted Meanwhile"));
        rig.server.enqueue(FakeLlmServer::held(FakeLlmServer::jsonOutput(IntelligenceRig::analysisAnswer())));
        std::optional<AnalysisOutcome> outcome;
        QObject context;
        rig.store->analyse(lead.id, &context, [&](const AnalysisOutcome& result) { outcome = result; });
        QVERIFY(HubTest::waitUntil([&] { return rig.server.heldCount() == 1; }));
        QCOMPARE(rig.store->analysisStep(lead.id), QStringLiteral("Asking the AI…"));
        QVERIFY(rig.ws.setDeletedBlocking({ lead.id }, true).ok);
        QCOMPARE(rig.server.releaseHeld(), 1);
        QVERIFY(HubTest::waitUntil([&] { return outcome.has_value(); }));
        QVERIFY(!outcome->ok);
        QVERIFY2(outcome->message.contains(QStringLiteral("deleted")), qPrintable(outcome->message));
        QCOMPARE(rig.scalar(QStringLiteral("SELECT count(*) FROM lead_intelligence")).toInt(), 0);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT count(*) FROM activities WHERE kind = 'ai_action'")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_LeadAnalyzer)
#include "tst_leadanalyzer.moc"
