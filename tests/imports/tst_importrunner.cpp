// The import pipeline on real files and a real workspace: normalisation, errors, duplicates, cancel, undo, export.
#include "ImportTestFiles.h"
#include "tests/support/TempWorkspace.h"

#include "models/LeadFilter.h"
#include "services/imports/CsvReader.h"
#include "services/imports/ImportDuplicateIndex.h"
#include "services/imports/ImportJobRepository.h"
#include "services/imports/ImportRunner.h"
#include "services/imports/ImportUndoer.h"
#include "services/imports/LeadCsvExporter.h"
#include "services/storage/LeadRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using HubTest::TempWorkspace;

class TestImportRunner : public QObject
{
    Q_OBJECT

private slots:
    void normalisesMessyRows();
    void unknownOwnerFailsClearly();
    void reportsBadRowsWithoutLosingData();
    void importTwiceSkipsThenUpdates();
    void createModeCreatesDuplicates();
    void duplicatesInsideOneFile();
    void findOrAddMatchesFindThenAdd();
    void duplicatesAcrossBatches_data();
    void duplicatesAcrossBatches();
    void cancelKeepsImportedRows();
    void undoRestoresUpdatedAndRemovesCreated();
    void exportImportRoundTrip();
    void formulaInjectionExportedSafely();
    void unreadableFilesFailClearly_data();
    void unreadableFilesFailClearly();

private:
    static ImportJob run(TempWorkspace& ws, const QString& path, ImportOptions::Duplicates mode,
        QList<ImportRowError>* errors = nullptr, const std::atomic_bool* cancel = nullptr,
        const ImportRunner::Progress& progress = {});
    static QList<Lead> allLeads(TempWorkspace& ws);
};

ImportJob TestImportRunner::run(TempWorkspace& ws, const QString& path, ImportOptions::Duplicates mode,
    QList<ImportRowError>* errors, const std::atomic_bool* cancel, const ImportRunner::Progress& progress)
{
    ImportRequest request;
    request.path = path;
    request.options.duplicates = mode;
    request.options.region = QStringLiteral("GB");
    ImportJob job;
    ws.runBlocking([&](QSqlDatabase& db) {
        ImportRunner runner(db, ws.identity());
        job = runner.run(request, cancel, progress);
        if (errors)
            *errors = runner.rowErrors();
    });
    return job;
}

QList<Lead> TestImportRunner::allLeads(TempWorkspace& ws)
{
    LeadFilter filter;
    filter.sortKey = LeadFilter::SortKey::Name;
    filter.descending = false;
    QList<Lead> leads;
    ws.runBlocking([&](QSqlDatabase& db) { leads = LeadRepository(db).page(filter, 0, 100000).leads; });
    return leads;
}

