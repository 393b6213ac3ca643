#include "services/pricing/DealValueEstimator.h"
#include "services/pricing/KeywordText.h"

#include <QTest>

#include <limits>

namespace {
ServiceOffering service(const QString& name, qint64 price, const QStringList& keywords,
    const QString& currency = QStringLiteral("EUR"), bool active = true)
{
    ServiceOffering s;
    s.id = name;
    s.name = name;
    s.priceMinor = price;
    s.currency = currency;
    s.keywords = keywords;
    s.active = active;
    return s;
}

QList<ServiceOffering> catalog()
{
    return {
        service(QStringLiteral("Website redesign"), 500000,
            { QStringLiteral("website"), QStringLiteral("redesign"), QStringLiteral("landing page") }),
        service(QStringLiteral("SEO audit"), 120000, { QStringLiteral("seo"), QStringLiteral("search ranking") }),
        service(QStringLiteral("App"), 900000, { QStringLiteral("app"), QStringLiteral("mobile app") }),
        service(QStringLiteral("Café menu design"), 30000, { QStringLiteral("café menu") }),
        service(QStringLiteral("C++ training"), 200000, { QStringLiteral("c++") }),
        service(QStringLiteral("Retired print"), 10000, { QStringLiteral("print") }, QStringLiteral("EUR"), false),
        service(QStringLiteral("US ads"), 70000, { QStringLiteral("ads") }, QStringLiteral("USD")),
        service(QStringLiteral("Free call"), 0, { QStringLiteral("consultation") }),
    };
}
} // namespace

class tst_DealValueEstimator : public QObject
{
    Q_OBJECT

private slots:
    void estimate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("services");
        QTest::addColumn<qint64>("value");

