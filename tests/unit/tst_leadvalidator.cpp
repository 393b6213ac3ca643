#include "models/Lead.h"
#include "models/LeadValidator.h"

#include <QTest>

#include <limits>

class tst_LeadValidator : public QObject
{
    Q_OBJECT

private:
    static Lead validLead()
    {
        Lead lead;
        lead.name = QStringLiteral("Jane Doe");
        lead.company = QStringLiteral("Acme Dental");
        lead.email = QStringLiteral("jane@acme.io");
        lead.website = QStringLiteral("acme.io");
        lead.valueMinor = 125'000;
        lead.currency = QStringLiteral("EUR");
        return lead;
    }

    static QStringList fields(const FieldErrors& errors)
    {
        QStringList result;
        for (const FieldError& error : errors)
            result.append(error.field);
        return result;
    }

private slots:
    void email_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");

        QTest::newRow("plain") << QStringLiteral("jane@example.com") << true;
        QTest::newRow("dots, plus, subdomains") << QStringLiteral("first.last+crm@mail.example.co.uk") << true;
        QTest::newRow("digits and hyphen") << QStringLiteral("a1@x-y.io") << true;
        QTest::newRow("upper case") << QStringLiteral("Jane@Example.COM") << true;
        QTest::newRow("no top-level domain: a@b") << QStringLiteral("a@b") << false;
        QTest::newRow("double at") << QStringLiteral("x@@y.com") << false;
        QTest::newRow("two ats") << QStringLiteral("x@y@z.com") << false;
        QTest::newRow("no local part") << QStringLiteral("@example.com") << false;
        QTest::newRow("no at") << QStringLiteral("jane.example.com") << false;
        QTest::newRow("consecutive dots") << QStringLiteral("jane..doe@example.com") << false;
        QTest::newRow("one-letter tld") << QStringLiteral("jane@example.c") << false;
        QTest::newRow("domain starts with hyphen") << QStringLiteral("jane@-example.com") << false;
        QTest::newRow("space inside") << QStringLiteral("jane doe@example.com") << false;
        QTest::newRow("trailing newline") << QStringLiteral("jane@example.com\n") << false;
        QTest::newRow("leading space (normalizer trims first)") << QStringLiteral(" jane@example.com") << false;
        QTest::newRow("display name form") << QStringLiteral("Jane <jane@example.com>") << false;
        // ASCII-only by design (pragmatic RFC 5322 subset): internationalised addresses are rejected, not mangled.
        QTest::newRow("unicode local part") << QStringLiteral("zoë@example.com") << false;
        QTest::newRow("unicode domain") << QStringLiteral("jane@bücher.de") << false;
        QTest::newRow("emoji") << QStringLiteral("👩‍💻@example.com") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("300 characters") << QString(QString(288, QLatin1Char('a')) + QStringLiteral("@example.com"))
                                        << false;
        QTest::newRow("254 characters is the limit") << QString(QString(64, QLatin1Char('a')) + QLatin1Char('@')
            + QString(63, QLatin1Char('b')) + QLatin1Char('.') + QString(63, QLatin1Char('c')) + QLatin1Char('.')
            + QString(58, QLatin1Char('d')) + QStringLiteral(".io"))
                                                     << true;
        QTest::newRow("255 characters") << QString(QString(64, QLatin1Char('a')) + QLatin1Char('@')
            + QString(63, QLatin1Char('b')) + QLatin1Char('.') + QString(63, QLatin1Char('c')) + QLatin1Char('.')
            + QString(59, QLatin1Char('d')) + QStringLiteral(".io"))
                                        << false;
    }

    void email()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        QCOMPARE(LeadValidator::isValidEmail(email), valid);

        // validate() reports exactly the email field for a bad address and nothing for a good or empty one.
        Lead lead = validLead();
        lead.email = email;
        const FieldErrors errors = LeadValidator::validate(lead);
        const bool expectError = !valid && !email.isEmpty();
        QCOMPARE(fields(errors), expectError ? QStringList { QStringLiteral("email") } : QStringList {});
        if (expectError)
            QVERIFY(!errorFor(errors, QStringLiteral("email")).isEmpty());
    }

    void website_data()
    {
        QTest::addColumn<QString>("website");
        QTest::addColumn<QString>("normalized"); // empty: rejected

        QTest::newRow("bare domain") << QStringLiteral("example.com") << QStringLiteral("https://example.com");
        QTest::newRow("https with path") << QStringLiteral("https://x.io/path") << QStringLiteral("https://x.io/path");
        QTest::newRow("http kept") << QStringLiteral("http://example.com") << QStringLiteral("http://example.com");
        QTest::newRow("surrounding spaces")
            << QStringLiteral("  example.com  ") << QStringLiteral("https://example.com");
        QTest::newRow("upper case host") << QStringLiteral("HTTPS://Example.COM/Path")
                                         << QStringLiteral("https://example.com/Path");
        QTest::newRow("subdomain, query")
            << QStringLiteral("www.acme.co.uk/contact?x=1") << QStringLiteral("https://www.acme.co.uk/contact?x=1");
        QTest::newRow("dot segments") << QStringLiteral("https://x.io/a/../b") << QStringLiteral("https://x.io/b");
        QTest::newRow("ftp") << QStringLiteral("ftp://x.com") << QString();
        QTest::newRow("not a url") << QStringLiteral("not a url") << QString();
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << QString();
        QTest::newRow("javascript with slashes") << QStringLiteral("javascript://x.com/%0Aalert(1)") << QString();
        QTest::newRow("data url") << QStringLiteral("data:text/html,<script>alert(1)</script>") << QString();
        QTest::newRow("file url") << QStringLiteral("file:///etc/passwd") << QString();
        QTest::newRow("no tld") << QStringLiteral("example") << QString();
        QTest::newRow("ip address") << QStringLiteral("http://127.0.0.1") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void website()
    {
        QFETCH(QString, website);
        QFETCH(QString, normalized);
        QCOMPARE(LeadValidator::normalizeWebsite(website), normalized);

        Lead lead = validLead();
        lead.website = website;
        const bool expectError = normalized.isEmpty() && !website.trimmed().isEmpty();
        QCOMPARE(fields(LeadValidator::validate(lead)),
            expectError ? QStringList { QStringLiteral("website") } : QStringList {});
    }

    // Bare lower-case host names skip QUrl: the result must be what QUrl gives for the same host with a scheme.
    void bareHostMatchesFullParse_data()
    {
        QTest::addColumn<QString>("host");
        const QString longLabel(63, QLatin1Char('a'));
        for (const QString& host : QStringList { QStringLiteral("example.com"), QStringLiteral("www.acme-dental.com"),
                 QStringLiteral("a1.b2.io"), QStringLiteral("x.co"), QStringLiteral("-bad.com"),
                 QStringLiteral("bad-.com"), QStringLiteral("a..com"), QStringLiteral(".com"), QStringLiteral("com."),
                 QStringLiteral("example.c"), QStringLiteral("example.c0m"), QStringLiteral("example.123"),
                 QStringLiteral("xn--mller-kva.de"), QStringLiteral("sub.xn--bcher-kva.com"),
                 QStringLiteral("a--b.com"), QString(longLabel + QStringLiteral(".com")),
                 QString(longLabel + QStringLiteral("a.com")), QStringLiteral("localhost") })
            QTest::newRow(qPrintable(host.left(30))) << host;
    }

    void bareHostMatchesFullParse()
    {
        QFETCH(QString, host);
        QCOMPARE(
            LeadValidator::normalizeWebsite(host), LeadValidator::normalizeWebsite(QStringLiteral("https://") + host));
    }

    void validLeadHasNoErrors()
    {
        QVERIFY2(LeadValidator::validate(validLead()).isEmpty(),
            qPrintable(fields(LeadValidator::validate(validLead())).join(QLatin1Char(','))));
        Lead minimal;
        minimal.name = QStringLiteral("X");
        QVERIFY(LeadValidator::validate(minimal).isEmpty());
    }

    void fieldRules_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("expected");

        const QString s500(LeadValidator::kMaxShortText, QLatin1Char('x'));
        const QString s501(LeadValidator::kMaxShortText + 1, QLatin1Char('x'));
        const QStringList none;

        QTest::newRow("name empty") << QStringLiteral("name") << QString() << QStringList { QStringLiteral("name") };
        QTest::newRow("name blank") << QStringLiteral("name") << QStringLiteral(" \t\n ")
                                    << QStringList { QStringLiteral("name") };
        QTest::newRow("name 500") << QStringLiteral("name") << s500 << none;
        QTest::newRow("name 501") << QStringLiteral("name") << s501 << QStringList { QStringLiteral("name") };
        QTest::newRow("company 500") << QStringLiteral("company") << s500 << none;
        QTest::newRow("company 501") << QStringLiteral("company") << s501 << QStringList { QStringLiteral("company") };
        QTest::newRow("company emoji 500 code units")
            << QStringLiteral("company")
            << QString(QString(249, QLatin1Char('x')) + QStringLiteral("🚀") + QString(249, QLatin1Char('x'))) << none;
        QTest::newRow("title 501") << QStringLiteral("title") << s501 << QStringList { QStringLiteral("title") };
        QTest::newRow("contact 501") << QStringLiteral("contact_person") << s501
                                     << QStringList { QStringLiteral("contact_person") };
        QTest::newRow("source 501") << QStringLiteral("source") << s501 << QStringList { QStringLiteral("source") };
        QTest::newRow("industry 501") << QStringLiteral("industry") << s501
                                      << QStringList { QStringLiteral("industry") };
        QTest::newRow("location 501") << QStringLiteral("location") << s501
                                      << QStringList { QStringLiteral("location") };
        QTest::newRow("notes 2 MB") << QStringLiteral("notes") << QString(LeadValidator::kMaxNotes, QLatin1Char('n'))
                                    << none;
        QTest::newRow("notes over 2 MB") << QStringLiteral("notes")
                                         << QString(LeadValidator::kMaxNotes + 1, QLatin1Char('n'))
                                         << QStringList { QStringLiteral("notes") };
        QTest::newRow("value negative") << QStringLiteral("value") << QStringLiteral("-1")
                                        << QStringList { QStringLiteral("value") };
        QTest::newRow("value zero") << QStringLiteral("value") << QStringLiteral("0") << none;
        QTest::newRow("value huge") << QStringLiteral("value") << QString::number(std::numeric_limits<qint64>::max())
                                    << none;
        QTest::newRow("currency USD") << QStringLiteral("currency") << QStringLiteral("USD") << none;
        QTest::newRow("currency lower case")
            << QStringLiteral("currency") << QStringLiteral("eur") << QStringList { QStringLiteral("currency") };
        QTest::newRow("currency 4 letters")
            << QStringLiteral("currency") << QStringLiteral("EURO") << QStringList { QStringLiteral("currency") };
        QTest::newRow("currency symbol") << QStringLiteral("currency") << QStringLiteral("€")
                                         << QStringList { QStringLiteral("currency") };
        QTest::newRow("currency empty") << QStringLiteral("currency") << QString()
                                        << QStringList { QStringLiteral("currency") };
        QTest::newRow("currency with newline")
            << QStringLiteral("currency") << QStringLiteral("EUR\n") << QStringList { QStringLiteral("currency") };
    }

    void fieldRules()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QStringList, expected);

        Lead lead = validLead();
        if (field == QLatin1String("name"))
            lead.name = value;
        else if (field == QLatin1String("company"))
            lead.company = value;
        else if (field == QLatin1String("title"))
            lead.title = value;
        else if (field == QLatin1String("contact_person"))
            lead.contactPerson = value;
        else if (field == QLatin1String("source"))
            lead.source = value;
        else if (field == QLatin1String("industry"))
            lead.industry = value;
        else if (field == QLatin1String("location"))
            lead.location = value;
        else if (field == QLatin1String("notes"))
            lead.notes = value;
        else if (field == QLatin1String("value"))
            lead.valueMinor = value.toLongLong();
        else if (field == QLatin1String("currency"))
            lead.currency = value;
        else
            QFAIL("unknown field in test data");

        const FieldErrors errors = LeadValidator::validate(lead);
        QCOMPARE(fields(errors), expected);
        for (const FieldError& error : errors)
            QVERIFY2(!error.message.trimmed().isEmpty(), qPrintable(error.field));
    }

    void everyProblemIsReported()
    {
        Lead lead;
        lead.name = QString();
        lead.company = QString(501, QLatin1Char('c'));
        lead.email = QStringLiteral("x@@y.com");
        lead.website = QStringLiteral("javascript:alert(1)");
        lead.valueMinor = -5;
        lead.currency = QStringLiteral("eu");
        QStringList got = fields(LeadValidator::validate(lead));
        got.sort();
        QCOMPARE(got,
            (QStringList { QStringLiteral("company"), QStringLiteral("currency"), QStringLiteral("email"),
                QStringLiteral("name"), QStringLiteral("value"), QStringLiteral("website") }));
    }
};

QTEST_GUILESS_MAIN(tst_LeadValidator)
#include "tst_leadvalidator.moc"
