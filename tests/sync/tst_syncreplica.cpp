#include "services/sync/RejectedChangeStore.h"
#include "services/sync/ReplicaStore.h"
#include "services/sync/SyncErrorClassifier.h"
#include "services/sync/SyncedTable.h"
#include "tests/support/TempWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

// The SQLite side of team sync (0010_sync.sql, ReplicaStore), without a server: what lands in the outbox, what
// pulled rows do to the replica, conflicts and their resolution, and the error kinds.
class TestSyncReplica : public QObject
{
    Q_OBJECT

private slots:
    void localWorkspaceQueuesNothing();
    void localInsertQueuesTheWholeRow();
    void localUpdateQueuesOnlyChangedFields();
    void deletionQueuesADelete();
    void pulledRowsAreNotLocalChanges();
    void pulledRowKeepsFieldsStillToBePushed();
    void pushResultRecordsConflictsAndResolveRequeues();
    void valuesConvertBothWays();
    void errorKindsAreDistinct();
    void rejectingARowSetsAsideOnlyItsChanges();
    void serversAnalysisOfALeadReplacesTheLocalOne();

private:
    static void makeReplica(HubTest::TempWorkspace& ws)
    {
        ws.runBlocking([](QSqlDatabase& db) { QVERIFY(ReplicaStore(db).setReplicating(true)); });
    }
    // The outbox entries of one table (a new lead also queues its "created" timeline entry, tested elsewhere).
    static QList<OutboxEntry> outbox(HubTest::TempWorkspace& ws, const QString& table = QStringLiteral("leads"))
    {
        QList<OutboxEntry> entries;
        ws.runBlocking([&](QSqlDatabase& db) { entries = ReplicaStore(db).pendingOutbox(0, 100); });
        entries.removeIf([&](const OutboxEntry& entry) { return entry.table != table; });
        return entries;
    }
    static QJsonObject serverRow(const QString& id, const QString& org, qint64 rev)
    {
        return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("org_id"), org },
            { QStringLiteral("name"), QStringLiteral("Server Lead") }, { QStringLiteral("company"), QStringLiteral("S") },
            { QStringLiteral("notes"), QStringLiteral("server notes") }, { QStringLiteral("do_not_call"), true },
            { QStringLiteral("field_sources"), QJsonObject { { QStringLiteral("name"), QStringLiteral("csv") } } },
            { QStringLiteral("owner_id"), QStringLiteral("server-user-1") },
            { QStringLiteral("created_at"), QStringLiteral("2026-12-01T10:00:00.123456+00:00") },
            { QStringLiteral("updated_at"), QStringLiteral("2026-12-01T10:00:00.123456+00:00") },
            { QStringLiteral("deleted"), false }, { QStringLiteral("rev"), rev } };
    }
};

// A Local workspace is nobody's replica: lead writes leave no outbox behind (and imports stay fast).
void TestSyncReplica::localWorkspaceQueuesNothing()
{
    HubTest::TempWorkspace ws;
    QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
    Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Local Ltd")));
    QVERIFY(saved.isValid());
    saved.company = QStringLiteral("Still local");
    QVERIFY(ws.saveBlocking(saved).isValid());
    QCOMPARE(outbox(ws).size(), 0);
}

void TestSyncReplica::localInsertQueuesTheWholeRow()
{
    HubTest::TempWorkspace ws;
    QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
    makeReplica(ws);
    Lead lead = ws.makeLead(QStringLiteral("Outbox Ltd"));
    lead.company = QStringLiteral("Outbox Co");
    const Lead saved = ws.saveBlocking(lead);
    QVERIFY(saved.isValid());
    const QList<OutboxEntry> entries = outbox(ws);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().op, QStringLiteral("upsert"));
    QCOMPARE(entries.constFirst().rowId, saved.id);
    QVERIFY(entries.constFirst().baseRev.isNull());
    QCOMPARE(entries.constFirst().fields.value(QStringLiteral("company")).toString(), QStringLiteral("Outbox Co"));
    QVERIFY(entries.constFirst().fields.contains(QStringLiteral("created_at")));
    QCOMPARE(entries.constFirst().mutationId.size(), 36);
}

