#include "models/Proposal.h"

#include <QLocale>
#include <QTest>

#include <limits>

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();

// "quantityMilli:unitPriceMinor:basisPoints;..." keeps the data tables readable.
QList<PricingLine> parseLines(const QString& spec)
{
    QList<PricingLine> lines;
    for (const QString& part : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList fields = part.split(QLatin1Char(':'));
        lines.append({ QStringLiteral("item"), fields.at(0).toLongLong(), fields.at(1).toLongLong(), fields.at(2).toInt() });
    }
    return lines;
}

QString repeat(const QString& line, int count)
{
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts.append(line);
    return parts.join(QLatin1Char(';'));
}
} // namespace

class tst_ProposalTotals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void lineAmounts_data()
    {
        QTest::addColumn<qint64>("quantityMilli");
        QTest::addColumn<qint64>("unitPriceMinor");
        QTest::addColumn<int>("basisPoints");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<qint64>("tax");

        // net = quantity / 1000 × price, tax = net × bp / 10000, each rounded half-up to a whole minor unit.
        QTest::newRow("whole quantity, 19 %") << 2000LL << 1250LL << 1900 << 2500LL << 475LL; // 475.00
        QTest::newRow("1.5 × 9.99 = 14.985") << 1500LL << 999LL << 0 << 1499LL << 0LL; // 1498.5 -> 1499
        QTest::newRow("0.333 × 10.01") << 333LL << 1001LL << 0 << 333LL << 0LL; // 333.333 -> 333
        QTest::newRow("exactly half a cent rounds up") << 500LL << 1LL << 0 << 1LL << 0LL; // 0.5 -> 1
        QTest::newRow("just below half rounds down") << 499LL << 1LL << 0 << 0LL << 0LL; // 0.499 -> 0
        QTest::newRow("just above half rounds up") << 501LL << 1LL << 0 << 1LL << 0LL; // 0.501 -> 1
        QTest::newRow("tax exactly half up") << 1000LL << 250LL << 1900 << 250LL << 48LL; // 47.5 -> 48
        QTest::newRow("tax below half") << 1000LL << 1049LL << 1900 << 1049LL << 199LL; // 199.31 -> 199
        QTest::newRow("7 % of 0.50") << 1000LL << 50LL << 700 << 50LL << 4LL; // 3.5 -> 4
        QTest::newRow("7.5 %") << 1000LL << 1234LL << 750 << 1234LL << 93LL; // 92.55 -> 93
        QTest::newRow("1.25 × 3.33 then 19 %") << 1250LL << 333LL << 1900 << 416LL << 79LL; // 416.25 -> 416; 79.04
        QTest::newRow("tax on the rounded net") << 1500LL << 3LL << 1000 << 5LL << 1LL; // 4.5 -> 5; 0.5 -> 1
        QTest::newRow("zero tax") << 3000LL << 12345LL << 0 << 37035LL << 0LL;
        QTest::newRow("100 % tax") << 1000LL << 12345LL << 10000 << 12345LL << 12345LL;
        QTest::newRow("zero quantity") << 0LL << 5000LL << 1900 << 0LL << 0LL;
        QTest::newRow("zero price") << 2500LL << 0LL << 1900 << 0LL << 0LL;
        QTest::newRow("thousandth of a unit") << 1LL << 100000LL << 1900 << 100LL << 19LL;
        // 123,456.789 units × 1e9.00: quantity × price is 1.2e19 and would overflow 64 bits before the division.
        QTest::newRow("large, beyond 64-bit intermediate") << 123456789LL << 100000000000LL << 1900
                                                           << 12345678900000000LL << 2345678991000000LL;
        // 9,223,372,036,854,775.807 units of 0.01 -> ...775.807 rounds to ...776.
        QTest::newRow("largest quantity") << kMax << 1LL << 0 << 9223372036854776LL << 0LL;
        // The largest net; 0.01 % tax of it is 922,337,203,685,477.5807 -> ...478.
        QTest::newRow("largest net, tiny tax") << 1000LL << kMax << 1 << kMax << 922337203685478LL;
        QTest::newRow("negative rounds away from zero") << -500LL << 1LL << 0 << -1LL << 0LL;
    }

    void lineAmounts()
    {
        QFETCH(qint64, quantityMilli);
        QFETCH(qint64, unitPriceMinor);
        QFETCH(int, basisPoints);
        QFETCH(qint64, net);
        QFETCH(qint64, tax);
        bool overflow = false;
        const LineAmounts amounts
            = Proposal::lineAmounts({ QStringLiteral("x"), quantityMilli, unitPriceMinor, basisPoints }, &overflow);
        QVERIFY(!overflow);
        QCOMPARE(amounts.netMinor, net);
        QCOMPARE(amounts.taxMinor, tax);
    }

    void totals_data()
    {
        QTest::addColumn<QString>("lines");
        QTest::addColumn<qint64>("subtotal");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("total");

        QTest::newRow("no lines") << QString() << 0LL << 0LL << 0LL;
        // 1499 + 2500 + 50; tax 284.81 -> 285, 475, 3.5 -> 4.
        QTest::newRow("three lines") << QStringLiteral("1500:999:1900;2000:1250:1900;1000:50:700") << 4049LL << 764LL
                                     << 4813LL;
        // Rounding per line: 2 × (47.5 -> 48) = 96, where 19 % of the 500 subtotal would be 95.
        QTest::newRow("tax rounded per line, not on the sum") << QStringLiteral("1000:250:1900;1000:250:1900") << 500LL
                                                               << 96LL << 596LL;
        // 0.333 × 0.03 = 0.999 -> 1 each; 19 % of 1 = 0.19 -> 0.
        QTest::newRow("100 tiny lines") << repeat(QStringLiteral("333:3:1900"), 100) << 100LL << 0LL << 100LL;
        // 1.05 each, 10 % = 0.105 -> 0.11 each.
        QTest::newRow("250 lines") << repeat(QStringLiteral("1000:105:1000"), 250) << 26250LL << 2750LL << 29000LL;
        QTest::newRow("zero and 100 % tax mixed") << QStringLiteral("1000:10000:0;1000:10000:10000") << 20000LL << 10000LL
                                                  << 30000LL;
        QTest::newRow("mixed rounding") << QStringLiteral("1250:333:1900;1500:3:1000;333:1001:750;499:1:0;500:1:0")
                                        << 755LL << 105LL << 860LL; // 416+5+333+0+1; 79+1+25(24.975)+0+0
        QTest::newRow("large amounts") << QStringLiteral("123456789:100000000000:1900;1000:100000000000000000:2000")
                                       << 112345678900000000LL << 22345678991000000LL << 134691357891000000LL;
    }

    void totals()
    {
        QFETCH(QString, lines);
        QFETCH(qint64, subtotal);
        QFETCH(qint64, tax);
        QFETCH(qint64, total);
        Proposal proposal;
        proposal.lines = parseLines(lines);
        const ProposalTotals totals = proposal.computeTotals();
        QVERIFY(!totals.overflow);
        QCOMPARE(totals.lines.size(), proposal.lines.size());
        QCOMPARE(totals.subtotalMinor, subtotal);
        QCOMPARE(totals.taxMinor, tax);
        QCOMPARE(totals.totalMinor, total);
        qint64 sum = 0;
        for (const LineAmounts& line : totals.lines)
            sum += line.netMinor;
        QCOMPARE(sum, subtotal);
    }

    void overflowIsReported_data()
    {
        QTest::addColumn<QString>("lines");
        QTest::newRow("net beyond 64 bits") << QStringLiteral("%1:2000:0").arg(kMax);
        QTest::newRow("subtotal beyond 64 bits") << QStringLiteral("1000:%1:0;1000:1:0").arg(kMax);
        QTest::newRow("total beyond 64 bits") << QStringLiteral("1000:%1:1").arg(kMax);
    }

    void overflowIsReported()
    {
        QFETCH(QString, lines);
        QVERIFY(Proposal::computeTotals(parseLines(lines)).overflow);
    }

    void formatting_data()
    {
        QTest::addColumn<qint64>("quantityMilli");
        QTest::addColumn<QString>("quantity");
        QTest::newRow("whole") << 1000LL << QStringLiteral("1");
        QTest::newRow("half") << 1500LL << QStringLiteral("1.5");
        QTest::newRow("thousandths") << 125LL << QStringLiteral("0.125");
        QTest::newRow("grouped") << 1234567LL << QStringLiteral("1,234.567");
        QTest::newRow("zero") << 0LL << QStringLiteral("0");
    }

    void formatting()
    {
        QFETCH(qint64, quantityMilli);
        QFETCH(QString, quantity);
        QCOMPARE(PricingLine::formatQuantity(quantityMilli), quantity);
        QCOMPARE(PricingLine::formatTaxRate(1900), QStringLiteral("19 %"));
        QCOMPARE(PricingLine::formatTaxRate(750), QStringLiteral("7.5 %"));
        QCOMPARE(PricingLine::formatTaxRate(0), QStringLiteral("0 %"));
    }

    void linesSurviveJson()
    {
        const QList<PricingLine> lines { { QStringLiteral("Design"), 1500, 999, 1900 },
            { QStringLiteral("Big"), kMax, kMax - 1, 10000 } };
        QCOMPARE(Proposal::linesFromJson(Proposal::linesToJson(lines)), lines);
    }
};

QTEST_GUILESS_MAIN(tst_ProposalTotals)
#include "tst_proposaltotals.moc"