void TestImportRunner::normalisesMessyRows()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/messy.csv"),
        "Vorname;Nachname;E-Mail;Telefon;Firma;Webseite;Tags;Status;Umsatz\r\n"
        "  Ada ; Lovelace ;  ADA@Engines.CO.UK ;020 7946 0958;Analytical Engines Ltd;engines.co.uk;vip, math;Qualified;\"12.500,50\"\r\n"
        "Grace;Hopper;grace@navy.mil;+1 415 555 2671;US Navy;https://navy.mil/;;won;1000\r\n");
    QList<ImportRowError> errors;
    const ImportJob job = run(ws, path, ImportOptions::Duplicates::Skip, &errors);
    QVERIFY2(job.status == QLatin1String("completed"), qPrintable(job.error));
    QCOMPARE(job.imported, 2);
    QCOMPARE(job.failed, 0);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).reason));
    const QList<Lead> leads = allLeads(ws);
    QCOMPARE(leads.size(), 2);
    const Lead& ada = leads.at(0);
    QCOMPARE(ada.name, QStringLiteral("Ada Lovelace"));
    QCOMPARE(ada.email, QStringLiteral("ada@engines.co.uk"));
    QCOMPARE(ada.phone, QStringLiteral("+442079460958"));
    QCOMPARE(ada.phoneRaw, QStringLiteral("020 7946 0958"));
    QCOMPARE(ada.website, QStringLiteral("https://engines.co.uk"));
    QCOMPARE(ada.company, QStringLiteral("Analytical Engines Ltd"));
    QCOMPARE(ada.tags, (QStringList { QStringLiteral("vip"), QStringLiteral("math") }));
    QCOMPARE(ada.status, QStringLiteral("qualified"));
    QCOMPARE(ada.valueMinor, 1250050);
    QCOMPARE(ada.importJobId, job.id);
    // Every field the file filled, as compact JSON with sorted keys.
    QJsonObject expectedSources;
    for (const char* column : { "company", "email", "name", "phone", "tags", "value_minor", "website" })
        expectedSources.insert(QLatin1String(column), QStringLiteral("import"));
    QCOMPARE(ada.fieldSources, QString::fromUtf8(QJsonDocument(expectedSources).toJson(QJsonDocument::Compact)));
    QCOMPARE(leads.at(1).status, QStringLiteral("won"));
    QCOMPARE(leads.at(1).phone, QStringLiteral("+14155552671"));
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM import_jobs WHERE status = 'completed'")), 1);
    // Foreign keys, checked once before the import instead of per row, hold and are on again.
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
    QCOMPARE(ws.countRows(QStringLiteral("PRAGMA foreign_keys")), 1);
}

void TestImportRunner::unknownOwnerFailsClearly()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/owner.csv"), "Name,Email\nOne,one@example.com\n");
    ImportRequest request;
    request.path = path;
    request.options.defaultOwner = QStringLiteral("someone-who-left");
    ImportJob job;
    ws.runBlocking([&](QSqlDatabase& db) { job = ImportRunner(db, ws.identity()).run(request); });
    QCOMPARE(job.status, QStringLiteral("failed"));
    QVERIFY2(job.error.contains(QStringLiteral("owner")), qPrintable(job.error));
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads")), 0);
    QCOMPARE(ws.countRows(QStringLiteral("PRAGMA foreign_keys")), 1);
}

void TestImportRunner::reportsBadRowsWithoutLosingData()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/bad.csv"),
        "Name,Email,Phone,Stage,Value,Notes\n"
        "Good Person,good@example.com,+44 20 7946 0001,new,10,\n"
        "Bad Phone,badphone@example.com,12345,new,,\n"
        "Bad Email,not-an-email,,new,,\n"
        ",,,,,\n"
        ",,,,,only notes here\n"
        "Odd Stage,odd@example.com,,Negotiating,abc,\n"
        "Ragged,ragged@example.com\n");
    QList<ImportRowError> errors;
    const ImportJob job = run(ws, path, ImportOptions::Duplicates::Skip, &errors);
    QCOMPARE(job.status, QStringLiteral("completed"));
    QCOMPARE(job.processed, 7);
    QCOMPARE(job.imported, 5);
    QCOMPARE(job.failed, 2);
    const auto errorFor = [&errors](qint64 row, const QString& severity) {
        QStringList reasons;
        for (const ImportRowError& error : errors) {
            if (error.row == row && error.severity == severity)
                reasons.append(error.reason);
        }
        return reasons.join(QLatin1Char('\n'));
    };
    QVERIFY(errorFor(2, QStringLiteral("warning")).contains(QStringLiteral("12345")));
    QVERIFY(errorFor(3, QStringLiteral("warning")).contains(QStringLiteral("not-an-email")));
    QVERIFY(errorFor(4, QStringLiteral("error")).contains(QStringLiteral("empty")));
    QVERIFY(errorFor(5, QStringLiteral("error")).contains(QStringLiteral("no name")));
    QVERIFY(errorFor(6, QStringLiteral("warning")).contains(QStringLiteral("Negotiating")));
    QVERIFY(!errorFor(7, QStringLiteral("warning")).isEmpty());
    // Nothing is lost: the bad phone is kept as typed, the bad email lands in the notes.
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE phone_raw = '12345' AND phone = ''")), 1);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE notes LIKE '%not-an-email%'")), 1);
    // The stored errors match what the run reported, with the original row text.
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM import_errors")), errors.size());
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM import_errors WHERE row_number = 5 AND raw LIKE "
                                         "'%only notes here%'")),
        1);
}

