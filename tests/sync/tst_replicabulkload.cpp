#include "services/sync/ReplicaBulkLoader.h"
#include "services/sync/ReplicaStore.h"
#include "services/sync/SyncedTable.h"
#include "tests/support/TempWorkspace.h"

#include <QSqlQuery>
#include <QTest>
#include <QtEndian>

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
        return big<qint16>(15) + field(id.toUtf8()) + field("server-org") + field("server-user") + field(name.toUtf8())
            + field(company.toUtf8()) + field("server notes") + field("qualified") + field(big<qint64>(250000))
            + field(QByteArray(1, '\1')) + big<qint32>(-1) + field(QByteArray("\1{\"name\": \"csv\"}"))
            + field(big<qint64>(micros)) + field(big<qint64>(micros)) + field(QByteArray(1, '\0'))
            + field(big<qint64>(rev));
    }
    static QByteArray stream(const QByteArray& rows, bool trailer = true)
    {
        return QByteArray("PGCOPY\n\377\r\n\0", 11) + QByteArray(8, '\0') + rows + (trailer ? big<qint16>(-1) : QByteArray());
    }
    static bool load(HubTest::TempWorkspace& ws, const QByteArray& data, ReplicaBulkLoader::Result* result,
        QString* error)
    {
        bool ok = false;
        ws.runBlocking([&](QSqlDatabase& db) {
            ReplicaBulkLoader loader(db);
            ok = loader.load(SyncedTable::leads(), columns(), data, QStringLiteral("snapshot-1"),
                QStringLiteral("2026-12-08T10:00:00.000Z"), 500, result);
            *error = loader.lastError();
        });
        return ok;
    }
    static int triggers(HubTest::TempWorkspace& ws)
    {
        return ws.countRows(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                           "('leads_fts_insert', 'lead_figures_insert', 'leads_outbox_insert')"));
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
    QCOMPARE(triggers(ws), 3);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM lead_figures")), 2);
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
    QCOMPARE(triggers(ws), 3);
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

QTEST_MAIN(TestReplicaBulkLoad)
#include "tst_replicabulkload.moc"
