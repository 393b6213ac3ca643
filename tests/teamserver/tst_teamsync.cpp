#include "tests/teamserver/PgTestDatabase.h"
#include "tests/teamserver/TeamFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <algorithm>

// What the desktop sync engine relies on from the server (DESIGN.md section 4): rev from one sequence on every
// write, tombstones instead of deletes, NOTIFY on every change, idempotent pushes with field-level merge, and
// pulls that lose nothing when transactions commit out of order.
class TestTeamSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void revIsStampedOnEveryWrite();
    void deleteBecomesATombstone();
    void notificationReachesAListener();
    void pushedMutationIsAppliedOnce();
    void pushMergesFieldByField();
    void pushOntoADeletedRowKeepsTheEdit();
    void pushIsBoundByRowLevelSecurity();
    void pushRejectsBadInputAndRecordsNothing();
    void outOfOrderCommitsAreNotSkipped();
    void pullPagesCoverEveryRowOnce();

private:
    struct Push {
        QString outcome;
        qlonglong rev = -1;
        QJsonObject conflicts;
        QString error;
        QString sqlState;
    };
    Push push(QSqlDatabase& db, const QString& mutationId, const QString& table, const QString& rowId,
        const QString& op, const QJsonObject& fields, const QVariant& baseRev = {});
    QStringList pull(QSqlDatabase& db, const QString& table, const QVariant& since, const QString& until);
    QSqlDatabase& as(const QString& name);
    static QString newMutationId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    qlonglong rev(const QString& table, const QString& id);

    PgTestDatabase m_database;
    TeamFixture m_team;
    QHash<QString, QSqlDatabase*> m_connections;
};

void TestTeamSync::initTestCase()
{
    HUB_REQUIRE_POSTGRES();
    QString error;
    QVERIFY2(m_database.create(&error), qPrintable(error));
    QVERIFY2(m_team.build(&m_database, &error), qPrintable(error));
}

QSqlDatabase& TestTeamSync::as(const QString& name)
{
    if (!m_connections.contains(name)) {
        QString error;
        QSqlDatabase* db = name == QLatin1String("postgres") ? m_database.connectAsSuperuser(&error)
                                                             : m_team.connectAs(name, &error);
        if (!db)
            qFatal("cannot log in as %s: %s", qPrintable(name), qPrintable(error));
        m_connections.insert(name, db);
    }
    return *m_connections.value(name);
}

qlonglong TestTeamSync::rev(const QString& table, const QString& id)
{
    return PgTestDatabase::scalar(
        as(QStringLiteral("postgres")), QStringLiteral("SELECT rev FROM hub.%1 WHERE id = ?").arg(table), { id })
        .toLongLong();
}

TestTeamSync::Push TestTeamSync::push(QSqlDatabase& db, const QString& mutationId, const QString& table,
    const QString& rowId, const QString& op, const QJsonObject& fields, const QVariant& baseRev)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT outcome, row_rev, conflicts FROM hub.push_mutation(?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(mutationId);
    query.addBindValue(m_team.orgA);
    query.addBindValue(table);
    query.addBindValue(rowId);
    query.addBindValue(op);
    query.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    query.addBindValue(baseRev);
    Push result;
    if (!query.exec() || !query.next()) {
        result.error = query.lastError().text();
        result.sqlState = query.lastError().nativeErrorCode();
        return result;
    }
    result.outcome = query.value(0).toString();
    result.rev = query.value(1).isNull() ? -1 : query.value(1).toLongLong();
    result.conflicts = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    return result;
}

