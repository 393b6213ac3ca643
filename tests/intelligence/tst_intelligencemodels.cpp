#include "models/intelligence/AiProfile.h"
#include "models/intelligence/LeadIntelligence.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The entities: JSON both ways, bounds on what an AI answer can put in, validation.
class tst_IntelligenceModels : public QObject
{
    Q_OBJECT

private slots:
    void intelligenceRoundTrips()
    {
        LeadIntelligence intelligence;
        intelligence.id = QStringLiteral("i-1");
        intelligence.orgId = QStringLiteral("org");
        intelligence.leadId = QStringLiteral("lead-1");
        intelligence.dealHeat = 72;
        intelligence.buyingIntent = LeadIntelligence::Intent::Critical;
        intelligence.budget = QStringLiteral("€10k");
        intelligence.timeline = QStringLiteral("Q3");
        intelligence.decisionMaker = QStringLiteral("CFO");
        intelligence.painPoints = { QStringLiteral("a"), QStringLiteral("b") };
        intelligence.keyInsights = { QStringLiteral("c") };
        intelligence.risks = { QStringLiteral("d") };
        intelligence.nextBestAction = QStringLiteral("Call");
        intelligence.summary = QStringLiteral("Short.");
        intelligence.fieldsUsed = { QStringLiteral("name"), QStringLiteral("activities.note") };
        intelligence.estimatedValueMinor = 990;
        intelligence.model = QStringLiteral("m");
        intelligence.promptVersion = QStringLiteral("v");
        intelligence.analyzedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC);
        intelligence.createdAt = intelligence.analyzedAt;
        intelligence.updatedAt = intelligence.analyzedAt.addSecs(5);
        intelligence.rev = 3;

        const QJsonObject json = intelligence.toJson();
        QCOMPARE(json.value(QStringLiteral("buying_intent")).toString(), QStringLiteral("critical"));
        QCOMPARE(json.value(QStringLiteral("deal_heat")).toInt(), 72);
        FieldErrors errors;
        const LeadIntelligence back
            = LeadIntelligence::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(), &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(back.toJson(), json);
        QVERIFY(back.validate().isEmpty());
        QVERIFY(back.isValid());

