#include "models/Ids.h"
#include "services/dealdesk/ProposalDraftGenerator.h"
#include "services/dealdesk/ProposalDraftPrompt.h"
#include "services/providers/AiGateway.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using HubTest::FakeLlmServer;
using HubTest::TempWorkspace;

namespace {
const QString kApiKey = QStringLiteral("sk-test-SECRET-4711");

QJsonObject validDraft()
{
    const QJsonArray sections {
        QJsonObject { { QStringLiteral("title"), QStringLiteral("Summary") },
            { QStringLiteral("body"),
                QStringLiteral("Your checkout is **slow**.\n\nWe fix it:\n- profile the shop\n- cache pages\n\n"
                               "<script>alert(1)</script> & more") } },
        QJsonObject { { QStringLiteral("title"), QStringLiteral("Timeline") },
            { QStringLiteral("body"), QStringLiteral("1. Audit\n2. Build") } },
    };
    const QJsonArray lines {
        QJsonObject { { QStringLiteral("item"), QStringLiteral("Performance audit") },
            { QStringLiteral("quantity"), 1.5 }, { QStringLiteral("unit_price"), 1200.5 },
            { QStringLiteral("tax_rate_percent"), 19 } },
        QJsonObject { { QStringLiteral("item"), QStringLiteral("Caching setup") }, { QStringLiteral("quantity"), 8 },
            { QStringLiteral("unit_price"), 95 }, { QStringLiteral("tax_rate_percent"), 7.5 } },
    };
    return { { QStringLiteral("title"), QStringLiteral("Faster checkout for Acme") },
        { QStringLiteral("sections"), sections }, { QStringLiteral("lines"), lines },
        { QStringLiteral("valid_days"), 30 } };
}
} // namespace

class tst_ProposalDraft : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<AiGateway> gateway;
    std::unique_ptr<FakeLlmServer> server;
    std::unique_ptr<ProposalDraftGenerator> generator;
    Lead acme;
    Lead globex;

    void exec(const QString& sql, const QVariantList& values)
    {
        QString error;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& value : values)
                query.addBindValue(value);
            if (!query.exec())
                error = query.lastError().text();
        });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void addIntelligence(const Lead& lead, const QString& summary, const QString& painPoint)
    {
        const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
        exec(QStringLiteral("INSERT INTO lead_intelligence (id, org_id, lead_id, deal_heat, buying_intent, budget, "
                            "pain_points, summary, analyzed_at, created_at, updated_at) "
                            "VALUES (?, ?, ?, 72, 'high', ?, ?, ?, ?, ?, ?)"),
            { Ids::newId(), ws->identity().orgId, lead.id, QStringLiteral("about 5k"),
                QString::fromUtf8(QJsonDocument(QJsonArray { painPoint }).toJson(QJsonDocument::Compact)), summary, now,
                now, now });
    }

    void setProfile(const Lead& lead, const QJsonObject& profile)
    {
        exec(QStringLiteral("UPDATE leads SET ai_profile = ? WHERE id = ?"),
            { QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact)), lead.id });
    }

    void configure()
    {
        LlmSettings settings;
        settings.baseUrl = server->baseUrl();
        settings.model = QStringLiteral("gpt-4o-mini");
        settings.apiKey = kApiKey;
        settings.timeoutMs = 5000;
        settings.maxRetries = 0;
        gateway->setSettings(settings);
    }

    std::optional<ProposalDraftResult> generate(const QString& leadId)
    {
        return HubTest::waitForCallback<ProposalDraftResult>(
            [&](QObject* context, std::function<void(const ProposalDraftResult&)> done) {
                generator->generate(leadId, context, std::move(done));
            },
            QStringLiteral("ProposalDraftGenerator::generate"));
    }

    QString requestText(int index) const { return QString::fromUtf8(server->requests().at(index).body); }