// The ids pull_changes returns, page by page (pages of 2, to exercise paging).
QStringList TestTeamSync::pull(QSqlDatabase& db, const QString& table, const QVariant& since, const QString& until)
{
    QStringList ids;
    qlonglong afterRev = 0;
    while (true) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT r FROM hub.pull_changes(?, ?, ?, ?, 2) AS r"));
        query.addBindValue(table);
        query.addBindValue(since);
        query.addBindValue(until);
        query.addBindValue(afterRev);
        if (!query.exec()) {
            qWarning("pull: %s", qPrintable(query.lastError().text()));
            return { QStringLiteral("<error>") };
        }
        int rows = 0;
        while (query.next()) {
            const QJsonObject row = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
            ids.append(row.value(QStringLiteral("id")).toString());
            afterRev = row.value(QStringLiteral("rev")).toInteger();
            ++rows;
        }
        if (rows < 2)
            return ids;
    }
}

void TestTeamSync::revIsStampedOnEveryWrite()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    QString error;
    // A client cannot choose its own rev, change number or field map.
    QCOMPARE(PgTestDatabase::execute(eve,
                 QStringLiteral("INSERT INTO hub.leads (id, org_id, name, rev, field_revs) "
                                "VALUES ('rev-1', ?, 'Rev', 999999999, '{\"name\": 999999999}')"),
                 { m_team.orgA }, &error),
        1);
    const qlonglong inserted = rev(QStringLiteral("leads"), QStringLiteral("rev-1"));
    QVERIFY(inserted > 0);
    QVERIFY(inserted < 999999999);
    QCOMPARE(PgTestDatabase::scalar(eve, QStringLiteral("SELECT field_revs::text FROM hub.leads WHERE id = 'rev-1'"))
                 .toString(),
        QStringLiteral("{}"));

    QCOMPARE(PgTestDatabase::execute(
                 eve, QStringLiteral("UPDATE hub.leads SET status = 'contacted' WHERE id = 'rev-1'"), {}, &error),
        1);
    const qlonglong updated = rev(QStringLiteral("leads"), QStringLiteral("rev-1"));
    QVERIFY(updated > inserted);
    // The field map says which column changed at which rev: the merge of a later push reads it.
    QCOMPARE(PgTestDatabase::scalar(
                 eve, QStringLiteral("SELECT (field_revs->>'status')::bigint FROM hub.leads WHERE id = 'rev-1'"))
                 .toLongLong(),
        updated);
    QCOMPARE(PgTestDatabase::scalar(
                 eve, QStringLiteral("SELECT (field_revs->'name') IS NULL FROM hub.leads WHERE id = 'rev-1'"))
                 .toBool(),
        true);

    // One sequence for every table.
    QCOMPARE(PgTestDatabase::execute(eve,
                 QStringLiteral("INSERT INTO hub.activities (id, org_id, lead_id, kind) VALUES ('rev-a', ?, 'rev-1', "
                                "'note')"),
                 { m_team.orgA }, &error),
        1);
    QVERIFY(rev(QStringLiteral("activities"), QStringLiteral("rev-a")) > updated);
    // An UPDATE that changes nothing still announces itself with a new rev.
    QCOMPARE(PgTestDatabase::execute(
                 eve, QStringLiteral("UPDATE hub.leads SET status = status WHERE id = 'rev-1'"), {}, &error),
        1);
    QVERIFY(rev(QStringLiteral("leads"), QStringLiteral("rev-1"))
        > rev(QStringLiteral("activities"), QStringLiteral("rev-a")));
}