void TestImportRunner::importTwiceSkipsThenUpdates()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/twice.csv"),
        "Name,Email,Phone,Company\n"
        "One,one@example.com,,A\n"
        "Two,,+44 20 7946 0002,B\n"
        "Three,,,C\n");
    QCOMPARE(run(ws, path, ImportOptions::Duplicates::Skip).imported, 3);
    const ImportJob again = run(ws, path, ImportOptions::Duplicates::Skip);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.skipped, 3);
    const QString changed = writeFile(ws.dirPath() + QStringLiteral("/changed.csv"),
        "Name,Email,Phone,Company,Notes\n"
        "One,ONE@example.com,,A Corp,updated\n"
        "Two,,020 7946 0002,B Corp,updated\n"
        "Three,,,C,updated\n");
    const ImportJob update = run(ws, changed, ImportOptions::Duplicates::Update);
    QCOMPARE(update.imported, 0);
    QCOMPARE(update.updated, 3);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads")), 3);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE notes = 'updated'")), 3);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE company = 'A Corp'")), 1);
}

void TestImportRunner::createModeCreatesDuplicates()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/create.csv"), "Name,Email\nOne,one@example.com\n");
    run(ws, path, ImportOptions::Duplicates::Skip);
    QCOMPARE(run(ws, path, ImportOptions::Duplicates::Create).imported, 1);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE email = 'one@example.com'")), 2);
}

void TestImportRunner::duplicatesInsideOneFile()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/self.csv"),
        "Name,Email\nOne,one@example.com\nOne again,ONE@example.com\nOther,other@example.com\n");
    const ImportJob job = run(ws, path, ImportOptions::Duplicates::Skip);
    QCOMPARE(job.imported, 2);
    QCOMPARE(job.skipped, 1);
}

// Skip mode's one-lookup findOrAdd() must answer, and leave the index, as find() followed by add() does.
void TestImportRunner::findOrAddMatchesFindThenAdd()
{
    QRandomGenerator random(7);
    ImportDuplicateIndex oneLookup;
    ImportDuplicateIndex twoSteps;
    // Few distinct values, so that every combination of matching keys comes up often.
    const auto pick = [&random](const char* prefix) {
        return random.bounded(3) == 0 ? QString() : QLatin1String(prefix) + QString::number(random.bounded(40));
    };
    for (int i = 0; i < 20000; ++i) {
        Lead lead;
        lead.id = QStringLiteral("lead-%1").arg(i);
        lead.email = pick("e");
        lead.phone = pick("p");
        lead.name = pick("n");
        const QString key = ImportDuplicateIndex::nameKey(lead);
        const QString expected = twoSteps.find(lead, key);
        if (expected.isEmpty())
            twoSteps.add(lead, key);
        QCOMPARE(oneLookup.findOrAdd(lead, key), expected);
    }
}

// Skip mode finds duplicates while the batches are prepared, update mode while they are written: either way a row
// finds every row before it, in its own batch and in earlier ones.
void TestImportRunner::duplicatesAcrossBatches_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("imported");
    QTest::addColumn<int>("updated");
    QTest::addColumn<int>("skipped");
    const int unique = ImportRunner::kBatchSize + 2000;
    const int repeats = 3000;
    QTest::newRow("skip") << int(ImportOptions::Duplicates::Skip) << unique << 0 << repeats;
    QTest::newRow("update") << int(ImportOptions::Duplicates::Update) << unique << repeats << 0;
    QTest::newRow("create") << int(ImportOptions::Duplicates::Create) << unique + repeats << 0 << 0;
}

