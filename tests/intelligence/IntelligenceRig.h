#pragma once

#include "services/intelligence/IntelligenceStore.h"
#include "services/providers/AiGateway.h"
#include "services/providers/AiUsageLedger.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTest>

#include <memory>

// A real workspace file, a fake OpenAI-compatible server on loopback, the AI gateway pointed at it and the
// IntelligenceStore under test, wired the way WorkspaceSession wires them.
struct IntelligenceRig {
    static constexpr const char* kApiKey = "sk-test-SECRET-4242-never-in-a-prompt";

    HubTest::TempWorkspace ws;
    QNetworkAccessManager network;
    HubTest::FakeLlmServer server;
    std::unique_ptr<AiGateway> ai;
    std::unique_ptr<IntelligenceStore> store;

    bool init()
    {
        if (!ws.ok() || !server.listen())
            return false;
        ai = std::make_unique<AiGateway>(&ws.executor(), &network);
        ai->setIdentity(ws.identity().orgId, ws.identity().userId);
        configure();
        store = std::make_unique<IntelligenceStore>(&ws.executor(), ai.get(), &ws.bus(), &ws.store());
        store->setIdentity(ws.identity());
        return true;
    }

    void configure()
    {
        LlmSettings settings;
        settings.baseUrl = server.baseUrl();
        settings.model = QStringLiteral("gpt-4o-mini");
        settings.apiKey = QString::fromLatin1(kApiKey);
        settings.timeoutMs = 5000;
        settings.maxRetries = 0;
        ai->setSettings(settings);
    }

    void unconfigure() { ai->setSettings(LlmSettings {}); }

    Lead addLead(const QString& name, const std::function<void(Lead&)>& fill = {})
    {
        Lead lead = ws.makeLead(name);
        if (fill)
            fill(lead);
        return ws.saveBlocking(lead);
    }

    AnalysisOutcome analyse(const QString& leadId)
    {
        return HubTest::waitForCallback<AnalysisOutcome>(
            [&](QObject* context, std::function<void(const AnalysisOutcome&)> done) {
                store->analyse(leadId, context, std::move(done));
            },
            QStringLiteral("IntelligenceStore::analyse"))
            .value_or(AnalysisOutcome::failure(leadId, QStringLiteral("timeout")));
    }

    ProfileOutcome generateProfile(const QString& leadId)
    {
        return HubTest::waitForCallback<ProfileOutcome>(
            [&](QObject* context, std::function<void(const ProfileOutcome&)> done) {
                store->generateProfile(leadId, context, std::move(done));
            },
            QStringLiteral("IntelligenceStore::generateProfile"))
            .value_or(ProfileOutcome::failure(leadId, QStringLiteral("timeout")));
    }

    std::optional<LeadIntelligence> fetch(const QString& leadId)
    {
        return HubTest::waitForCallback<std::optional<LeadIntelligence>>(
            [&](QObject* context, std::function<void(const std::optional<LeadIntelligence>&)> done) {
                store->fetch(leadId, context, std::move(done));
            },
            QStringLiteral("IntelligenceStore::fetch"))
            .value_or(std::nullopt);
    }

    std::optional<StoredAiProfile> fetchProfile(const QString& leadId)
    {
        return HubTest::waitForCallback<std::optional<StoredAiProfile>>(
            [&](QObject* context, std::function<void(const std::optional<StoredAiProfile>&)> done) {
                store->fetchProfile(leadId, context, std::move(done));
            },
            QStringLiteral("IntelligenceStore::fetchProfile"))
            .value_or(std::nullopt);
    }

    // This month's org budget of 1.00 is already spent (1.50).
    void spendBudget()
    {
        const QString org = ws.identity().orgId;
        ws.runBlocking([&](QSqlDatabase& db) {
            AiUsageLedger ledger(db);
            QVERIFY(ledger.setBudget(org, {}, 1'000'000));
            AiUsageEntry spent;
            spent.orgId = org;
            spent.feature = QStringLiteral("earlier");
            spent.costMicros = 1'500'000;
            QVERIFY(ledger.record(spent));
        });
    }

    QVariant scalar(const QString& sql, const QVariantList& values = {}) const
    {
        QVariant result;
        ws.runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& value : values)
                query.addBindValue(value);
            if (query.exec() && query.next())
                result = query.value(0);
        });
        return result;
    }

    static QJsonObject analysisAnswer(int heat = 72, const QString& intent = QStringLiteral("high"))
    {
        return {
            { QStringLiteral("deal_heat"), heat },
            { QStringLiteral("buying_intent"), intent },
            { QStringLiteral("budget"), QStringLiteral("€8,000-10,000") },
            { QStringLiteral("timeline"), QStringLiteral("Before the summer sale") },
            { QStringLiteral("decision_maker"), QStringLiteral("Owner") },
            { QStringLiteral("pain_points"), QJsonArray { QStringLiteral("Slow website"), QStringLiteral("No shop") } },
            { QStringLiteral("key_insights"), QJsonArray { QStringLiteral("Asked for a quote twice") } },
            { QStringLiteral("risks"), QJsonArray { QStringLiteral("Tight deadline") } },
            { QStringLiteral("next_best_action"), QStringLiteral("Send the proposal this week") },
            { QStringLiteral("summary"), QStringLiteral("A bakery that wants an online shop before summer.") },
        };
    }

    static QJsonObject profileAnswer(const QStringList& sourceFields, int confidence = 80)
    {
        QJsonArray sources;
        for (const QString& field : sourceFields)
            sources.append(field);
        return {
            { QStringLiteral("one_liner"), QStringLiteral("Owner of a family bakery with two shops") },
            { QStringLiteral("likely_role"), QStringLiteral("Owner and decision maker") },
            { QStringLiteral("pain_points"), QJsonArray { QStringLiteral("No online orders") } },
            { QStringLiteral("decision_power"), QStringLiteral("high: owns the business") },
            { QStringLiteral("best_offer_angle"), QJsonArray { QStringLiteral("Online pre-orders") } },
            { QStringLiteral("personalisation_hooks"), QJsonArray { QStringLiteral("Sourdough award") } },
            { QStringLiteral("objections"),
                QJsonArray { QJsonObject { { QStringLiteral("objection"), QStringLiteral("Too expensive") },
                    { QStringLiteral("response"), QStringLiteral("Start with a small shop") } } } },
            { QStringLiteral("next_best_action"), QStringLiteral("call: she prefers the phone") },
            { QStringLiteral("message_drafts"),
                QJsonObject { { QStringLiteral("cold_email_1"), QStringLiteral("Hello, …") },
                    { QStringLiteral("follow_up_1"), QStringLiteral("Following up …") },
                    { QStringLiteral("linkedin_dm_1"), QStringLiteral("Hi! …") } } },
            { QStringLiteral("confidence"), confidence },
            { QStringLiteral("source_fields_used"), sources },
        };
    }
};