void TestTeamSync::deleteBecomesATombstone()
{
    QSqlDatabase& ada = as(QStringLiteral("ada"));
    QString error;
    QCOMPARE(PgTestDatabase::execute(ada,
                 QStringLiteral("INSERT INTO hub.leads (id, org_id, name, owner_id) VALUES ('tomb-1', ?, 'Tomb', ?)"),
                 { m_team.orgA, m_team.userId(QStringLiteral("eve")) }, &error),
        1);
    QCOMPARE(PgTestDatabase::execute(ada,
                 QStringLiteral("INSERT INTO hub.activities (id, org_id, lead_id, kind) VALUES ('tomb-a', ?, 'tomb-1', "
                                "'note')"),
                 { m_team.orgA }, &error),
        1);
    const qlonglong before = rev(QStringLiteral("leads"), QStringLiteral("tomb-1"));
    QCOMPARE(
        PgTestDatabase::execute(ada, QStringLiteral("DELETE FROM hub.activities WHERE id = 'tomb-a'"), {}, &error), 0);
    QCOMPARE(PgTestDatabase::execute(ada, QStringLiteral("DELETE FROM hub.leads WHERE id = 'tomb-1'"), {}, &error), 0);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QSqlDatabase& superuser = as(QStringLiteral("postgres"));
    QCOMPARE(
        PgTestDatabase::scalar(superuser, QStringLiteral("SELECT deleted FROM hub.leads WHERE id = 'tomb-1'")).toBool(),
        true);
    QCOMPARE(PgTestDatabase::scalar(superuser, QStringLiteral("SELECT deleted FROM hub.activities WHERE id = 'tomb-a'"))
                 .toBool(),
        true);
    QVERIFY(rev(QStringLiteral("leads"), QStringLiteral("tomb-1")) > before);
    // Deleting a tombstone again changes nothing.
    const qlonglong tombstoned = rev(QStringLiteral("leads"), QStringLiteral("tomb-1"));
    QCOMPARE(PgTestDatabase::execute(ada, QStringLiteral("DELETE FROM hub.leads WHERE id = 'tomb-1'"), {}, &error), 0);
    QCOMPARE(rev(QStringLiteral("leads"), QStringLiteral("tomb-1")), tombstoned);
    // The owner pulls the tombstone.
    QCOMPARE(PgTestDatabase::scalar(as(QStringLiteral("eve")),
                 QStringLiteral("SELECT (r->>'deleted')::boolean FROM hub.pull_changes('leads', NULL, "
                                "hub.sync_snapshot(), 0, 100000) AS r WHERE r->>'id' = 'tomb-1'"))
                 .toBool(),
        true);
}

void TestTeamSync::notificationReachesAListener()
{
    // A second connection of eve, as a desktop would keep one for LISTEN.
    QString error;
    QSqlDatabase* listener = m_team.connectAs(QStringLiteral("eve"), &error);
    QVERIFY2(listener, qPrintable(error));
    QSqlDriver* driver = listener->driver();
    QVERIFY(driver->hasFeature(QSqlDriver::EventNotifications));
    QVERIFY(driver->subscribeToNotification(QStringLiteral("hub_changes")));
    QVERIFY(driver->subscribedToNotifications().contains(QStringLiteral("hub_changes")));
    QList<QJsonObject> payloads;
    connect(driver, &QSqlDriver::notification, this,
        [&payloads](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
            if (name == QLatin1String("hub_changes"))
                payloads.append(QJsonDocument::fromJson(payload.toString().toUtf8()).object());
        });

    QCOMPARE(PgTestDatabase::execute(as(QStringLiteral("mia")),
                 QStringLiteral("UPDATE hub.leads SET status = 'proposal' WHERE id = ?"), { m_team.eveLead }, &error),
        1);
    const qlonglong expectedRev = rev(QStringLiteral("leads"), m_team.eveLead);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return std::any_of(payloads.cbegin(), payloads.cend(), [&](const QJsonObject& p) {
                         return p.value(QStringLiteral("id")).toString() == m_team.eveLead;
                     });
                 },
                 10000),
        "no NOTIFY on hub_changes within 10 s");
    const auto it = std::find_if(payloads.cbegin(), payloads.cend(),
        [&](const QJsonObject& p) { return p.value(QStringLiteral("id")).toString() == m_team.eveLead; });
    QCOMPARE(it->value(QStringLiteral("table")).toString(), QStringLiteral("leads"));
    QCOMPARE(it->value(QStringLiteral("org_id")).toString(), m_team.orgA);
    QCOMPARE(it->value(QStringLiteral("rev")).toInteger(), expectedRev);
    QVERIFY(driver->unsubscribeFromNotification(QStringLiteral("hub_changes")));
}