void TestImportRunner::duplicatesAcrossBatches()
{
    QFETCH(int, mode);
    QFETCH(int, imported);
    QFETCH(int, updated);
    QFETCH(int, skipped);
    TempWorkspace ws;
    QVERIFY(ws.ok());
    // Rows 0-2999 come back at the end, in capitals, with a note: their first copies are in the first batch, the
    // repeats in the second (some next to the rows they repeat).
    const int unique = ImportRunner::kBatchSize + 2000;
    QByteArray csv = "Name,Email,Notes\n";
    for (int i = 0; i < unique; ++i)
        csv += "Person " + QByteArray::number(i) + ",person" + QByteArray::number(i) + "@example.com,\n";
    for (int i = 0; i < 3000; ++i)
        csv += "Person " + QByteArray::number(i) + ",PERSON" + QByteArray::number(i) + "@example.com,again\n";
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/batches.csv"), csv);
    const ImportJob job = run(ws, path, static_cast<ImportOptions::Duplicates>(mode));
    QCOMPARE(job.status, QStringLiteral("completed"));
    QCOMPARE(job.imported, imported);
    QCOMPARE(job.updated, updated);
    QCOMPARE(job.skipped, skipped);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads")), imported);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE notes = 'again'")),
        mode == int(ImportOptions::Duplicates::Skip) ? 0 : 3000);
}

void TestImportRunner::cancelKeepsImportedRows()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    QByteArray csv = "Name,Email\n";
    for (int i = 0; i < 3 * ImportRunner::kBatchSize + 10; ++i)
        csv += QStringLiteral("Person %1,p%1@example.com\n").arg(i).toUtf8();
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/big.csv"), csv);
    std::atomic_bool cancel { false };
    int reports = 0;
    const ImportJob job = run(ws, path, ImportOptions::Duplicates::Skip, nullptr, &cancel, [&](const ImportProgress& p) {
        ++reports;
        QVERIFY(p.bytesRead > 0 && p.bytesRead <= p.totalBytes);
        cancel = true;
    });
    QCOMPARE(job.status, QStringLiteral("cancelled"));
    QCOMPARE(reports, 1);
    QCOMPARE(job.imported, ImportRunner::kFirstBatchSize);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads")), ImportRunner::kFirstBatchSize);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT processed_rows FROM import_jobs")), ImportRunner::kFirstBatchSize);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM import_jobs WHERE status = 'cancelled'")), 1);
}

void TestImportRunner::undoRestoresUpdatedAndRemovesCreated()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    Lead existing = ws.makeLead(QStringLiteral("Existing"));
    existing.email = QStringLiteral("existing@example.com");
    existing.notes = QStringLiteral("before");
    existing = ws.saveBlocking(existing);
    QVERIFY(existing.isValid());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/undo.csv"),
        "Name,Email,Notes\nExisting,existing@example.com,after\nNew,new@example.com,\n");
    const ImportJob job = run(ws, path, ImportOptions::Duplicates::Update);
    QCOMPARE(job.updated, 1);
    QCOMPARE(job.imported, 1);
    QString error;
    ws.runBlocking([&](QSqlDatabase& db) { error = ImportUndoer(db).undo(job.id); });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const std::optional<Lead> restored = ws.fetchLeadBlocking(existing.id);
    QVERIFY(restored);
    QCOMPARE(restored->notes, QStringLiteral("before"));
    QCOMPARE(restored->name, existing.name);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")), 1);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM import_jobs WHERE status = 'undone'")), 1);
    ws.runBlocking([&](QSqlDatabase& db) { error = ImportUndoer(db).undo(job.id); });
    QVERIFY(error.contains(QStringLiteral("already")));
}

