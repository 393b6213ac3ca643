#include "models/Lead.h"
#include "models/LeadFilter.h"
#include "services/storage/LeadRepository.h"

#include <QTest>

class tst_LeadFilter : public QObject
{
    Q_OBJECT

private:
    static Lead sampleLead()
    {
        Lead lead;
        lead.id = QStringLiteral("lead-1");
        lead.name = QStringLiteral("Jane Doe");
        lead.company = QStringLiteral("Acme Dental");
        lead.contactPerson = QStringLiteral("Robert O'Brien, Zoë from Café Élan");
        lead.title = QStringLiteral("Practice manager");
        lead.email = QStringLiteral("jane.doe@acme-dental.io");
        lead.phone = QStringLiteral("+442079460958");
        lead.location = QStringLiteral("Lisbon");
        lead.status = QStringLiteral("qualified");
        lead.source = QStringLiteral("Referral");
        lead.industry = QStringLiteral("Healthcare");
        lead.tags = { QStringLiteral("hot"), QStringLiteral("website-redesign") };
        lead.notes = QStringLiteral("Met at the chamber breakfast; wants online booking.");
        return lead;
    }

private slots:
    void search_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<bool>("matches");

        QTest::newRow("empty") << QString() << true;
        QTest::newRow("only spaces") << QStringLiteral("   ") << true;
        QTest::newRow("only punctuation") << QStringLiteral("%_\\'\"*") << true;
        QTest::newRow("company prefix") << QStringLiteral("acm") << true;
        QTest::newRow("company second word") << QStringLiteral("dent") << true;
        QTest::newRow("upper case") << QStringLiteral("ACME") << true;
        QTest::newRow("two terms, both match") << QStringLiteral("acm dent") << true;
        QTest::newRow("two terms across fields") << QStringLiteral("jane dental") << true;
        QTest::newRow("two terms, one misses") << QStringLiteral("acme zebra") << false;
        QTest::newRow("infix is not a prefix") << QStringLiteral("cme") << false;
        QTest::newRow("name") << QStringLiteral("do") << true;
        QTest::newRow("contact person after apostrophe") << QStringLiteral("brien") << true;
        QTest::newRow("email local part") << QStringLiteral("jane.doe") << true;
        QTest::newRow("email domain") << QStringLiteral("dental.io") << true;
        QTest::newRow("phone digits") << QStringLiteral("4420794") << true;
        QTest::newRow("phone with plus") << QStringLiteral("+4420") << true;
        QTest::newRow("notes") << QStringLiteral("chamb") << true;
        QTest::newRow("notes second sentence") << QStringLiteral("booking") << true;
        QTest::newRow("tag") << QStringLiteral("hot") << true;
        QTest::newRow("tag part after hyphen") << QStringLiteral("redesign") << true;
        QTest::newRow("title is not searched") << QStringLiteral("practice") << false;
        QTest::newRow("location is not searched") << QStringLiteral("lisbon") << false;
        QTest::newRow("status is not searched") << QStringLiteral("qualified") << false;
        QTest::newRow("operators are words") << QStringLiteral("acme OR zebra") << false;
        QTest::newRow("quotes are ignored") << QStringLiteral("\"acme\"") << true;
        QTest::newRow("star is ignored") << QStringLiteral("acm*") << true;
        QTest::newRow("minus is ignored") << QStringLiteral("-acme") << true;
        // Like the search index: diacritics do not matter, in either direction.
        QTest::newRow("diacritics in the lead") << QStringLiteral("zoe cafe") << true;
        QTest::newRow("diacritics in the search") << QStringLiteral("Zoë CAFÉ") << true;
        QTest::newRow("decomposed input") << QStringLiteral("zoe\u0308") << true;
        QTest::newRow("different letter") << QStringLiteral("zoa") << false;
    }

    void search()
    {
        QFETCH(QString, search);
        QFETCH(bool, matches);
        LeadFilter filter;
        filter.search = search;
        QCOMPARE(filter.matches(sampleLead()), matches);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("industry");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("matches");

        QTest::newRow("none") << QString() << QString() << QString() << QString() << true;
        QTest::newRow("status") << QStringLiteral("qualified") << QString() << QString() << QString() << true;
        QTest::newRow("other status") << QStringLiteral("new") << QString() << QString() << QString() << false;
        QTest::newRow("status is case-sensitive key")
            << QStringLiteral("Qualified") << QString() << QString() << QString() << false;
        QTest::newRow("source") << QString() << QStringLiteral("Referral") << QString() << QString() << true;
        QTest::newRow("source any case") << QString() << QStringLiteral("referral") << QString() << QString() << true;
        QTest::newRow("other source") << QString() << QStringLiteral("Website") << QString() << QString() << false;
        QTest::newRow("source prefix is not enough")
            << QString() << QStringLiteral("Ref") << QString() << QString() << false;
        QTest::newRow("industry") << QString() << QString() << QStringLiteral("HEALTHCARE") << QString() << true;
        QTest::newRow("other industry") << QString() << QString() << QStringLiteral("Retail") << QString() << false;
        QTest::newRow("tag") << QString() << QString() << QString() << QStringLiteral("hot") << true;
        QTest::newRow("tag any case") << QString() << QString() << QString() << QStringLiteral("Website-Redesign")
                                      << true;
        QTest::newRow("tag prefix is not a tag")
            << QString() << QString() << QString() << QStringLiteral("ho") << false;
        QTest::newRow("tag part is not a tag")
            << QString() << QString() << QString() << QStringLiteral("website") << false;
        QTest::newRow("all together") << QStringLiteral("qualified") << QStringLiteral("referral")
                                      << QStringLiteral("healthcare") << QStringLiteral("HOT") << true;
        QTest::newRow("all but one") << QStringLiteral("qualified") << QStringLiteral("referral")
                                     << QStringLiteral("healthcare") << QStringLiteral("cold") << false;
    }

    void filters()
    {
        QFETCH(QString, status);
        QFETCH(QString, source);
        QFETCH(QString, industry);
        QFETCH(QString, tag);
        QFETCH(bool, matches);
        LeadFilter filter;
        filter.status = status;
        filter.source = source;
        filter.industry = industry;
        filter.tag = tag;
        QCOMPARE(filter.isUnfiltered(), status.isEmpty() && source.isEmpty() && industry.isEmpty() && tag.isEmpty());
        QCOMPARE(filter.matches(sampleLead()), matches);

        // A search that matches does not change the outcome; one that misses always wins.
        filter.search = QStringLiteral("acme");
        QCOMPARE(filter.matches(sampleLead()), matches);
        filter.search = QStringLiteral("zebra");
        QVERIFY(!filter.matches(sampleLead()));
    }

    void deletedNeverMatches()
    {
        Lead lead = sampleLead();
        lead.deleted = true;
        LeadFilter filter;
        QVERIFY(filter.isUnfiltered());
        QVERIFY(!filter.matches(lead));
        filter.search = QStringLiteral("acme");
        QVERIFY(!filter.matches(lead));
        filter.status = lead.status;
        QVERIFY(!filter.matches(lead));
        lead.deleted = false;
        QVERIFY(filter.matches(lead));
    }

    void searchTerms_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("terms");

        QTest::newRow("empty") << QString() << QStringList {};
        QTest::newRow("lower-cased") << QStringLiteral("Acme DENTAL")
                                     << QStringList { QStringLiteral("acme"), QStringLiteral("dental") };
        QTest::newRow("extra whitespace") << QStringLiteral("  acme \t\n dental ")
                                          << QStringList { QStringLiteral("acme"), QStringLiteral("dental") };
        QTest::newRow("punctuation splits")
            << QStringLiteral("o'brien,jane.doe@acme")
            << QStringList { QStringLiteral("o"), QStringLiteral("brien"), QStringLiteral("jane"),
                   QStringLiteral("doe"), QStringLiteral("acme") };
        QTest::newRow("unicode") << QStringLiteral("Zoë Ünïcødé")
                                 << QStringList { QStringLiteral("zoë"), QStringLiteral("ünïcødé") };
    }

    void searchTerms()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, terms);
        LeadFilter filter;
        filter.search = search;
        QCOMPARE(filter.searchTerms(), terms);
    }

    // The MATCH text must never let what the user typed act as FTS5 syntax.
    void ftsQuery_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("query");

        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("one word") << QStringLiteral("acme") << QStringLiteral("\"acme\"*");
        QTest::newRow("two words") << QStringLiteral("Acme Dental") << QStringLiteral("\"acme\"* \"dental\"*");
        QTest::newRow("double quotes") << QStringLiteral("\"acme") << QStringLiteral("\"acme\"*");
        QTest::newRow("quote inside word") << QStringLiteral("ac\"me") << QStringLiteral("\"ac\"* \"me\"*");
        QTest::newRow("balanced quotes") << QStringLiteral("\"acme dental\"")
                                         << QStringLiteral("\"acme\"* \"dental\"*");
        QTest::newRow("single quote") << QStringLiteral("o'brien") << QStringLiteral("\"o\"* \"brien\"*");
        QTest::newRow("star alone") << QStringLiteral("*") << QString();
        QTest::newRow("trailing star") << QStringLiteral("acm*") << QStringLiteral("\"acm\"*");
        QTest::newRow("OR") << QStringLiteral("acme OR dental") << QStringLiteral("\"acme\"* \"or\"* \"dental\"*");
        QTest::newRow("AND NOT") << QStringLiteral("a AND NOT b") << QStringLiteral("\"a\"* \"and\"* \"not\"* \"b\"*");
        QTest::newRow("NEAR(") << QStringLiteral("NEAR(acme dental, 2)")
                               << QStringLiteral("\"near\"* \"acme\"* \"dental\"* \"2\"*");
        QTest::newRow("minus") << QStringLiteral("-acme") << QStringLiteral("\"acme\"*");
        QTest::newRow("column filter") << QStringLiteral("name:acme") << QStringLiteral("\"name\"* \"acme\"*");
        QTest::newRow("caret") << QStringLiteral("^acme") << QStringLiteral("\"acme\"*");
        QTest::newRow("braces and plus") << QStringLiteral("{name email}: acme + x")
                                         << QStringLiteral("\"name\"* \"email\"* \"acme\"* \"x\"*");
        QTest::newRow("SQL") << QStringLiteral("'; DROP TABLE leads; --")
                             << QStringLiteral("\"drop\"* \"table\"* \"leads\"*");
        QTest::newRow("only metacharacters") << QStringLiteral("% _ \\ ' \" * - ( ) :") << QString();
    }

    void ftsQuery()
    {
        QFETCH(QString, search);
        QFETCH(QString, query);
        const QString actual = LeadRepository::ftsQuery(search);
        QCOMPARE(actual, query);
        // Whatever came in, every term is a quoted string followed by * and quotes are balanced.
        QCOMPARE(actual.count(QLatin1Char('"')) % 2, 0);
    }
};

QTEST_GUILESS_MAIN(tst_LeadFilter)
#include "tst_leadfilter.moc"