void TestTeamSync::pushedMutationIsAppliedOnce()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    const QString mutation = newMutationId();
    const QJsonObject fields { { QStringLiteral("name"), QStringLiteral("Pushed") },
        { QStringLiteral("value_minor"), 250000 }, { QStringLiteral("do_not_call"), 1 },
        { QStringLiteral("field_sources"), QJsonObject { { QStringLiteral("name"), QStringLiteral("import") } } },
        { QStringLiteral("consent_at"), QStringLiteral("2026-01-02T03:04:05.678Z") } };
    const Push first
        = push(eve, mutation, QStringLiteral("leads"), QStringLiteral("push-1"), QStringLiteral("upsert"), fields);
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QCOMPARE(first.outcome, QStringLiteral("applied"));
    QCOMPARE(first.rev, rev(QStringLiteral("leads"), QStringLiteral("push-1")));

    // The answer was lost; the client sends the same mutation again, on a new connection.
    QString error;
    QSqlDatabase* reconnected = m_team.connectAs(QStringLiteral("eve"), &error);
    QVERIFY2(reconnected, qPrintable(error));
    const Push second = push(
        *reconnected, mutation, QStringLiteral("leads"), QStringLiteral("push-1"), QStringLiteral("upsert"), fields);
    QCOMPARE(second.outcome, QStringLiteral("duplicate"));
    QCOMPARE(second.rev, first.rev);
    QCOMPARE(rev(QStringLiteral("leads"), QStringLiteral("push-1")), first.rev);

    // An update pushed twice is applied once too, even when the row changed in between.
    const QString rename = newMutationId();
    const QJsonObject renamed { { QStringLiteral("name"), QStringLiteral("Renamed") } };
    const Push third = push(
        eve, rename, QStringLiteral("leads"), QStringLiteral("push-1"), QStringLiteral("upsert"), renamed, first.rev);
    QCOMPARE(third.outcome, QStringLiteral("applied"));
    QCOMPARE(
        PgTestDatabase::execute(eve, QStringLiteral("UPDATE hub.leads SET name = 'Changed later' WHERE id = 'push-1'")),
        1);
    const Push replay = push(
        eve, rename, QStringLiteral("leads"), QStringLiteral("push-1"), QStringLiteral("upsert"), renamed, first.rev);
    QCOMPARE(replay.outcome, QStringLiteral("duplicate"));
    QCOMPARE(replay.rev, third.rev);

    QSqlDatabase& superuser = as(QStringLiteral("postgres"));
    QCOMPARE(
        PgTestDatabase::scalar(superuser, QStringLiteral("SELECT name FROM hub.leads WHERE id = 'push-1'")).toString(),
        QStringLiteral("Changed later"));
    QCOMPARE(PgTestDatabase::scalar(
                 superuser, QStringLiteral("SELECT count(*) FROM hub.applied_mutations WHERE row_id = 'push-1'"))
                 .toInt(),
        2);
    // Typed on the way in: 1 is true, ISO time is a timestamptz, the JSON object stays an object.
    QCOMPARE(PgTestDatabase::scalar(superuser,
                 QStringLiteral("SELECT do_not_call AND value_minor = 250000 AND field_sources->>'name' = 'import' AND "
                                "consent_at = '2026-01-02 03:04:05.678+00' AND owner_id = ? FROM hub.leads WHERE id = "
                                "'push-1'"),
                 { m_team.userId(QStringLiteral("eve")) })
                 .toBool(),
        true);
}