private slots:
    void initTestCase()
    {
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        network = std::make_unique<QNetworkAccessManager>();
        gateway = std::make_unique<AiGateway>(&ws->executor(), network.get());
        gateway->setIdentity(ws->identity().orgId, ws->identity().userId);
        server = std::make_unique<FakeLlmServer>();
        QVERIFY(server->listen());
        generator = std::make_unique<ProposalDraftGenerator>(&ws->executor(), gateway.get());
        generator->setLanguage(QStringLiteral("English"));

        Lead a = ws->makeLead(QStringLiteral("Acme Shop"));
        a.company = QStringLiteral("Acme Retail GmbH");
        a.industry = QStringLiteral("E-commerce");
        a.notes = QStringLiteral("Wants a faster checkout before Black Friday.");
        a.email = QStringLiteral("jane@acme.example");
        a.phoneRaw = QStringLiteral("+49 30 1234567");
        a.valueMinor = 500000;
        acme = ws->saveBlocking(a);
        Lead b = ws->makeLead(QStringLiteral("Globex Corporation"));
        b.company = QStringLiteral("Globex Corporation");
        b.notes = QStringLiteral("GLOBEX-NOTES-MARKER budget is secret");
        b.email = QStringLiteral("hank@globex.example");
        globex = ws->saveBlocking(b);
        QVERIFY(acme.isValid() && globex.isValid());
        addIntelligence(acme, QStringLiteral("Acme needs a faster shop"), QStringLiteral("slow checkout"));
        addIntelligence(globex, QStringLiteral("GLOBEX-INTEL-MARKER wants blockchain"), QStringLiteral("GLOBEX-PAIN"));
        setProfile(acme,
            { { QStringLiteral("one_liner"), QStringLiteral("Acme sells garden tools online") },
                { QStringLiteral("message_drafts"),
                    QJsonObject { { QStringLiteral("email"), QStringLiteral("DRAFT-NOT-FOR-PROPOSALS") } } } });
        setProfile(globex, { { QStringLiteral("one_liner"), QStringLiteral("GLOBEX-PROFILE-MARKER") } });
        const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
        exec(QStringLiteral("INSERT INTO services_catalog (id, org_id, name, price_minor, currency, created_at, "
                            "updated_at) VALUES (?, ?, 'Performance audit', 120050, 'EUR', ?, ?)"),
            { Ids::newId(), ws->identity().orgId, now, now });
    }

    void cleanup()
    {
        generator.reset();
        gateway.reset();
        server.reset();
        network.reset();
        ws.reset();
    }

    void validOutputBecomesAnEditableDraft()
    {
        configure();
        server->enqueue(FakeLlmServer::jsonOutput(validDraft()));
        const std::optional<ProposalDraftResult> result = generate(acme.id);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        const Proposal& p = result->proposal;
        QVERIFY(p.id.isEmpty()); // not saved
        QCOMPARE(p.status, Proposal::Status::Draft);
        QCOMPARE(p.leadId, acme.id);
        QCOMPARE(p.currency, QStringLiteral("EUR"));
        QCOMPARE(p.title, QStringLiteral("Faster checkout for Acme"));
        QCOMPARE(p.validUntil, QDate::currentDate().addDays(30));

        QCOMPARE(p.sections.size(), 2);
        QCOMPARE(p.sections.at(0).title, QStringLiteral("Summary"));
        const QString html = p.sections.at(0).html;
        QVERIFY2(html.contains(QStringLiteral("<b>slow</b>")), qPrintable(html));
        QVERIFY2(
            html.contains(QStringLiteral("<ul><li>profile the shop</li><li>cache pages</li></ul>")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("<script>")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")), qPrintable(html));
        QCOMPARE(p.sections.at(1).html, QStringLiteral("<ol><li>Audit</li><li>Build</li></ol>"));

        QCOMPARE(p.lines.size(), 2);
        QCOMPARE(p.lines.at(0), (PricingLine { QStringLiteral("Performance audit"), 1500, 120050, 1900 }));
        QCOMPARE(p.lines.at(1), (PricingLine { QStringLiteral("Caching setup"), 8000, 9500, 750 }));
        // 1.5 × 1,200.50 = 1,800.75 (+19 % = 342.14); 8 × 95.00 = 760.00 (+7.5 % = 57.00).
        const ProposalTotals totals = p.computeTotals();
        QCOMPARE(totals.subtotalMinor, 256075);
        QCOMPARE(totals.taxMinor, 39914);
        QCOMPARE(totals.totalMinor, 295989);

        QVERIFY(result->fieldsUsed.contains(QStringLiteral("lead.company")));
        QVERIFY(result->fieldsUsed.contains(QStringLiteral("intelligence.summary")));
        QVERIFY(result->fieldsUsed.contains(QStringLiteral("ai_profile.one_liner")));
        QVERIFY(result->fieldsUsed.contains(QStringLiteral("price_list")));
        QVERIFY(!result->fieldsUsed.contains(QStringLiteral("lead.email")));

        QCOMPARE(server->requestCount(), 1);
        const QJsonObject body = server->requests().first().json;
        QCOMPARE(body.value(QLatin1String("response_format"))
                     .toObject()
                     .value(QLatin1String("json_schema"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
            QStringLiteral("proposal_draft"));
        const QString text = requestText(0);
        for (const QString& expected : { QStringLiteral("Acme needs a faster shop"), QStringLiteral("slow checkout"),
                 QStringLiteral("Acme sells garden tools online"), QStringLiteral("Black Friday"),
                 QStringLiteral("Performance audit"), QStringLiteral("1200.50 EUR"), QStringLiteral("5000.00 EUR") }) {
            QVERIFY2(text.contains(expected), qPrintable(expected));
        }
        QVERIFY(!text.contains(QStringLiteral("DRAFT-NOT-FOR-PROPOSALS")));

        // The call is in the usage ledger under this feature and prompt version.
        QVERIFY(HubTest::waitUntil([&] {
            return ws->countRows(QStringLiteral("SELECT count(*) FROM ai_usage WHERE feature = 'proposal.draft' "
                                                "AND prompt_version = 'proposal-draft-1'"))
                == 1;
        }));
    }

    void promptCarriesNoOtherLeadAndNoSecret()
    {
        configure();
        server->enqueue(FakeLlmServer::jsonOutput(validDraft()));
        const std::optional<ProposalDraftResult> result = generate(acme.id);
        QVERIFY(result && result->ok);
        QCOMPARE(server->requestCount(), 1);
        const FakeLlmServer::Request& request = server->requests().first();
        // The key is configured (it travels in the header) but never in what the model reads.
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer ") + kApiKey.toUtf8());
        const QString text = QString::fromUtf8(request.body);
        QVERIFY(!text.contains(kApiKey));
        for (const QString& foreign :
            { QStringLiteral("Globex"), QStringLiteral("GLOBEX"), globex.id, QStringLiteral("hank@globex.example") }) {
            QVERIFY2(!text.contains(foreign, Qt::CaseInsensitive), qPrintable(foreign));
        }
        // Contact details are not needed for a proposal and stay out too.
        QVERIFY(!text.contains(QStringLiteral("jane@acme.example")));
        QVERIFY(!text.contains(QStringLiteral("1234567")));
    }

    void schemaViolationIsRepairedOnce()
    {
        configure();
        QJsonObject broken = validDraft();
        broken.remove(QStringLiteral("lines"));
        server->enqueue(FakeLlmServer::jsonOutput(broken));
        server->enqueue(FakeLlmServer::jsonOutput(validDraft()));
        const std::optional<ProposalDraftResult> result = generate(acme.id);
        QVERIFY(result);
        QVERIFY2(result->ok, qPrintable(result->error.message));
        QCOMPARE(result->proposal.lines.size(), 2);
        QCOMPARE(server->requestCount(), 2);
        QVERIFY(requestText(1).contains(QStringLiteral("did not match the required JSON schema")));
        QVERIFY(requestText(1).contains(QStringLiteral("lines")));
    }

    void schemaViolationTwiceFailsClearly()
    {
        configure();
        QJsonObject broken = validDraft();
        QJsonArray lines = broken.value(QLatin1String("lines")).toArray();
        QJsonObject line = lines.at(0).toObject();
        line.insert(QStringLiteral("tax_rate_percent"), 150);
        lines.replace(0, line);
        broken.insert(QStringLiteral("lines"), lines);
        server->enqueue(FakeLlmServer::jsonOutput(broken));
        server->enqueue(FakeLlmServer::jsonOutput(broken));
        const std::optional<ProposalDraftResult> result = generate(acme.id);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::SchemaViolation);
        QVERIFY(result->error.message.contains(QStringLiteral("expected structure")));
        QVERIFY(result->error.message.contains(QStringLiteral("tax_rate_percent")));
        QCOMPARE(server->requestCount(), 2);
    }

    void truncatedJsonFailsClearly()
    {
        configure();
        server->enqueue(FakeLlmServer::truncatedJson(validDraft()));
        server->enqueue(FakeLlmServer::truncatedJson(validDraft()));
        const std::optional<ProposalDraftResult> result = generate(acme.id);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::SchemaViolation);
    }

    void valuesTheSchemaCannotCatchAreRefused()
    {
        configure();
        QJsonObject odd = validDraft();
        QJsonArray lines = odd.value(QLatin1String("lines")).toArray();
        QJsonObject line = lines.at(1).toObject();
        line.insert(QStringLiteral("item"), QStringLiteral("   "));
        lines.replace(1, line);
        odd.insert(QStringLiteral("lines"), lines);
        server->enqueue(FakeLlmServer::jsonOutput(odd));
        const std::optional<ProposalDraftResult> result = generate(acme.id);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::None);
        QVERIFY2(result->error.message.contains(QStringLiteral("Line 2 has no description")),
            qPrintable(result->error.message));
    }

    void notConfiguredExplainsWhatToSetUp()
    {
        // No settings at all: no network call, and the message names the place to fix it.
        const std::optional<ProposalDraftResult> result = generate(acme.id);
        QVERIFY(result);
        QVERIFY(!result->ok);
        QCOMPARE(result->error.kind, LlmError::NotConfigured);
        QVERIFY(result->error.message.contains(QStringLiteral("Settings → AI")));
        QCOMPARE(server->requestCount(), 0);
        QVERIFY(!generator->isConfigured());
    }

    void unknownLeadIsRefused()
    {
        configure();
        const std::optional<ProposalDraftResult> result = generate(QStringLiteral("no-such-lead"));
        QVERIFY(result);
        QVERIFY(!result->ok);
        QVERIFY(!result->error.message.isEmpty());
        QCOMPARE(server->requestCount(), 0);
    }

    void leadWithoutAnalysisOrProfileStillDrafts()
    {
        configure();
        Lead bare = ws->makeLead(QStringLiteral("Bare Lead"));
        bare = ws->saveBlocking(bare);
        QVERIFY(bare.isValid());
        server->enqueue(FakeLlmServer::jsonOutput(validDraft()));
        const std::optional<ProposalDraftResult> result = generate(bare.id);
        QVERIFY(result && result->ok);
        QVERIFY(!result->fieldsUsed.contains(QStringLiteral("intelligence.summary")));
        QVERIFY(result->fieldsUsed.contains(QStringLiteral("lead.name")));
        const QString text = requestText(0);
        QVERIFY(!text.contains(QStringLiteral("\"intelligence\"")));
        QVERIFY(!text.contains(QStringLiteral("Acme")));
    }

    void cancellingDropsTheAnswer()
    {
        configure();
        server->enqueue(FakeLlmServer::hang());
        bool answered = false;
        {
            QObject context;
            generator->generate(acme.id, &context, [&](const ProposalDraftResult&) { answered = true; });
            QVERIFY(HubTest::waitUntil([&] { return server->requestCount() == 1; }));
        }
        // The destroyed context aborted the call: nothing is pending and nothing answered.
        QVERIFY(HubTest::waitUntil([&] { return gateway->client().pendingCount() == 0; }));
        QVERIFY(!answered);
    }
};

QTEST_MAIN(tst_ProposalDraft)
#include "tst_proposaldraft.moc"
