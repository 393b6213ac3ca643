#include "services/storage/DatabaseExecutor.h"
#include "services/sync/CopyChunks.h"
#include "services/sync/ReplicaBulkLoader.h"
#include "services/sync/ReplicaStore.h"
#include "services/sync/SyncedTable.h"
#include "tests/support/TempWorkspace.h"

#include <QProcess>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <memory>

#include <sqlite3.h>

#include <unistd.h>

namespace {
// Set in the environment of a child run of this binary that only writes a first sync into the named workspace and
// dies the moment SQLite is about to commit it (crashedFirstLoadIsRedone).
constexpr const char* kCrashEnv = "HUB_TEST_CRASH_FIRST_LOAD";
constexpr int kCrashExit = 3;
} // namespace

// The SQLite side of the first full sync, without a server: a binary COPY stream (as PostgreSQL sends it) written
// into the replica by ReplicaBulkLoader, and the timeline's outbox triggers (0011).
class TestReplicaBulkLoad : public QObject
{
    Q_OBJECT

private slots:
    void loadIntoAnEmptyTableBuildsIndexesAndRestoresTriggers();
    void malformedStreamLeavesNothingBehind();
    void loadIntoATableWithRowsKeepsFieldsStillToBePushed();
    void timelineWritesAreQueued();
    void searchIndexBuiltAsideIsWholeAndKeepsItsSettings();
    void crashedFirstLoadIsRedone();

public:
    static int crashDuringLoad(const QString& path);

private:
    static void makeReplica(HubTest::TempWorkspace& ws)
    {
        ws.runBlocking([](QSqlDatabase& db) {
            ReplicaStore replica(db);
            QVERIFY(replica.setReplicating(true));
            QVERIFY(replica.recordServer(QStringLiteral("server-org"), QStringLiteral("server-user"), QString()));
        });
    }
    static QList<CopyColumn> columns()
    {
        return { CopyColumn::forServerType(QStringLiteral("id"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("org_id"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("owner_id"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("name"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("company"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("contact_person"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("email"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("phone"), QStringLiteral("varchar")),
            CopyColumn::forServerType(QStringLiteral("tags"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("notes"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("status"), QStringLiteral("text")),
            CopyColumn::forServerType(QStringLiteral("value_minor"), QStringLiteral("int8")),
            CopyColumn::forServerType(QStringLiteral("do_not_call"), QStringLiteral("bool")),
            CopyColumn::forServerType(QStringLiteral("deal_heat"), QStringLiteral("int2")),
            CopyColumn::forServerType(QStringLiteral("field_sources"), QStringLiteral("jsonb")),
            CopyColumn::forServerType(QStringLiteral("created_at"), QStringLiteral("timestamptz")),
            CopyColumn::forServerType(QStringLiteral("updated_at"), QStringLiteral("timestamptz")),
            CopyColumn::forServerType(QStringLiteral("deleted"), QStringLiteral("bool")),
            CopyColumn::forServerType(QStringLiteral("rev"), QStringLiteral("int8")) };
    }
    template <typename T>
    static QByteArray big(T value)
    {
        const T swapped = qToBigEndian(value);
        return QByteArray(reinterpret_cast<const char*>(&swapped), sizeof swapped);
    }
    static QByteArray field(const QByteArray& bytes) { return big<qint32>(static_cast<qint32>(bytes.size())) + bytes; }
    // One lead row in the order of columns().
    static QByteArray row(const QString& id, const QString& name, const QString& company, qint64 rev)
    {
        const qint64 micros = qint64(850000000) * 1000000 + 123456; // 2026-12-07T23:06:40.123456Z
        return big<qint16>(19) + field(id.toUtf8()) + field("server-org") + field("server-user") + field(name.toUtf8())
            + field(company.toUtf8()) + field("Contact") + field(id.toUtf8() + "@example.com") + field("+49 30 1234")
            + field("vip,server") + field("server notes") + field("qualified") + field(big<qint64>(250000))
            + field(QByteArray(1, '\1')) + big<qint32>(-1) + field(QByteArray("\1{\"name\": \"csv\"}"))
            + field(big<qint64>(micros)) + field(big<qint64>(micros)) + field(QByteArray(1, '\0'))
            + field(big<qint64>(rev));
    }
    static QByteArray stream(const QByteArray& rows, bool trailer = true)
    {
        return QByteArray("PGCOPY\n\377\r\n\0", 11) + QByteArray(8, '\0') + rows + (trailer ? big<qint16>(-1) : QByteArray());
    }
    // The stream as it arrives from a server: in chunks that cut through headers, rows and fields.
    static std::shared_ptr<CopyChunks> arriving(const QByteArray& data)
    {
        auto chunks = std::make_shared<CopyChunks>(97);
        for (qsizetype at = 0; at < data.size(); at += 13)
            chunks->append(data.constData() + at, static_cast<int>(std::min<qsizetype>(13, data.size() - at)));
        chunks->finish(true);
        return chunks;
    }

    static bool load(HubTest::TempWorkspace& ws, const QByteArray& data, ReplicaBulkLoader::Result* result,
        QString* error)
    {
        bool ok = false;
        ws.runBlocking([&](QSqlDatabase& db) {
            ReplicaBulkLoader loader(db);
            ok = loader.load(SyncedTable::leads(), columns(), arriving(data), QStringLiteral("snapshot-1"),
                QStringLiteral("2026-12-08T10:00:00.000Z"), 500, result);
            *error = loader.lastError();
        });
        return ok;
    }
    // count lead rows "lead-<i>", named after animals so that searches can tell them apart.
    static QByteArray rows(int count)
    {
        QByteArray out;
        for (int i = 0; i < count; ++i)
            out += row(QStringLiteral("lead-%1").arg(i, 6, 10, QLatin1Char('0')),
                QStringLiteral("%1 Number%2").arg(i % 2 ? QStringLiteral("Okapi") : QStringLiteral("Wombat")).arg(i),
                QStringLiteral("Company %1").arg(i % 7), i + 1);
        return out;
    }
    static int triggers(HubTest::TempWorkspace& ws)
    {
        return ws.countRows(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                           "('lead_derived_insert', 'leads_outbox_insert')"));
    }
    static QString cursor(HubTest::TempWorkspace& ws)
    {
        QString value;
        ws.runBlocking([&](QSqlDatabase& db) { value = ReplicaStore(db).cursor(QStringLiteral("leads")); });
        return value;
    }
};

void TestReplicaBulkLoad::loadIntoAnEmptyTableBuildsIndexesAndRestoresTriggers()
{
    HubTest::TempWorkspace ws;
    QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
    makeReplica(ws);
    ReplicaBulkLoader::Result result;
    QString error;
    QVERIFY2(load(ws,
                 stream(row(QStringLiteral("lead-1"), QStringLiteral("Axolotl Ltd"), QStringLiteral("A"), 5)
                     + row(QStringLiteral("lead-2"), QStringLiteral("Zébu GmbH"), QStringLiteral("B"), 6)),
                 &result, &error),
        qPrintable(error));
    QVERIFY(result.bulk);
    QCOMPARE(result.rows, 2);
    QCOMPARE(result.upserted, (QStringList { QStringLiteral("lead-1"), QStringLiteral("lead-2") }));
    QCOMPARE(cursor(ws), QStringLiteral("snapshot-1"));
    QCOMPARE(triggers(ws), 2);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM lead_figures")), 2);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT sum(leads) FROM lead_totals")), 2);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM sync_outbox")), 0);
    // The owner the server named exists locally (foreign key), values are stored as the replica stores them.
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM users WHERE id = 'server-user'")), 1);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE id = 'lead-1' AND do_not_call = 1 AND "
                                         "value_minor = 250000 AND deal_heat IS NULL AND field_sources = "
                                         "'{\"name\": \"csv\"}' AND created_at = '2026-12-07T23:06:40.123Z' AND rev = 5")),
        1);
    LeadFilter filter;
    filter.search = QStringLiteral("zebu");
    QCOMPARE(ws.pageBlocking(filter).size(), 1);

    // The triggers work again: a local lead is indexed and queued.
    const Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Local Capybara")));
    QVERIFY(saved.isValid());
    filter.search = QStringLiteral("capybara");
    QCOMPARE(ws.pageBlocking(filter).size(), 1);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'leads'")), 1);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM lead_figures")), 3);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT sum(leads) FROM lead_totals")), 3);
}