void TestTeamSync::pushMergesFieldByField()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    const Push created = push(eve, newMutationId(), QStringLiteral("leads"), QStringLiteral("merge-1"),
        QStringLiteral("upsert"), { { QStringLiteral("name"), QStringLiteral("Original") } });
    QCOMPARE(created.outcome, QStringLiteral("applied"));
    const qlonglong base = created.rev;
    // Meanwhile someone else renames it on the server.
    QCOMPARE(PgTestDatabase::execute(as(QStringLiteral("mia")),
                 QStringLiteral("UPDATE hub.leads SET name = 'Server name' WHERE id = 'merge-1'")),
        1);
    // Eve, offline since `base`, changed the name and the notes.
    const Push merged
        = push(eve, newMutationId(), QStringLiteral("leads"), QStringLiteral("merge-1"), QStringLiteral("upsert"),
            { { QStringLiteral("name"), QStringLiteral("Eve's name") },
                { QStringLiteral("notes"), QStringLiteral("Call on Monday") } },
            base);
    QVERIFY2(merged.error.isEmpty(), qPrintable(merged.error));
    QCOMPARE(merged.outcome, QStringLiteral("applied"));
    // The server's name stays and is reported; her notes land.
    QCOMPARE(merged.conflicts.keys(), QStringList { QStringLiteral("name") });
    const QJsonObject conflict = merged.conflicts.value(QStringLiteral("name")).toObject();
    QCOMPARE(conflict.value(QStringLiteral("server")).toString(), QStringLiteral("Server name"));
    QCOMPARE(conflict.value(QStringLiteral("client")).toString(), QStringLiteral("Eve's name"));
    QVERIFY(conflict.value(QStringLiteral("server_rev")).toInteger() > base);
    QSqlDatabase& superuser = as(QStringLiteral("postgres"));
    QCOMPARE(PgTestDatabase::scalar(
                 superuser, QStringLiteral("SELECT name || ' / ' || notes FROM hub.leads WHERE id = 'merge-1'"))
                 .toString(),
        QStringLiteral("Server name / Call on Monday"));
    // Resolving it: the user picks her value and pushes it on top of what she has now seen.
    const Push resolved = push(eve, newMutationId(), QStringLiteral("leads"), QStringLiteral("merge-1"),
        QStringLiteral("upsert"), { { QStringLiteral("name"), QStringLiteral("Eve's name") } }, merged.rev);
    QVERIFY(resolved.conflicts.isEmpty());
    QCOMPARE(
        PgTestDatabase::scalar(superuser, QStringLiteral("SELECT name FROM hub.leads WHERE id = 'merge-1'")).toString(),
        QStringLiteral("Eve's name"));
}

void TestTeamSync::pushOntoADeletedRowKeepsTheEdit()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    const Push created = push(eve, newMutationId(), QStringLiteral("leads"), QStringLiteral("race-1"),
        QStringLiteral("upsert"), { { QStringLiteral("name"), QStringLiteral("Race") } });
    QCOMPARE(created.outcome, QStringLiteral("applied"));
    // An admin deletes it while eve edits it offline.
    QCOMPARE(
        PgTestDatabase::execute(as(QStringLiteral("ada")), QStringLiteral("DELETE FROM hub.leads WHERE id = 'race-1'")),
        0);
    const Push edit = push(eve, newMutationId(), QStringLiteral("leads"), QStringLiteral("race-1"),
        QStringLiteral("upsert"), { { QStringLiteral("notes"), QStringLiteral("Offline notes") } }, created.rev);
    QVERIFY2(edit.error.isEmpty(), qPrintable(edit.error));
    QCOMPARE(edit.outcome, QStringLiteral("applied"));
    QCOMPARE(edit.conflicts.keys(), QStringList { QStringLiteral("deleted") });
    QCOMPARE(PgTestDatabase::scalar(as(QStringLiteral("postgres")),
                 QStringLiteral("SELECT notes FROM hub.leads WHERE id = 'race-1' AND deleted"))
                 .toString(),
        QStringLiteral("Offline notes"));
    // Eve may not delete, not even through a push.
    const Push remove = push(eve, newMutationId(), QStringLiteral("leads"), m_team.eveLead, QStringLiteral("delete"),
        {}, rev(QStringLiteral("leads"), m_team.eveLead));
    QCOMPARE(remove.sqlState, QStringLiteral("42501"));
}