        LeadIntelligence empty;
        QCOMPARE(empty.toJson().value(QStringLiteral("deal_heat")).type(), QJsonValue::Null);
        QVERIFY(!LeadIntelligence::fromJson(empty.toJson()).dealHeat);
    }

    void intentKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("known");
        QTest::addColumn<int>("intent");
        QTest::newRow("low") << QStringLiteral("low") << true << int(LeadIntelligence::Intent::Low);
        QTest::newRow("upper case and spaces")
            << QStringLiteral(" HIGH ") << true << int(LeadIntelligence::Intent::High);
        QTest::newRow("critical") << QStringLiteral("critical") << true << int(LeadIntelligence::Intent::Critical);
        QTest::newRow("empty is unknown") << QString() << true << int(LeadIntelligence::Intent::Unknown);
        QTest::newRow("made up") << QStringLiteral("lukewarm") << false << 0;
        QTest::newRow("injection") << QStringLiteral("high'; DROP TABLE leads;--") << false << 0;
    }

    void intentKeys()
    {
        QFETCH(QString, key);
        QFETCH(bool, known);
        QFETCH(int, intent);
        const std::optional<LeadIntelligence::Intent> parsed = LeadIntelligence::intentFromKey(key);
        QCOMPARE(parsed.has_value(), known);
        if (known) {
            QCOMPARE(int(*parsed), intent);
            QCOMPARE(LeadIntelligence::intentFromKey(LeadIntelligence::intentKey(*parsed)), parsed);
            QVERIFY(!LeadIntelligence::intentLabel(*parsed).isEmpty());
        }
        FieldErrors errors;
        LeadIntelligence::fromJson({ { QStringLiteral("buying_intent"), key } }, &errors);
        QCOMPARE(errors.isEmpty(), known);
        if (!known)
            QCOMPARE(errors.first().field, QStringLiteral("buyingIntent"));
    }

    void hostileAnswersAreBounded()
    {
        QJsonArray many;
        for (int i = 0; i < 500; ++i)
            many.append(QStringLiteral("item %1").arg(i));
        many.append(QJsonValue(42)); // wrong type in a list
        many.append(QStringLiteral("   "));
        const QString huge(200'000, QLatin1Char('x'));
        const QJsonObject answer { { QStringLiteral("deal_heat"), 1e300 }, { QStringLiteral("summary"), huge },
            { QStringLiteral("budget"), QJsonObject { { QStringLiteral("nested"), 1 } } },
            { QStringLiteral("pain_points"), many }, { QStringLiteral("risks"), QStringLiteral("not a list") },
            { QStringLiteral("key_insights"), QJsonArray { QStringLiteral("  padded  "), QString() } },
            { QStringLiteral("unexpected"), QStringLiteral("ignored") } };
        LeadIntelligence parsed = LeadIntelligence::fromJson(answer);
        QVERIFY(parsed.summary.size() <= 4000);
        QVERIFY(parsed.summary.endsWith(QChar(0x2026)));
        QVERIFY(parsed.budget.isEmpty());
        QCOMPARE(parsed.painPoints.size(), 12);
        QVERIFY(parsed.risks.isEmpty());
        QCOMPARE(parsed.keyInsights, QStringList { QStringLiteral("padded") });
        parsed.leadId = QStringLiteral("x");
        const FieldErrors errors = parsed.validate();
        QCOMPARE(errorFor(errors, QStringLiteral("dealHeat")).isEmpty(), false);
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<int>("heat");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("fine") << 50 << QStringLiteral("ok") << QStringList();
        QTest::newRow("zero is fine") << 0 << QStringLiteral("ok") << QStringList();
        QTest::newRow("hundred is fine") << 100 << QStringLiteral("ok") << QStringList();
        QTest::newRow("negative") << -1 << QStringLiteral("ok") << QStringList { QStringLiteral("dealHeat") };
        QTest::newRow("too hot") << 101 << QStringLiteral("ok") << QStringList { QStringLiteral("dealHeat") };
        QTest::newRow("no summary") << 10 << QString() << QStringList { QStringLiteral("summary") };
    }

    void validationNamesTheField()
    {
        QFETCH(int, heat);
        QFETCH(QString, summary);
        QFETCH(QStringList, fields);
        LeadIntelligence intelligence;
        intelligence.leadId = QStringLiteral("lead");
        intelligence.dealHeat = heat;
        intelligence.summary = summary;
        QStringList found;
        for (const FieldError& error : intelligence.validate()) {
            found.append(error.field);
            QVERIFY(!error.message.isEmpty());
        }
        QCOMPARE(found, fields);
    }

    void profileRoundTripsWithTheSeedKeys()
    {
        const QByteArray seed = R"({
            "one_liner": "Who they are", "likely_role": "Inferred from title/company",
            "pain_points": ["Pain 1", "Pain 2", "Pain 3"], "decision_power": "low/medium/high with reason",
            "best_offer_angle": ["Angle 1", "Angle 2"], "personalisation_hooks": ["Hook 1", "Hook 2"],
            "objections": [{"objection": "...", "response": "..."}], "next_best_action": "call/email/linkedin with reason",
            "message_drafts": {"cold_email_1": "...", "follow_up_1": "...", "linkedin_dm_1": "..."},
            "confidence": 85, "source_fields_used": ["firstName", "title", "industry"]
        })";
        const QJsonObject json = QJsonDocument::fromJson(seed).object();
        const AiProfile profile = AiProfile::fromJson(json);
        QCOMPARE(profile.oneLiner, QStringLiteral("Who they are"));
        QCOMPARE(profile.painPoints.size(), 3);
        QCOMPARE(profile.objections.size(), 1);
        QCOMPARE(profile.messageDrafts.linkedinDm1, QStringLiteral("..."));
        QCOMPARE(profile.confidence, 85);
        QCOMPARE(profile.toJson(), json);
        QCOMPARE(AiProfile::fromJson(profile.toJson()), profile);
        QVERIFY(profile.validate().isEmpty());
    }

    void profileValidationAndBounds()
    {
        AiProfile profile = AiProfile::fromJson({ { QStringLiteral("confidence"), 250 },
            { QStringLiteral("objections"),
                QJsonArray { QJsonObject { { QStringLiteral("response"), QStringLiteral("no objection text") } },
                    QStringLiteral("not an object") } } });
        QVERIFY(profile.objections.isEmpty());
        QVERIFY(profile.isEmpty());
        const FieldErrors errors = profile.validate();
        QVERIFY(!errorFor(errors, QStringLiteral("oneLiner")).isEmpty());
        QVERIFY(!errorFor(errors, QStringLiteral("confidence")).isEmpty());
    }

    void sourceFieldsAreRestrictedToWhatWasSent()
    {
        AiProfile profile;
        profile.sourceFieldsUsed = { QStringLiteral("title"), QStringLiteral("firstName"), QStringLiteral("title"),
            QStringLiteral("industry"), QStringLiteral("Industry"), QString() };
        const QStringList dropped = profile.restrictSourceFields(
            { QStringLiteral("name"), QStringLiteral("industry"), QStringLiteral("title") });
        QCOMPARE(profile.sourceFieldsUsed, QStringList({ QStringLiteral("title"), QStringLiteral("industry") }));
        QCOMPARE(dropped, QStringList({ QStringLiteral("firstName"), QStringLiteral("Industry"), QString() }));
        QCOMPARE(
            profile.restrictSourceFields({}), QStringList({ QStringLiteral("title"), QStringLiteral("industry") }));
        QVERIFY(profile.sourceFieldsUsed.isEmpty());
    }
};

QTEST_APPLESS_MAIN(tst_IntelligenceModels)
#include "tst_intelligencemodels.moc"