void TestReplicaBulkLoad::malformedStreamLeavesNothingBehind()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    ReplicaBulkLoader::Result result;
    QString error;
    const QByteArray good = row(QStringLiteral("lead-1"), QStringLiteral("Half"), QStringLiteral("A"), 5);
    QVERIFY(!load(ws, stream(good + good.left(20), false), &result, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!load(ws, stream(big<qint16>(2) + field("lead-x") + field("org")), &result, &error));
    QVERIFY(error.contains(QStringLiteral("fields")));
    // Rolled back as a whole: no rows, no cursor, the dropped triggers are there again.
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads")), 0);
    QVERIFY(cursor(ws).isEmpty());
    QCOMPARE(triggers(ws), 2);
}

void TestReplicaBulkLoad::loadIntoATableWithRowsKeepsFieldsStillToBePushed()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Pending AG")));
    QVERIFY(saved.isValid());
    ws.runBlocking([](QSqlDatabase& db) { QSqlQuery(db).exec(QStringLiteral("DELETE FROM sync_outbox")); });
    saved.notes = QStringLiteral("local notes not yet pushed");
    QVERIFY(ws.saveBlocking(saved).isValid());

    ReplicaBulkLoader::Result result;
    QString error;
    QVERIFY2(load(ws, stream(row(saved.id, QStringLiteral("Pending AG"), QStringLiteral("Server Co"), 9)), &result,
                 &error),
        qPrintable(error));
    QVERIFY(!result.bulk);
    const auto lead = ws.fetchLeadBlocking(saved.id);
    QCOMPARE(lead->notes, QStringLiteral("local notes not yet pushed"));
    QCOMPARE(lead->company, QStringLiteral("Server Co"));
    QCOMPARE(lead->rev, qint64(9));
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'leads'")), 1);
    LeadFilter filter;
    filter.search = QStringLiteral("pending");
    QCOMPARE(ws.pageBlocking(filter).size(), 1);
}