void TestTeamSync::pushIsBoundByRowLevelSecurity()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    const Push hidden = push(eve, newMutationId(), QStringLiteral("leads"), m_team.edLead, QStringLiteral("upsert"),
        { { QStringLiteral("name"), QStringLiteral("Mine now") } }, 1);
    QCOMPARE(hidden.sqlState, QStringLiteral("42501"));
    QVERIFY2(hidden.error.contains(QLatin1String("not visible")), qPrintable(hidden.error));
    const Push settings = push(eve, newMutationId(), QStringLiteral("pipeline_stages"),
        PgTestDatabase::scalar(eve, QStringLiteral("SELECT id FROM hub.pipeline_stages WHERE key = 'won'")).toString(),
        QStringLiteral("upsert"), { { QStringLiteral("name"), QStringLiteral("Gewonnen") } }, 1);
    QCOMPARE(settings.sqlState, QStringLiteral("42501"));
    QCOMPARE(PgTestDatabase::scalar(as(QStringLiteral("postgres")),
                 QStringLiteral("SELECT name FROM hub.leads WHERE id = ?"), { m_team.edLead })
                 .toString(),
        QStringLiteral("Lead %1").arg(m_team.edLead));
    // Another org's id in the mutation is refused as well.
    QSqlQuery query(eve);
    query.prepare(
        QStringLiteral("SELECT * FROM hub.push_mutation(?, ?, 'leads', 'spy-1', 'upsert', '{\"name\": \"Spy\"}')"));
    query.addBindValue(newMutationId());
    query.addBindValue(m_team.orgB);
    QVERIFY(!query.exec());
    QCOMPARE(query.lastError().nativeErrorCode(), QStringLiteral("42501"));
}

void TestTeamSync::pushRejectsBadInputAndRecordsNothing()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    const QString mutation = newMutationId();
    const Push unknownColumn = push(eve, mutation, QStringLiteral("leads"), QStringLiteral("bad-1"),
        QStringLiteral("upsert"),
        { { QStringLiteral("name"), QStringLiteral("x") }, { QStringLiteral("name\"; DROP TABLE hub.leads; --"), 1 } });
    QCOMPARE(unknownColumn.sqlState, QStringLiteral("42703"));
    const Push unknownTable = push(eve, newMutationId(), QStringLiteral("pg_authid"), QStringLiteral("bad-1"),
        QStringLiteral("upsert"), { { QStringLiteral("name"), QStringLiteral("x") } });
    QCOMPARE(unknownTable.sqlState, QStringLiteral("22023"));
    const Push unknownOp
        = push(eve, newMutationId(), QStringLiteral("leads"), QStringLiteral("bad-1"), QStringLiteral("truncate"), {});
    QCOMPARE(unknownOp.sqlState, QStringLiteral("22023"));
    const Push otherRow = push(eve, newMutationId(), QStringLiteral("leads"), QStringLiteral("bad-1"),
        QStringLiteral("upsert"), { { QStringLiteral("id"), QStringLiteral("bad-2") } });
    QCOMPARE(otherRow.sqlState, QStringLiteral("22023"));
    // The failed mutation left no trace, so the corrected one under the same id is applied.
    const Push fixed = push(eve, mutation, QStringLiteral("leads"), QStringLiteral("bad-1"), QStringLiteral("upsert"),
        { { QStringLiteral("name"), QStringLiteral("x") } });
    QCOMPARE(fixed.outcome, QStringLiteral("applied"));
    QSqlDatabase& superuser = as(QStringLiteral("postgres"));
    QCOMPARE(PgTestDatabase::scalar(superuser,
                 QStringLiteral("SELECT count(*) FROM hub.applied_mutations WHERE row_id IN ('bad-1', 'bad-2')"))
                 .toInt(),
        1);
    QCOMPARE(
        PgTestDatabase::scalar(superuser, QStringLiteral("SELECT count(*) FROM hub.leads WHERE id = 'bad-2'")).toInt(),
        0);
    QVERIFY(PgTestDatabase::scalar(superuser, QStringLiteral("SELECT to_regclass('hub.leads') IS NOT NULL")).toBool());
}