void TestImportRunner::exportImportRoundTrip()
{
    TempWorkspace source;
    QVERIFY(source.ok());
    QVERIFY(source.generateDemoLeads(300, false, 7));
    // Property: every importable field survives export → import, including awkward text.
    Lead awkward = source.makeLead(QStringLiteral("Zoë \"Quote\" O'Brien, Jr."));
    awkward.company = QStringLiteral("Ünïcødé; Tab\tCo 👩‍💻");
    awkward.notes = QStringLiteral("Line one\r\nLine two, with comma\n=not a formula?");
    awkward.tags = { QStringLiteral("a b"), QStringLiteral("c-d") };
    awkward.valueMinor = 1234567;
    awkward.currency = QStringLiteral("USD");
    QVERIFY(source.saveBlocking(awkward).isValid());
    const QString path = source.dirPath() + QStringLiteral("/export.csv");
    QString error;
    qint64 written = 0;
    source.runBlocking([&](QSqlDatabase& db) { error = LeadCsvExporter(db).exportTo(path, LeadFilter {}, &written); });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(written, 301);

    TempWorkspace target;
    QVERIFY(target.ok());
    QList<ImportRowError> errors;
    const ImportJob job = run(target, path, ImportOptions::Duplicates::Create, &errors);
    QCOMPARE(job.imported, 301);
    QCOMPARE(job.failed, 0);
    const QList<Lead> before = allLeads(source);
    const QList<Lead> after = allLeads(target);
    QCOMPARE(after.size(), before.size());
    const auto key = [](const Lead& l) {
        return QStringList { l.name, l.company, l.title, l.email, l.phone.isEmpty() ? l.phoneRaw : l.phone, l.website,
            l.status, l.source, l.industry, l.tags.join(QLatin1Char('|')), l.notes, l.location,
            QString::number(l.valueMinor), l.currency }
            .join(QLatin1Char('\x1f'));
    };
    QStringList expected, actual;
    for (const Lead& lead : before)
        expected.append(key(lead));
    for (const Lead& lead : after)
        actual.append(key(lead));
    expected.sort();
    actual.sort();
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
}

void TestImportRunner::formulaInjectionExportedSafely()
{
    TempWorkspace ws;
    QVERIFY(ws.ok());
    Lead lead = ws.makeLead(QStringLiteral("=cmd|' /C calc'!A0"));
    lead.company = QStringLiteral("+SUM(A1:A9)");
    lead.notes = QStringLiteral("@evil");
    QVERIFY(ws.saveBlocking(lead).isValid());
    const QString path = ws.dirPath() + QStringLiteral("/formula.csv");
    ws.runBlocking([&](QSqlDatabase& db) { LeadCsvExporter(db).exportTo(path, LeadFilter {}); });
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QStringLiteral("'=cmd")));
    QVERIFY(text.contains(QStringLiteral("'+SUM")));
    QVERIFY(text.contains(QStringLiteral("'@evil")));
    QVERIFY(!text.contains(QStringLiteral(",=cmd")) && !text.contains(QStringLiteral("\n=cmd")));
    TempWorkspace target;
    run(target, path, ImportOptions::Duplicates::Create);
    const QList<Lead> back = allLeads(target);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().name, lead.name);
    QCOMPARE(back.first().company, lead.company);
    QCOMPARE(back.first().notes, lead.notes);
}

void TestImportRunner::unreadableFilesFailClearly_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20) << QString();
    QTest::newRow("no identity columns") << QByteArray("Colour,Size\nred,XL\n") << QStringLiteral("Map at least");
}

void TestImportRunner::unreadableFilesFailClearly()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    TempWorkspace ws;
    QVERIFY(ws.ok());
    const QString path = writeFile(ws.dirPath() + QStringLiteral("/input.csv"), bytes);
    const ImportJob job = run(ws, path, ImportOptions::Duplicates::Skip);
    QCOMPARE(job.status, QStringLiteral("failed"));
    QVERIFY(job.id.isEmpty());
    QVERIFY(!job.error.isEmpty());
    if (!expected.isEmpty())
        QVERIFY2(job.error.contains(expected, Qt::CaseInsensitive), qPrintable(job.error));
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads")), 0);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM import_jobs")), 0);
}

QTEST_MAIN(TestImportRunner)
#include "tst_importrunner.moc"
