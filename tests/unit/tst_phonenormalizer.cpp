#include "services/leads/LeadNormalizer.h"
#include "services/phone/PhoneNormalizer.h"

#include "models/Lead.h"

#include <QTest>

class tst_PhoneNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("e164"); // empty: not a phone number
        QTest::addColumn<bool>("hasError");

        QTest::newRow("UK international")
            << QStringLiteral("US") << QStringLiteral("+44 20 7946 0958") << QStringLiteral("+442079460958") << false;
        QTest::newRow("UK international, region ignored")
            << QStringLiteral("DE") << QStringLiteral("+44 20 7946 0958") << QStringLiteral("+442079460958") << false;
        QTest::newRow("US national") << QStringLiteral("US") << QStringLiteral("(415) 555-2671")
                                     << QStringLiteral("+14155552671") << false;
        QTest::newRow("US with spaces around")
            << QStringLiteral("US") << QStringLiteral("  415.555.2671 \t") << QStringLiteral("+14155552671") << false;
        QTest::newRow("DE national") << QStringLiteral("DE") << QStringLiteral("030 1234567")
                                     << QStringLiteral("+49301234567") << false;
        QTest::newRow("DE national, lower-case region")
            << QStringLiteral("de") << QStringLiteral("030 1234567") << QStringLiteral("+49301234567") << false;
        QTest::newRow("00 prefix from DE")
            << QStringLiteral("DE") << QStringLiteral("0044 20 7946 0958") << QStringLiteral("+442079460958") << false;
        QTest::newRow("already E.164") << QStringLiteral("US") << QStringLiteral("+14155552671")
                                       << QStringLiteral("+14155552671") << false;
        QTest::newRow("too short: 123") << QStringLiteral("US") << QStringLiteral("123") << QString() << true;
        QTest::newRow("letters: abc") << QStringLiteral("US") << QStringLiteral("abc") << QString() << true;
        QTest::newRow("empty is no error") << QStringLiteral("US") << QString() << QString() << false;
        QTest::newRow("blank is no error") << QStringLiteral("US") << QStringLiteral("   ") << QString() << false;
        QTest::newRow("100 characters") << QStringLiteral("US") << QString(100, QLatin1Char('5')) << QString() << true;
        QTest::newRow("100 mixed characters")
            << QStringLiteral("US") << QString(QStringLiteral("+1 415 555 2671 ").repeated(7)) << QString() << true;
        QTest::newRow("unknown country code")
            << QStringLiteral("US") << QStringLiteral("+999 123") << QString() << true;
        QTest::newRow("national number without region")
            << QStringLiteral("ZZ") << QStringLiteral("030 1234567") << QString() << true;
        QTest::newRow("SQL") << QStringLiteral("US") << QStringLiteral("'; DROP TABLE leads; --") << QString() << true;
        // libphonenumber extracts the number from surrounding text, so pasted labels and symbols are fine.
        QTest::newRow("surrounding text") << QStringLiteral("US") << QStringLiteral("Tel.: 📞 415 555 2671 🚀")
                                          << QStringLiteral("+14155552671") << false;
        QTest::newRow("emoji only") << QStringLiteral("US") << QStringLiteral("📞🚀") << QString() << true;
    }

    void normalize()
    {
        QFETCH(QString, region);
        QFETCH(QString, raw);
        QFETCH(QString, e164);
        QFETCH(bool, hasError);

        const PhoneNormalizer normalizer(region);
        QCOMPARE(normalizer.defaultRegion(), region.toUpper());
        const PhoneNormalizer::Result result = normalizer.normalize(raw);
        QCOMPARE(result.e164, e164);
        QCOMPARE(result.ok(), !e164.isEmpty());
        QCOMPARE(!result.error.isEmpty(), hasError);
        if (result.ok())
            QVERIFY(result.error.isEmpty());
    }

    void knownRegions()
    {
        QVERIFY(PhoneNormalizer::isKnownRegion(QStringLiteral("US")));
        QVERIFY(PhoneNormalizer::isKnownRegion(QStringLiteral("de")));
        QVERIFY(PhoneNormalizer::isKnownRegion(QStringLiteral("GB")));
        QVERIFY(!PhoneNormalizer::isKnownRegion(QStringLiteral("XX")));
        QVERIFY(!PhoneNormalizer::isKnownRegion(QString()));
    }

    // LeadNormalizer stores E.164 in phone, keeps what was typed in phone_raw and reports an unusable number.
    void leadNormalizer()
    {
        const LeadNormalizer normalizer { PhoneNormalizer(QStringLiteral("US")) };

        Lead good;
        good.name = QStringLiteral("  Jane Doe  ");
        good.email = QStringLiteral("  Jane@Example.COM ");
        good.website = QStringLiteral(" example.com ");
        good.phoneRaw = QStringLiteral(" (415) 555-2671 ");
        good.phone = QStringLiteral("stale");
        QVERIFY(normalizer.normalize(good).isEmpty());
        QCOMPARE(good.name, QStringLiteral("Jane Doe"));
        QCOMPARE(good.email, QStringLiteral("jane@example.com"));
        QCOMPARE(good.website, QStringLiteral("https://example.com"));
        QCOMPARE(good.phoneRaw, QStringLiteral("(415) 555-2671"));
        QCOMPARE(good.phone, QStringLiteral("+14155552671"));

        Lead bad;
        bad.name = QStringLiteral("X");
        bad.phoneRaw = QStringLiteral("123");
        bad.phone = QStringLiteral("+14155552671");
        const FieldErrors errors = normalizer.normalize(bad);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, QStringLiteral("phone"));
        QVERIFY(bad.phone.isEmpty());
        QCOMPARE(bad.phoneRaw, QStringLiteral("123"));
    }
};

QTEST_GUILESS_MAIN(tst_PhoneNormalizer)
#include "tst_phonenormalizer.moc"