// DESIGN.md section 4, "ordering trap": T1 takes a lower rev than T2 but commits after it. A client pulling by
// "rev > highest seen" would skip T1's change forever; snapshot-bounded pulls deliver it in the next cycle.
void TestTeamSync::outOfOrderCommitsAreNotSkipped()
{
    QSqlDatabase& puller = as(QStringLiteral("anna"));
    QString error;
    QSqlDatabase* slowWriter = m_team.connectAs(QStringLiteral("ada"), &error);
    QVERIFY2(slowWriter, qPrintable(error));
    QSqlDatabase& fastWriter = as(QStringLiteral("mia"));
    const QString cursor0 = PgTestDatabase::scalar(puller, QStringLiteral("SELECT hub.sync_snapshot()")).toString();
    QVERIFY(!cursor0.isEmpty());

    QVERIFY(slowWriter->transaction());
    QCOMPARE(PgTestDatabase::execute(*slowWriter, QStringLiteral("UPDATE hub.leads SET notes = 'slow' WHERE id = ?"),
                 { m_team.annaLead }, &error),
        1);
    const qlonglong slowRev = PgTestDatabase::scalar(
        *slowWriter, QStringLiteral("SELECT rev FROM hub.leads WHERE id = ?"), { m_team.annaLead })
                                  .toLongLong();
    QCOMPARE(PgTestDatabase::execute(fastWriter, QStringLiteral("UPDATE hub.leads SET notes = 'fast' WHERE id = ?"),
                 { m_team.eveLead }, &error),
        1);
    const qlonglong fastRev = rev(QStringLiteral("leads"), m_team.eveLead);
    QVERIFY(slowRev < fastRev);

    const QString cursor1 = PgTestDatabase::scalar(puller, QStringLiteral("SELECT hub.sync_snapshot()")).toString();
    QCOMPARE(pull(puller, QStringLiteral("leads"), cursor0, cursor1), QStringList { m_team.eveLead });

    QVERIFY(slowWriter->commit());
    const QString cursor2 = PgTestDatabase::scalar(puller, QStringLiteral("SELECT hub.sync_snapshot()")).toString();
    QCOMPARE(pull(puller, QStringLiteral("leads"), cursor1, cursor2), QStringList { m_team.annaLead });
    // A naive "rev > highest seen" pull would have missed it.
    QCOMPARE(PgTestDatabase::scalar(puller, QStringLiteral("SELECT count(*) FROM hub.leads WHERE id = ? AND rev > ?"),
                 { m_team.annaLead, fastRev })
                 .toInt(),
        0);
    // Nothing new since: an empty page, not the same rows again.
    const QString cursor3 = PgTestDatabase::scalar(puller, QStringLiteral("SELECT hub.sync_snapshot()")).toString();
    QCOMPARE(pull(puller, QStringLiteral("leads"), cursor2, cursor3), QStringList());
}

void TestTeamSync::pullPagesCoverEveryRowOnce()
{
    QSqlDatabase& eve = as(QStringLiteral("eve"));
    QStringList visible = PgTestDatabase::column(eve, QStringLiteral("SELECT id FROM hub.leads ORDER BY rev"));
    QVERIFY(visible.size() >= 5);
    const QString now = PgTestDatabase::scalar(eve, QStringLiteral("SELECT hub.sync_snapshot()")).toString();
    // A first full pull in pages of 2: every row eve may see, in rev order, once.
    QCOMPARE(pull(eve, QStringLiteral("leads"), QVariant(), now), visible);
    // Pulls are bound by row-level security like everything else.
    QVERIFY(!visible.contains(m_team.edLead));
    QVERIFY(!visible.contains(m_team.bobLead));
}

QTEST_GUILESS_MAIN(TestTeamSync)
#include "tst_teamsync.moc"
