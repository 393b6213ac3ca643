#include "services/imports/PhoneBatchNormalizer.h"
#include "services/leads/LeadNormalizer.h"
#include "services/phone/PhoneNormalizer.h"

#include "models/Lead.h"

#include <QTest>

#include <phonenumbers/phonenumberutil.h>

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

    // North American numbers written plainly skip libphonenumber's parser: the answer must be the parser's.
    void nanpFastPathAgreesWithLibphonenumber_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("raw");
        const QStringList spellings { QStringLiteral("(415) 555-2671"), QStringLiteral("415.555.2671"),
            QStringLiteral("4155552671"), QStringLiteral("1 415 555 2671"), QStringLiteral("14155552671"),
            QStringLiteral("+1 415 555 2671"), QStringLiteral("+14155552671"), QStringLiteral("(604) 555-0199"),
            QStringLiteral("+1 604 555 0199"), QStringLiteral("16045550199"), QStringLiteral("(212) 555-0100"),
            QStringLiteral("(555) 555-5555"), QStringLiteral("(123) 456-7890"), QStringLiteral("011 44 20 7946 0958"),
            QStringLiteral("1 (011) 555-2671"), QStringLiteral("11234567890"), QStringLiteral("+1 234 567 890"),
            QStringLiteral("415 555 267"), QStringLiteral("415 555 26711"), QStringLiteral("+44 20 7946 0958"),
            QStringLiteral("(876) 555-0123"), QStringLiteral("+1 (876) 555 0123"), QStringLiteral("(800) 555-0199"),
            QStringLiteral("1-800-555-0199"), QStringLiteral("(911) 555-2671"), QStringLiteral("(415) 911-2671") };
        for (const char* region : { "US", "CA", "JM", "DE" }) {
            for (const QString& raw : spellings)
                QTest::addRow("%s %s", region, qPrintable(raw)) << QString::fromLatin1(region) << raw;
        }
    }

    void nanpFastPathAgreesWithLibphonenumber()
    {
        QFETCH(QString, region);
        QFETCH(QString, raw);
        using i18n::phonenumbers::PhoneNumber;
        using i18n::phonenumbers::PhoneNumberUtil;
        const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
        PhoneNumber number;
        QString expected;
        if (util->Parse(raw.toStdString(), region.toStdString(), &number) == PhoneNumberUtil::NO_PARSING_ERROR
            && util->IsValidNumber(number)) {
            std::string formatted;
            util->Format(number, PhoneNumberUtil::E164, &formatted);
            expected = QString::fromStdString(formatted);
        }
        QCOMPARE(PhoneNormalizer(region).normalize(raw).e164, expected);
    }

    // The import caches numbers under a key shared by spellings libphonenumber reads alike. Every spelling must get
    // exactly what normalising it on its own gives, errors quoting what was typed included.
    void batchAgreesWithSingleNumbers()
    {
        const QStringList spellings {
            QStringLiteral("(415) 555-2671"), QStringLiteral("415.555.2671"), QStringLiteral("415-555-2671"),
            QStringLiteral("415 555 2671"), QStringLiteral("4155552671"), QStringLiteral("+1 415 555 2671"),
            QStringLiteral("+1 (415) 555-2671"), QStringLiteral("1 (415) 555-2671"), QStringLiteral("1-415-555-2671"),
            QStringLiteral("415/555/2671"), QStringLiteral("\t415 555 2671 "), QStringLiteral("+44 20 7946 0958"),
            QStringLiteral("+44 (0) 20 7946 0958"), QStringLiteral("+4402079460958"), QStringLiteral("0044 20 7946 0958"),
            QStringLiteral("12-34"), QStringLiteral("1234"), QStringLiteral("12 34"), QStringLiteral("555-0100"),
            QStringLiteral("5550100"), QStringLiteral("415 555 2671 ext. 12"), QStringLiteral("415 555 2671 x12"),
            QStringLiteral("1-800-FLOWERS"), QStringLiteral("18003569377"), QStringLiteral("+1 415 555 2671 +1 415"),
            QStringLiteral("４１５ ５５５ ２６７１"), QStringLiteral("+999 123"), QStringLiteral("999123"),
            QString(70, QLatin1Char('5')), QStringLiteral("Tel.: 415 555 2671"), QStringLiteral("--")
        };
        QList<ImportedRow> rows;
        for (int round = 0; round < 3; ++round) { // again and again: answers from the cache must agree too
            for (const QString& spelling : spellings) {
                ImportedRow row;
                row.number = rows.size() + 1;
                row.phoneInput = spelling;
                rows.append(row);
            }
        }
        PhoneBatchNormalizer batch(QStringLiteral("US"));
        batch.normalize(rows);
        const PhoneNormalizer single(QStringLiteral("US"));
        for (const ImportedRow& row : std::as_const(rows)) {
            const PhoneNormalizer::Result expected = single.normalize(row.phoneInput);
            QVERIFY2(row.lead.phone == expected.e164, qPrintable(row.phoneInput));
            QCOMPARE(row.lead.phoneRaw, row.phoneInput);
            QCOMPARE(row.warnings.size(), expected.ok() ? 0 : 1);
            if (!expected.ok())
                QVERIFY2(row.warnings.first().contains(expected.error), qPrintable(row.warnings.first()));
        }
        QCOMPARE(PhoneBatchNormalizer::cacheKey(QStringLiteral("(415) 555-2671")), QStringLiteral("4155552671"));
        QCOMPARE(PhoneBatchNormalizer::cacheKey(QStringLiteral("+1 415 555 2671")), QStringLiteral("+14155552671"));
        QCOMPARE(PhoneBatchNormalizer::cacheKey(QStringLiteral("415 555 2671 x12")), QStringLiteral("415 555 2671 x12"));
    }
};

QTEST_GUILESS_MAIN(tst_PhoneNormalizer)
#include "tst_phonenormalizer.moc"