        const QStringList none;
        QTest::newRow("empty") << QString() << none << qint64(0);
        QTest::newRow("whitespace only") << QStringLiteral("  \n\t ") << none << qint64(0);
        QTest::newRow("no match") << QStringLiteral("We talked about the weather.") << none << qint64(0);
        QTest::newRow("single word") << QStringLiteral("They need a new website.")
                                     << QStringList { QStringLiteral("Website redesign") } << qint64(500000);
        QTest::newRow("case") << QStringLiteral("WEBSITE and Seo")
                              << QStringList { QStringLiteral("Website redesign"), QStringLiteral("SEO audit") }
                              << qint64(620000);
        QTest::newRow("service once for several keywords")
            << QStringLiteral("website website redesign landing page")
            << QStringList { QStringLiteral("Website redesign") } << qint64(500000);
        QTest::newRow("not inside other words")
            << QStringLiteral("A happy apple appetite; websites; seoul") << none << qint64(0);
        QTest::newRow("word at the ends")
            << QStringLiteral("app") << QStringList { QStringLiteral("App") } << qint64(900000);
        QTest::newRow("punctuation is a boundary")
            << QStringLiteral("(app), \"SEO\"!") << QStringList { QStringLiteral("SEO audit"), QStringLiteral("App") }
            << qint64(1020000);
        QTest::newRow("phrase across spaces and line breaks")
            << QStringLiteral("a new Landing\n   PAGE soon") << QStringList { QStringLiteral("Website redesign") }
            << qint64(500000);
        QTest::newRow("phrase across hyphen") << QStringLiteral("search-ranking dropped")
                                              << QStringList { QStringLiteral("SEO audit") } << qint64(120000);
        QTest::newRow("phrase words not adjacent") << QStringLiteral("the landing of the page") << none << qint64(0);
        QTest::newRow("phrase words reversed") << QStringLiteral("ranking search") << none << qint64(0);
        QTest::newRow("diacritics in text") << QStringLiteral("CAFE MENU please")
                                            << QStringList { QStringLiteral("Café menu design") } << qint64(30000);
        QTest::newRow("decomposed diacritics")
            << QStringLiteral("cafe\u0301 menu") << QStringList { QStringLiteral("Café menu design") } << qint64(30000);
        QTest::newRow("c++ is its own word")
            << QStringLiteral("we use C++ daily") << QStringList { QStringLiteral("C++ training") } << qint64(200000);
        QTest::newRow("lone c is not c++") << QStringLiteral("plan c or c# maybe") << none << qint64(0);
        QTest::newRow("inactive service ignored") << QStringLiteral("print flyers") << none << qint64(0);
        QTest::newRow("other currency not counted") << QStringLiteral("Facebook ads") << none << qint64(0);
        QTest::newRow("free service matches at 0")
            << QStringLiteral("book a consultation") << QStringList { QStringLiteral("Free call") } << qint64(0);
        QTest::newRow("sql injection text") << QStringLiteral("'; DROP TABLE services_catalog; -- seo")
                                            << QStringList { QStringLiteral("SEO audit") } << qint64(120000);
        QTest::newRow("control characters") << QStringLiteral("web") + QChar(0) + QStringLiteral("site ") + QChar(7)
                + QStringLiteral("app") + QChar(0x200b)
                                            << QStringList { QStringLiteral("App") } << qint64(900000);
        QTest::newRow("emoji and surrogates")
            << QStringLiteral("🚀app🚀 \U0001D400") << QStringList { QStringLiteral("App") } << qint64(900000);
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral(" seo")
                                        << QStringList { QStringLiteral("SEO audit") } << qint64(120000);
    }

    void estimate()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, services);
        QFETCH(qint64, value);

        const DealValueEstimate estimate = DealValueEstimator::estimate(text, catalog(), QStringLiteral("eur"));
        QCOMPARE(estimate.currency, QStringLiteral("EUR"));
        QCOMPARE(estimate.matchedServices, services);
        QCOMPARE(estimate.valueMinor, value);
        QCOMPARE(estimate.matched(), !services.isEmpty());
        QVERIFY(!estimate.overflow);
    }

    void matchedKeywordsAreTheCatalogs()
    {
        const DealValueEstimate estimate = DealValueEstimator::estimate(
            QStringLiteral("Website, landing page, Website again, and SEO"), catalog(), QStringLiteral("EUR"));
        QCOMPARE(estimate.matchedKeywords,
            (QStringList { QStringLiteral("website"), QStringLiteral("landing page"), QStringLiteral("seo") }));
    }

    void otherCurrencyIsListedNotAdded()
    {
        const DealValueEstimate estimate
            = DealValueEstimator::estimate(QStringLiteral("ads and seo"), catalog(), QStringLiteral("EUR"));
        QCOMPARE(estimate.valueMinor, 120000);
        QCOMPARE(estimate.otherCurrencyServices, QStringList { QStringLiteral("US ads") });

        const DealValueEstimate inDollars
            = DealValueEstimator::estimate(QStringLiteral("ads and seo"), catalog(), QStringLiteral("USD"));
        QCOMPARE(inDollars.valueMinor, 70000);
        QCOMPARE(inDollars.matchedServices, QStringList { QStringLiteral("US ads") });
        QCOMPARE(inDollars.otherCurrencyServices, QStringList { QStringLiteral("SEO audit") });
    }

    void defaultCurrencyIsTheMostUsed()
    {
        QCOMPARE(DealValueEstimator::dominantCurrency(catalog()), QStringLiteral("EUR"));
        const QList<ServiceOffering> dollars { service(QStringLiteral("A"), 1, { QStringLiteral("a") },
                                                   QStringLiteral("usd")),
            service(QStringLiteral("B"), 1, { QStringLiteral("b") }, QStringLiteral("GBP")),
            service(QStringLiteral("C"), 1, { QStringLiteral("c") }, QStringLiteral("USD")) };
        QCOMPARE(DealValueEstimator::dominantCurrency(dollars), QStringLiteral("USD"));
        QCOMPARE(DealValueEstimator::estimate(QStringLiteral("a b c"), dollars).valueMinor, 2);
        QCOMPARE(DealValueEstimator::dominantCurrency({}), QString());
    }

    void deletedServiceIgnored()
    {
        QList<ServiceOffering> services = catalog();
        services[1].deleted = true;
        QVERIFY(!DealValueEstimator::estimate(QStringLiteral("seo"), services, QStringLiteral("EUR")).matched());
    }

    void emptyAndPunctuationKeywordsNeverMatch()
    {
        const QList<ServiceOffering> services { service(QStringLiteral("Odd"), 100,
            { QString(), QStringLiteral("   "), QStringLiteral("!!!"), QStringLiteral("-") }) };
        QVERIFY(
            !DealValueEstimator::estimate(QStringLiteral("!!! - anything"), services, QStringLiteral("EUR")).matched());
    }

    void overflowSaturates()
    {
        const qint64 big = std::numeric_limits<qint64>::max() - 5;
        const QList<ServiceOffering> services { service(QStringLiteral("A"), big, { QStringLiteral("alpha") }),
            service(QStringLiteral("B"), big, { QStringLiteral("beta") }) };
        const DealValueEstimate estimate
            = DealValueEstimator::estimate(QStringLiteral("alpha beta"), services, QStringLiteral("EUR"));
        QVERIFY(estimate.overflow);
        QCOMPARE(estimate.valueMinor, std::numeric_limits<qint64>::max());
    }

    void hugeTextStaysCorrect()
    {
        QString text;
        text.reserve(2'100'000);
        for (int i = 0; i < 200'000; ++i)
            text += QStringLiteral("lorem ipsum ");
        text += QStringLiteral("landing\tpage");
        const DealValueEstimate estimate = DealValueEstimator::estimate(text, catalog(), QStringLiteral("EUR"));
        QCOMPARE(estimate.matchedServices, QStringList { QStringLiteral("Website redesign") });
    }

    void words_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("basic") << QStringLiteral("Hello, World!")
                               << QStringList { QStringLiteral("hello"), QStringLiteral("world") };
        QTest::newRow("german") << QStringLiteral("Straße Ölwechsel")
                                << QStringList { QStringLiteral("strasse"), QStringLiteral("olwechsel") };
        QTest::newRow("ligature") << QStringLiteral("ﬁnance") << QStringList { QStringLiteral("finance") };
        QTest::newRow("digits") << QStringLiteral(
            "3D print 2024") << QStringList { QStringLiteral("3d"), QStringLiteral("print"), QStringLiteral("2024") };
        QTest::newRow("plus inside word splits")
            << QStringLiteral("seo+ppc") << QStringList { QStringLiteral("seo"), QStringLiteral("ppc") };
        QTest::newRow("c sharp") << QStringLiteral("C#.") << QStringList { QStringLiteral("c#") };
    }

    void words()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QCOMPARE(KeywordText::words(text), words);
    }
};

QTEST_GUILESS_MAIN(tst_DealValueEstimator)
#include "tst_dealvalueestimator.moc"