void TestReplicaBulkLoad::timelineWritesAreQueued()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    const Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Timeline Ltd")));
    QVERIFY(saved.isValid());
    // The lead first, then its "created" entry: pushed in that order, the server has the lead the entry points to.
    QList<OutboxEntry> entries;
    ws.runBlocking([&](QSqlDatabase& db) { entries = ReplicaStore(db).pendingOutbox(0, 100); });
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).table, QStringLiteral("leads"));
    QCOMPARE(entries.at(1).table, QStringLiteral("activities"));
    QCOMPARE(entries.at(1).fields.value(QStringLiteral("lead_id")).toString(), saved.id);
    QCOMPARE(entries.at(1).fields.value(QStringLiteral("kind")).toString(), QStringLiteral("created"));

    ws.runBlocking([](QSqlDatabase& db) { QSqlQuery(db).exec(QStringLiteral("DELETE FROM sync_outbox")); });
    QVERIFY(ws.addNoteBlocking(saved.id, QStringLiteral("First call")));
    const QList<Activity> timeline = ws.timelineBlocking(saved.id);
    QString noteId;
    for (const Activity& activity : timeline)
        if (activity.body == QLatin1String("First call"))
            noteId = activity.id;
    QVERIFY(!noteId.isEmpty());
    QVERIFY(ws.editNoteBlocking(noteId, QStringLiteral("First call, again")));
    QVERIFY(ws.setNoteDeletedBlocking(noteId, true));
    ws.runBlocking([&](QSqlDatabase& db) { entries = ReplicaStore(db).pendingOutbox(0, 100); });
    entries.removeIf([](const OutboxEntry& entry) { return entry.table != QLatin1String("activities"); });
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).fields.value(QStringLiteral("body")).toString(), QStringLiteral("First call"));
    QStringList changed = entries.at(1).fields.keys();
    changed.removeAll(QStringLiteral("updated_at"));
    QCOMPARE(changed, QStringList { QStringLiteral("body") });
    QCOMPARE(entries.at(2).op, QStringLiteral("delete"));
}

