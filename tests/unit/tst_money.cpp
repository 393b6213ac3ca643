#include "models/Money.h"

#include <QLocale>
#include <QTest>

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void format_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<bool>("cents");
        QTest::addColumn<QString>("expected");

        const QString us = QStringLiteral("en_US");
        QTest::newRow("EUR whole") << us << qint64(1'250'000) << QStringLiteral("EUR") << false
                                   << QStringLiteral("€12,500");
        QTest::newRow("EUR cents") << us << qint64(1'250'050) << QStringLiteral("EUR") << true
                                   << QStringLiteral("€12,500.50");
        QTest::newRow("USD") << us << qint64(99) << QStringLiteral("USD") << true << QStringLiteral("$0.99");
        QTest::newRow("GBP") << us << qint64(100'000'000) << QStringLiteral("GBP") << false
                             << QStringLiteral("£1,000,000");
        QTest::newRow("unknown currency uses code")
            << us << qint64(500) << QStringLiteral("CHF") << false << QStringLiteral("CHF5");
        QTest::newRow("zero") << us << qint64(0) << QStringLiteral("EUR") << false << QStringLiteral("€0");
        QTest::newRow("German") << QStringLiteral("de_DE") << qint64(123'456) << QStringLiteral("EUR") << true
                                << QStringLiteral("1.234,56\u00a0€");
    }

    void format()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(bool, cents);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(locale));
        QCOMPARE(Money::format(minor, currency, cents), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("minor");

        QTest::newRow("grouped with decimals") << QStringLiteral("12,500.50") << true << qint64(1'250'050);
        QTest::newRow("European") << QStringLiteral("1.234,56") << true << qint64(123'456);
        QTest::newRow("plain integer") << QStringLiteral("12500") << true << qint64(1'250'000);
        QTest::newRow("one decimal") << QStringLiteral("12.5") << true << qint64(1250);
        QTest::newRow("two decimals") << QStringLiteral("12500.50") << true << qint64(1'250'050);
        QTest::newRow("under one") << QStringLiteral("0.05") << true << qint64(5);
        QTest::newRow("dot and three digits is grouping") << QStringLiteral("1.234") << true << qint64(123'400);
        QTest::newRow("largest amount") << QStringLiteral("9000000000000.99") << true << qint64(900'000'000'000'099);
        QTest::newRow("just over the largest") << QStringLiteral("9000000000001") << false << qint64(-1);
        QTest::newRow("no whole part") << QStringLiteral(".5") << false << qint64(-1);
        QTest::newRow("dot at the end") << QStringLiteral("12.") << false << qint64(-1);
        QTest::newRow("decimal comma") << QStringLiteral("7,05") << true << qint64(705);
        QTest::newRow("thousands only") << QStringLiteral("1,234") << true << qint64(123'400);
        QTest::newRow("millions") << QStringLiteral("1,234,567.89") << true << qint64(123'456'789);
        QTest::newRow("European millions") << QStringLiteral("1.234.567,89") << true << qint64(123'456'789);
        QTest::newRow("symbol and spaces") << QStringLiteral(" € 12,500 ") << true << qint64(1'250'000);
        QTest::newRow("dollar") << QStringLiteral("$99.99") << true << qint64(9999);
        QTest::newRow("currency code") << QStringLiteral("EUR 250") << true << qint64(25'000);
        QTest::newRow("German with no-break space") << QStringLiteral("12.500,50\u00a0€") << true << qint64(1'250'050);
        QTest::newRow("French narrow no-break grouping")
            << QStringLiteral("12\u202f500,50\u00a0€") << true << qint64(1'250'050);
        QTest::newRow("space grouping") << QStringLiteral("12 500") << true << qint64(1'250'000);
        QTest::newRow("empty means zero") << QString() << true << qint64(0);
        QTest::newRow("garbage") << QStringLiteral("abc") << false << qint64(-1);
        QTest::newRow("garbage with digits") << QStringLiteral("12abc") << false << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5") << false << qint64(-1);
        QTest::newRow("three decimals") << QStringLiteral("1.2345") << false << qint64(-1);
        QTest::newRow("two separators in a row") << QStringLiteral("1,,000") << false << qint64(-1);
        QTest::newRow("bad grouping") << QStringLiteral("12,50,000") << false << qint64(-1);
        QTest::newRow("SQL") << QStringLiteral("1; DROP TABLE leads") << false << qint64(-1);
        QTest::newRow("emoji") << QStringLiteral("💰100") << false << qint64(-1);
        QTest::newRow("too large") << QStringLiteral("99999999999999999999") << false << qint64(-1);
        QTest::newRow("exponent") << QStringLiteral("1e6") << false << qint64(-1);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, minor);
        qint64 result = -1;
        QCOMPARE(Money::parse(text, &result), ok);
        if (ok)
            QCOMPARE(result, minor);
        else
            QCOMPARE(result, qint64(-1)); // untouched on failure
    }

    void roundTrip_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::newRow("0") << qint64(0);
        QTest::newRow("1 cent") << qint64(1);
        QTest::newRow("12,500.50") << qint64(1'250'050);
        QTest::newRow("large") << qint64(987'654'321'00);
    }

    void roundTrip()
    {
        QFETCH(qint64, minor);
        for (const QString& locale :
            { QStringLiteral("en_US"), QStringLiteral("de_DE"), QStringLiteral("en_GB"), QStringLiteral("fr_FR") }) {
            QLocale::setDefault(QLocale(locale));
            const QString text = Money::format(minor, QStringLiteral("EUR"), true);
            qint64 parsed = -1;
            QVERIFY2(Money::parse(text, &parsed), qPrintable(locale + QStringLiteral(": ") + text));
            QCOMPARE(parsed, minor);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"