void TestSyncReplica::localUpdateQueuesOnlyChangedFields()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Fields GmbH")));
    QVERIFY(saved.isValid());
    ws.runBlocking([](QSqlDatabase& db) { QSqlQuery(db).exec(QStringLiteral("DELETE FROM sync_outbox")); });
    saved.notes = QStringLiteral("only this");
    QVERIFY(ws.saveBlocking(saved).isValid());
    const QList<OutboxEntry> entries = outbox(ws);
    QCOMPARE(entries.size(), 1);
    QStringList keys = entries.constFirst().fields.keys();
    keys.removeAll(QStringLiteral("updated_at"));
    QCOMPARE(keys, QStringList { QStringLiteral("notes") });
    QCOMPARE(entries.constFirst().baseRev.toLongLong(), qlonglong(0));
    // Saving again without a change queues nothing.
    QVERIFY(ws.saveBlocking(*ws.fetchLeadBlocking(saved.id)).isValid());
    QCOMPARE(outbox(ws).size(), 1);
}

void TestSyncReplica::deletionQueuesADelete()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    const Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Gone Ltd")));
    QVERIFY(ws.setDeletedBlocking({ saved.id }, true).ok);
    const QList<OutboxEntry> entries = outbox(ws);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.constLast().op, QStringLiteral("delete"));
    QVERIFY(entries.constLast().seq > entries.constFirst().seq);
}

void TestSyncReplica::pulledRowsAreNotLocalChanges()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    QStringList upserted;
    QStringList removed;
    bool ok = false;
    QString error;
    ws.runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        ok = replica.recordServer(QStringLiteral("server-org"), QStringLiteral("server-user-1"), QStringLiteral("Org"));
        QJsonObject gone = serverRow(QStringLiteral("lead-2"), QStringLiteral("server-org"), 8);
        gone.insert(QStringLiteral("deleted"), true);
        ok = ok
            && replica.applyPulledRows(SyncedTable::leads(),
                { serverRow(QStringLiteral("lead-1"), QStringLiteral("server-org"), 7), gone }, &upserted, &removed);
        error = replica.lastError();
    });
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(upserted, QStringList { QStringLiteral("lead-1") });
    QCOMPARE(removed, QStringList { QStringLiteral("lead-2") });
    QCOMPARE(outbox(ws).size(), 0);
    const auto lead = ws.fetchLeadBlocking(QStringLiteral("lead-1"));
    QVERIFY(lead.has_value());
    QCOMPARE(lead->company, QStringLiteral("S"));
    QVERIFY(lead->doNotCall);
    QCOMPARE(lead->rev, qint64(7));
    QCOMPARE(QJsonDocument::fromJson(lead->fieldSources.toUtf8()).object().value(QStringLiteral("name")).toString(),
        QStringLiteral("csv"));
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM leads WHERE id = 'lead-1' AND created_at = "
                                         "'2026-12-01T10:00:00.123Z'")),
        1);
    // The applying flag is back to 0: a local edit is queued again.
    Lead edited = *lead;
    edited.notes = QStringLiteral("mine");
    QVERIFY(ws.saveBlocking(edited).isValid());
    QCOMPARE(outbox(ws).size(), 1);
    QCOMPARE(outbox(ws).constFirst().baseRev.toLongLong(), qlonglong(7));
}

void TestSyncReplica::pulledRowKeepsFieldsStillToBePushed()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Pending AG")));
    // The creation was pushed already; only the notes edit waits.
    ws.runBlocking([](QSqlDatabase& db) { QSqlQuery(db).exec(QStringLiteral("DELETE FROM sync_outbox")); });
    saved.notes = QStringLiteral("local notes not yet pushed");
    QVERIFY(ws.saveBlocking(saved).isValid());
    bool ok = false;
    ws.runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        QStringList upserted;
        QStringList removed;
        ok = replica.recordServer(QStringLiteral("server-org"), QStringLiteral("server-user-1"), QString())
            && replica.applyPulledRows(SyncedTable::leads(), { serverRow(saved.id, QStringLiteral("server-org"), 3) },
                &upserted, &removed);
    });
    QVERIFY(ok);
    const auto lead = ws.fetchLeadBlocking(saved.id);
    QCOMPARE(lead->notes, QStringLiteral("local notes not yet pushed"));
    QCOMPARE(lead->company, QStringLiteral("S"));
    QCOMPARE(lead->rev, qint64(3));
}

