// Column suggestions from header names in several spellings and languages, and the --map syntax.
#include "services/imports/MappingSuggester.h"

#include <QTest>

Q_DECLARE_METATYPE(LeadField)

class TestMappingSuggester : public QObject
{
    Q_OBJECT

private slots:
    void suggestsFields_data();
    void suggestsFields();
    void oneColumnPerField();
    void specParsing();
    void jsonRoundTrip();
    void validation();
};

void TestMappingSuggester::suggestsFields_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<LeadField>("field");
    const QList<QPair<const char*, LeadField>> cases {
        { "First Name", LeadField::FirstName }, { "first_name", LeadField::FirstName },
        { "Vorname", LeadField::FirstName }, { "Prénom", LeadField::FirstName }, { "Surname", LeadField::LastName },
        { "Nachname", LeadField::LastName }, { "Full Name", LeadField::FullName }, { "Name", LeadField::FullName },
        { "Contact Person", LeadField::FullName }, { "Company Name", LeadField::Company },
        { "Organisation", LeadField::Company }, { "Firma", LeadField::Company }, { "Empresa", LeadField::Company },
        { "E-Mail", LeadField::Email }, { "Email Address", LeadField::Email }, { "Correo electrónico", LeadField::Email },
        { "Work Email", LeadField::Email }, { "Primary Email", LeadField::Email }, { "Phone Number", LeadField::Phone },
        { "Telefon", LeadField::Phone }, { "Mobile", LeadField::Phone }, { "Téléphone", LeadField::Phone },
        { "Website URL", LeadField::Website }, { "Webseite", LeadField::Website }, { "Lead Status", LeadField::Status },
        { "Deal Stage", LeadField::Status }, { "Lead Source", LeadField::Source }, { "Branche", LeadField::Industry },
        { "Tags", LeadField::Tags }, { "Notes", LeadField::Notes }, { "Bemerkungen", LeadField::Notes },
        { "City", LeadField::Location }, { "Deal Value", LeadField::Value }, { "Umsatz", LeadField::Value },
        { "Currency", LeadField::Currency }, { "Job Title", LeadField::Title }, { "  JOB TITLE  ", LeadField::Title },
        { "Favourite colour", LeadField::Ignore }, { "", LeadField::Ignore }, { "Column 7", LeadField::Ignore },
    };
    for (const auto& [header, field] : cases)
        QTest::newRow(header) << QString::fromUtf8(header) << field;
}

void TestMappingSuggester::suggestsFields()
{
    QFETCH(QString, header);
    QFETCH(LeadField, field);
    QCOMPARE(MappingSuggester::suggestOne(header), field);
}

void TestMappingSuggester::oneColumnPerField()
{
    const ImportMapping mapping = MappingSuggester::suggest(
        { QStringLiteral("Email"), QStringLiteral("E-Mail"), QStringLiteral("Notes"), QStringLiteral("Comments") });
    QCOMPARE(mapping.columns,
        (QList<LeadField> { LeadField::Email, LeadField::Ignore, LeadField::Notes, LeadField::Notes }));
}

void TestMappingSuggester::specParsing()
{
    const QStringList header { QStringLiteral("E-Mail"), QStringLiteral("Firma"), QStringLiteral("x") };
    QString error;
    const ImportMapping mapping = ImportMapping::fromSpec(QStringLiteral("E-Mail=email, Firma=Company"), header, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(mapping.columns, (QList<LeadField> { LeadField::Email, LeadField::Company, LeadField::Ignore }));
    ImportMapping::fromSpec(QStringLiteral("Missing=email"), header, &error);
    QVERIFY(error.contains(QStringLiteral("Missing")));
    error.clear();
    ImportMapping::fromSpec(QStringLiteral("Firma=shoe_size"), header, &error);
    QVERIFY(error.contains(QStringLiteral("shoe_size")));
    error.clear();
    ImportMapping::fromSpec(QStringLiteral("no equals sign"), header, &error);
    QVERIFY(!error.isEmpty());
}

void TestMappingSuggester::jsonRoundTrip()
{
    const QStringList header { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") };
    ImportMapping mapping;
    mapping.columns = { LeadField::Phone, LeadField::Ignore, LeadField::Tags };
    QCOMPARE(ImportMapping::fromJson(mapping.toJson(header), header).columns, mapping.columns);
    // A preset saved for another file applies by header name, whatever the column order.
    const QStringList reordered { QStringLiteral("C"), QStringLiteral("A"), QStringLiteral("Z") };
    QCOMPARE(ImportMapping::fromJson(mapping.toJson(header), reordered).columns,
        (QList<LeadField> { LeadField::Tags, LeadField::Phone, LeadField::Ignore }));
}

void TestMappingSuggester::validation()
{
    ImportMapping mapping;
    mapping.columns = { LeadField::Tags, LeadField::Notes };
    QVERIFY(!mapping.validationError().isEmpty());
    mapping.columns.append(LeadField::Phone);
    QVERIFY(mapping.validationError().isEmpty());
}

QTEST_MAIN(TestMappingSuggester)
#include "tst_mappingsuggester.moc"