void TestReplicaBulkLoad::searchIndexBuiltAsideIsWholeAndKeepsItsSettings()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    // A search before the load: the connection has read (and FTS5 cached) the empty index.
    LeadFilter filter;
    filter.search = QStringLiteral("okapi");
    QCOMPARE(ws.pageBlocking(filter).size(), 0);
    ws.runBlocking([](QSqlDatabase& db) {
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO leads_fts (leads_fts, rank) VALUES ('automerge', 8)")));
    });

    ReplicaBulkLoader::Result result;
    QString error;
    QVERIFY2(load(ws, stream(rows(3000)), &result, &error), qPrintable(error));
    QVERIFY(result.bulk);
    QVERIFY(result.searchIndexAside);
    QCOMPARE(result.rows, 3000);
    // The index agrees with the rows, term by term (FTS5 checks it against the content table).
    ws.runBlocking([](QSqlDatabase& db) {
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO leads_fts (leads_fts, rank) VALUES ('integrity-check', 1)")),
            qPrintable(query.lastError().text()));
        QVERIFY(query.exec(QStringLiteral("SELECT v FROM leads_fts_config WHERE k = 'automerge'")) && query.next());
        QCOMPARE(query.value(0).toInt(), 8);
    });
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'okapi'")), 1500);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'w*'")), 1500);
    QCOMPARE(ws.pageBlocking(filter, 0, 5000).size(), 1500);
    filter.search = QStringLiteral("number2999");
    const QList<Lead> found = ws.pageBlocking(filter);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.constFirst().id, QStringLiteral("lead-002999"));

    // Later writes go through the rebuilt table's triggers as before.
    const Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Local Okapi")));
    QVERIFY(saved.isValid());
    filter.search = QStringLiteral("okapi");
    QCOMPARE(ws.pageBlocking(filter, 0, 5000).size(), 1501);
}

// The child's side of crashedFirstLoadIsRedone: a process that dies inside the first sync's transaction.
int TestReplicaBulkLoad::crashDuringLoad(const QString& path)
{
    DatabaseExecutor executor;
    if (!executor.openBlocking(path).ok())
        return 1;
    executor.runBlocking([](QSqlDatabase& db) {
        sqlite3* handle = *static_cast<sqlite3* const*>(db.driver()->handle().constData());
        sqlite3_commit_hook(
            handle, [](void*) -> int { _exit(kCrashExit); }, nullptr);
        ReplicaBulkLoader loader(db);
        ReplicaBulkLoader::Result result;
        loader.load(SyncedTable::leads(), columns(), CopyChunks::whole(stream(rows(20000))),
            QStringLiteral("snapshot-1"), QStringLiteral("2026-12-08T10:00:00.000Z"), 500, &result);
    });
    return 0;
}

void TestReplicaBulkLoad::crashedFirstLoadIsRedone()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kCrashEnv), ws.path());
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    // It died at the commit, with every row, index and the search index written (in the WAL or its cache).
    QCOMPARE(child.exitCode(), kCrashExit);

    // Nothing of it is there: no rows, no cursor, the triggers and indexes as before; the next start copies again.
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads")), 0);
    QVERIFY(cursor(ws).isEmpty());
    QCOMPARE(triggers(ws), 2);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'leads_status_updated'")), 1);
    ReplicaBulkLoader::Result result;
    QString error;
    QVERIFY2(load(ws, stream(rows(300)), &result, &error), qPrintable(error));
    QVERIFY(result.bulk);
    QCOMPARE(result.rows, 300);
    QCOMPARE(cursor(ws), QStringLiteral("snapshot-1"));
    LeadFilter filter;
    filter.search = QStringLiteral("wombat");
    QCOMPARE(ws.pageBlocking(filter, 0, 1000).size(), 150);
    ws.runBlocking([](QSqlDatabase& db) {
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO leads_fts (leads_fts, rank) VALUES ('integrity-check', 1)")),
            qPrintable(query.lastError().text()));
    });
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kCrashEnv))
        return TestReplicaBulkLoad::crashDuringLoad(qEnvironmentVariable(kCrashEnv));
    TestReplicaBulkLoad test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_replicabulkload.moc"