void TestSyncReplica::pushResultRecordsConflictsAndResolveRequeues()
{
    HubTest::TempWorkspace ws;
    QVERIFY(ws.ok());
    makeReplica(ws);
    Lead saved = ws.saveBlocking(ws.makeLead(QStringLiteral("Conflict Oy")));
    saved.company = QStringLiteral("Mine");
    QVERIFY(ws.saveBlocking(saved).isValid());
    QList<OutboxEntry> entries = outbox(ws);
    QCOMPARE(entries.size(), 2);
    QList<SyncConflict> added;
    bool ok = false;
    ws.runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        ok = replica.applyPushResult(entries.at(0), 4, {}, &added)
            && replica.applyPushResult(entries.at(1), 5,
                QJsonObject { { QStringLiteral("company"),
                    QJsonObject { { QStringLiteral("server"), QStringLiteral("Theirs") },
                        { QStringLiteral("client"), QStringLiteral("Mine") }, { QStringLiteral("server_rev"), 5 } } } },
                &added);
    });
    QVERIFY(ok);
    QCOMPARE(outbox(ws).size(), 0);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.constFirst().localValue.toString(), QStringLiteral("Mine"));
    QCOMPARE(ws.fetchLeadBlocking(saved.id)->company, QStringLiteral("Theirs"));
    QCOMPARE(ws.fetchLeadBlocking(saved.id)->rev, qint64(5));

    QString rowId;
    ws.runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        QCOMPARE(replica.openConflicts().size(), 1);
        ok = replica.resolve(added.constFirst().id, Sync::Resolution::PickLocal, &rowId);
        QVERIFY(!replica.resolve(added.constFirst().id, Sync::Resolution::PickLocal, &rowId));
        QVERIFY(replica.openConflicts().isEmpty());
    });
    QVERIFY(ok);
    QCOMPARE(rowId, saved.id);
    QCOMPARE(ws.fetchLeadBlocking(saved.id)->company, QStringLiteral("Mine"));
    entries = outbox(ws);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().fields.value(QStringLiteral("company")).toString(), QStringLiteral("Mine"));
    QCOMPARE(entries.constFirst().baseRev.toLongLong(), qlonglong(5));
}

void TestSyncReplica::valuesConvertBothWays()
{
    const SyncedTable& leads = SyncedTable::leads();
    QCOMPARE(leads.toLocal(QStringLiteral("deleted"), QJsonValue(true)).toInt(), 1);
    QVERIFY(leads.toLocal(QStringLiteral("consent_at"), QJsonValue::Null).isNull());
    QCOMPARE(leads.toLocal(QStringLiteral("value_minor"), QJsonValue(12345)).toLongLong(), qlonglong(12345));
    QCOMPARE(leads.toLocal(QStringLiteral("updated_at"), QJsonValue(QStringLiteral("2026-01-02T03:04:05.678901+00:00")))
                 .toString(),
        QStringLiteral("2026-01-02T03:04:05.679Z")); // Qt rounds to milliseconds
    QCOMPARE(leads.toServer(QStringLiteral("field_sources"), QJsonValue(QStringLiteral("{\"a\":1}"))).toObject(),
        (QJsonObject { { QStringLiteral("a"), 1 } }));
    QCOMPARE(leads.toServer(QStringLiteral("do_not_call"), QJsonValue(1)), QJsonValue(true));
    QCOMPARE(leads.toServer(QStringLiteral("notes"), QJsonValue(QStringLiteral("{x"))), QJsonValue(QStringLiteral("{x")));
    QVERIFY(SyncedTable::byName(QStringLiteral("nope")) == nullptr);
}

void TestSyncReplica::errorKindsAreDistinct()
{
    using C = SyncErrorClassifier;
    const auto password = C::connectFailure(
        QStringLiteral("FATAL:  password authentication failed for user \"anna\""));
    QCOMPARE(password.kind, Sync::ErrorKind::WrongPassword);
    QVERIFY(!password.retry);
    QCOMPARE(C::connectFailure(QStringLiteral("FATAL:  role \"x\" is not permitted to log in")).kind,
        Sync::ErrorKind::AccountDisabled);
    const auto unreachable = C::connectFailure(
        QStringLiteral("could not connect to server: Connection refused"));
    QCOMPARE(unreachable.kind, Sync::ErrorKind::ServerUnreachable);
    QVERIFY(unreachable.retry);
    QCOMPARE(C::connectFailure(QStringLiteral("SSL error: certificate verify failed")).kind, Sync::ErrorKind::TlsFailure);
    QCOMPARE(C::queryFailure(QStringLiteral("42501"), QStringLiteral("denied")).kind, Sync::ErrorKind::PermissionDenied);
    QCOMPARE(C::queryFailure(QStringLiteral("57P01"), QStringLiteral("terminating connection")).kind,
        Sync::ErrorKind::ServerUnreachable);
    QCOMPARE(C::schemaMismatch(99).kind, Sync::ErrorKind::SchemaMismatch);
    QVERIFY(C::schemaMismatch(99).message != C::schemaMismatch(2).message);
    QVERIFY(password.message != unreachable.message);
}


