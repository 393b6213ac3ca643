#include "services/providers/JsonSchemaValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QJsonValue json(const char* text)
{
    // Test data uses single quotes to stay readable; no value in it contains one.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[" + QByteArray(text).replace('\'', '"') + "]"));
    if (!document.isArray())
        qFatal("bad JSON in test data: %s", text);
    return document.array().first();
}

QJsonObject schema(const char* text)
{
    return json(text).toObject();
}

const char* const kLeadSchema
    = "{"
      "    'type': 'object',"
      "    'additionalProperties': false,"
      "    'required': ['summary', 'pain_points', 'score', 'stage'],"
      "    'properties': {"
      "        'summary': {'type': 'string', 'minLength': 1, 'maxLength': 40},"
      "        'pain_points': {'type': 'array', 'items': {'type': 'string'}, 'minItems': 1, 'maxItems': 3},"
      "        'score': {'type': 'integer', 'minimum': 0, 'maximum': 100},"
      "        'stage': {'enum': ['new', 'qualified', 'lost']},"
      "        'owner': {'type': ['string', 'null']}"
      "    }"
      "}";
} // namespace

class TestJsonSchemaValidator : public QObject
{
    Q_OBJECT

private slots:
    void validate_data()
    {
        QTest::addColumn<QJsonObject>("schema");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QStringList>("errors");

        const QJsonObject lead = schema(kLeadSchema);
        QTest::newRow("valid") << lead
                               << json("{'summary':'ok','pain_points':['a'],'score':50,'stage':'new','owner':null}")
                               << QStringList {};
        QTest::newRow("wrong item type") << lead
                                         << json("{'summary':'ok','pain_points':['a','b',3],'score':5,'stage':'new'}")
                                         << QStringList { QStringLiteral(
                                                "$.pain_points[2]: expected string, got integer") };
        QTest::newRow("missing and extra") << lead << json("{'summary':'ok','pain_points':['a'],'score':5,'x':1}")
                                           << QStringList { QStringLiteral("$.stage: missing required property"),
                                                  QStringLiteral("$.x: property is not allowed") };
        QTest::newRow("enum") << lead << json("{'summary':'ok','pain_points':['a'],'score':5,'stage':'won'}")
                              << QStringList { QStringLiteral(
                                     "$.stage: must be one of \"new\", \"qualified\", \"lost\"") };
        QTest::newRow("range") << lead << json("{'summary':'ok','pain_points':['a'],'score':101,'stage':'new'}")
                               << QStringList { QStringLiteral("$.score: 101 is above the maximum 100") };
        QTest::newRow("minimum") << lead << json("{'summary':'ok','pain_points':['a'],'score':-1,'stage':'new'}")
                                 << QStringList { QStringLiteral("$.score: -1 is below the minimum 0") };
        QTest::newRow("integer") << lead << json("{'summary':'ok','pain_points':['a'],'score':1.5,'stage':'new'}")
                                 << QStringList { QStringLiteral("$.score: expected integer, got number") };
        QTest::newRow("too many items")
            << lead << json("{'summary':'ok','pain_points':['a','b','c','d'],'score':1,'stage':'new'}")
            << QStringList { QStringLiteral("$.pain_points: expected at most 3 items, got 4") };
        QTest::newRow("too few items") << lead << json("{'summary':'ok','pain_points':[],'score':1,'stage':'new'}")
                                       << QStringList { QStringLiteral(
                                              "$.pain_points: expected at least 1 items, got 0") };
        QTest::newRow("empty string") << lead << json("{'summary':'','pain_points':['a'],'score':1,'stage':'new'}")
                                      << QStringList { QStringLiteral("$.summary: shorter than 1 characters") };
        QTest::newRow("type list") << lead
                                   << json("{'summary':'s','pain_points':['a'],'score':1,'stage':'new','owner':4}")
                                   << QStringList { QStringLiteral("$.owner: expected string or null, got integer") };
        QTest::newRow("root type") << lead << json("['not', 'an', 'object']")
                                   << QStringList { QStringLiteral("$: expected object, got array") };
        QTest::newRow("odd key") << schema("{'type':'object','properties':{'a b':{'type':'boolean'}}}")
                                 << json("{'a b': 'yes'}")
                                 << QStringList { QStringLiteral("$[\"a b\"]: expected boolean, got string") };
        QTest::newRow("nested") << schema(
            "{'type':'object','properties':{'steps':{'type':'array','items':"
            "{'type':'object','required':['title'],'properties':{'title':{'type':'string'}}}}}}")
                                << json("{'steps':[{'title':'a'},{}]}")
                                << QStringList { QStringLiteral("$.steps[1].title: missing required property") };
        QTest::newRow("number accepts integer") << schema("{'type':'number'}") << json("3") << QStringList {};
        QTest::newRow("additionalProperties schema")
            << schema("{'type':'object','additionalProperties':{'type':'integer'}}") << json("{'a':1,'b':'x'}")
            << QStringList { QStringLiteral("$.b: expected integer, got string") };
    }

    void validate()
    {
        QFETCH(QJsonObject, schema);
        QFETCH(QJsonValue, value);
        QFETCH(QStringList, errors);
        QCOMPARE(JsonSchemaValidator(schema).validate(value), errors);
    }

    void validateText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("firstError");
        QTest::newRow("plain") << QStringLiteral("{\"a\": \"x\"}") << QString();
        QTest::newRow("fenced") << QStringLiteral("```json\n{\"a\": \"x\"}\n```") << QString();
        QTest::newRow("truncated") << QStringLiteral("{\"a\": \"x")
                                   << QStringLiteral("$: the answer is not complete JSON");
        QTest::newRow("prose") << QStringLiteral("Sure! Here it is")
                               << QStringLiteral("$: the answer is not complete JSON");
        QTest::newRow("array") << QStringLiteral("[1]") << QStringLiteral("$: expected object, got array");
        QTest::newRow("violation") << QStringLiteral("{\"a\": 1}")
                                   << QStringLiteral("$.a: expected string, got integer");
    }

    void validateText()
    {
        QFETCH(QString, text);
        QFETCH(QString, firstError);
        QJsonObject object;
        const QStringList errors = JsonSchemaValidator(schema("{'type':'object','properties':{'a':{'type':'string'}}}"))
                                       .validateText(text, object);
        if (firstError.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            QCOMPARE(object.value(QLatin1String("a")).toString(), QStringLiteral("x"));
        } else {
            QVERIFY(!errors.isEmpty());
            QVERIFY2(errors.first().startsWith(firstError), qPrintable(errors.first()));
            QVERIFY(object.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonSchemaValidator)
#include "tst_jsonschemavalidator.moc"