// A change the server will never take leaves the outbox with every later change of the same row; other rows' changes
// stay queued. Dismissed, it leaves the list.
void TestSyncReplica::rejectingARowSetsAsideOnlyItsChanges()
{
    HubTest::TempWorkspace ws;
    QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
    makeReplica(ws);
    Lead gone = ws.saveBlocking(ws.makeLead(QStringLiteral("Reassigned Ltd")));
    Lead kept = ws.saveBlocking(ws.makeLead(QStringLiteral("Still Mine Ltd")));
    QVERIFY(gone.isValid() && kept.isValid());
    gone.notes = QStringLiteral("second change");
    QVERIFY(ws.saveBlocking(gone).isValid());
    QCOMPARE(outbox(ws).size(), 3);
    int moved = 0;
    QList<SyncRejectedChange> open;
    ws.runBlocking([&](QSqlDatabase& db) {
        RejectedChangeStore store(db);
        QVERIFY2(store.reject(QStringLiteral("leads"), gone.id, QStringLiteral("lead_left_view"),
                     QStringLiteral("reassigned"), &moved),
            qPrintable(store.lastError()));
        open = store.open();
    });
    QCOMPARE(moved, 2);
    const QList<OutboxEntry> left = outbox(ws);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.constFirst().rowId, kept.id);
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).rowId, gone.id);
    QCOMPARE(open.at(0).message, QStringLiteral("reassigned"));
    QVERIFY(open.at(1).fields.contains(QStringLiteral("second change")));
    ws.runBlocking([&](QSqlDatabase& db) {
        RejectedChangeStore store(db);
        QVERIFY(store.dismiss(open.at(0).id));
        QVERIFY(!store.dismiss(open.at(0).id));
        QCOMPARE(store.open().size(), 1);
    });
}

// Two desktops analysed one lead apart: the server's analysis arrives and replaces the local one with its unpushed
// changes (one analysis per lead), instead of failing the pull on the unique lead.
void TestSyncReplica::serversAnalysisOfALeadReplacesTheLocalOne()
{
    HubTest::TempWorkspace ws;
    QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
    makeReplica(ws);
    const Lead lead = ws.saveBlocking(ws.makeLead(QStringLiteral("Analysed Twice Ltd")));
    QVERIFY(lead.isValid());
    ws.runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO lead_intelligence (id, org_id, lead_id, summary, analyzed_at, "
                                          "created_at, updated_at) VALUES ('local-analysis', '%1', '%2', 'local', "
                                          "'2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z', "
                                          "'2026-12-01T10:00:00.000Z')")
                                .arg(ws.identity().orgId, lead.id)));
    });
    QCOMPARE(outbox(ws, QStringLiteral("lead_intelligence")).size(), 1);
    const QJsonObject server { { QStringLiteral("id"), QStringLiteral("server-analysis") },
        { QStringLiteral("org_id"), ws.identity().orgId }, { QStringLiteral("lead_id"), lead.id },
        { QStringLiteral("summary"), QStringLiteral("server") },
        { QStringLiteral("pain_points"), QJsonArray { QStringLiteral("slow site") } },
        { QStringLiteral("analyzed_at"), QStringLiteral("2026-12-02T10:00:00.123456+00:00") },
        { QStringLiteral("created_at"), QStringLiteral("2026-12-02T10:00:00+00:00") },
        { QStringLiteral("updated_at"), QStringLiteral("2026-12-02T10:00:00+00:00") },
        { QStringLiteral("deleted"), false }, { QStringLiteral("rev"), 41 } };
    QStringList upserted;
    QStringList removed;
    ws.runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        QVERIFY2(replica.applyPulledRows(SyncedTable::leadIntelligence(), { server }, &upserted, &removed),
            qPrintable(replica.lastError()));
    });
    QCOMPARE(upserted, QStringList { QStringLiteral("server-analysis") });
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM lead_intelligence")), 1);
    QCOMPARE(ws.countRows(QStringLiteral("SELECT count(*) FROM lead_intelligence WHERE id = 'server-analysis' AND "
                                         "pain_points = '[\"slow site\"]' AND analyzed_at = '2026-12-02T10:00:00.123Z'")),
        1);
    QVERIFY(outbox(ws, QStringLiteral("lead_intelligence")).isEmpty());
}

QTEST_MAIN(TestSyncReplica)
#include "tst_syncreplica.moc"
