#include "models/Ids.h"
#include "services/events/EventBus.h"
#include "services/hygiene/HygieneStore.h"
#include "services/hygiene/LeadMerger.h"
#include "services/leads/LeadStore.h"
#include "services/leads/TimelineStore.h"
#include "services/storage/LeadRepository.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using HubTest::TempWorkspace;
using namespace Qt::StringLiterals;

namespace {
using Row = QVariantMap;

// Everything a merge may change and an undo must put back: "table/rowid" → every column but updated_at, for the
// leads and every table with a lead_id column, plus the number of merge_log rows.
using State = QMap<QString, QString>;

QString firstDifference(const State& a, const State& b)
{
    for (const QString& key : QSet<QString>(a.keyBegin(), a.keyEnd()) | QSet<QString>(b.keyBegin(), b.keyEnd())) {
        if (a.value(key) != b.value(key))
            return u"%1: %2 vs %3"_s.arg(key, a.value(key), b.value(key));
    }
    return {};
}
} // namespace

class tst_LeadMerger : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    QDateTime m_clock;

    // A lead with the given storage columns set on top of the defaults, a minute younger than the one before.
    QString insert(const QString& name, const Row& columns = {})
    {
        Lead lead = ws->makeLead(name);
        lead.id = Ids::newId();
        lead.orgId = ws->identity().orgId;
        lead.ownerId = ws->identity().userId;
        m_clock = m_clock.addSecs(60);
        lead.createdAt = lead.updatedAt = m_clock;
        bool ok = false;
        ws->runBlocking([&](QSqlDatabase& db) { ok = LeadRepository(db).insert(lead); });
        QTest::qVerify(ok, "insert", "LeadRepository::insert", __FILE__, __LINE__);
        for (auto it = columns.cbegin(); it != columns.cend(); ++it)
            exec(u"UPDATE leads SET "_s + it.key() + u" = ? WHERE id = ?"_s, { it.value(), lead.id });
        return lead.id;
    }

    void exec(const QString& sql, const QVariantList& values = {})
    {
        QString error;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& value : values)
                query.addBindValue(value);
            if (!query.exec())
                error = query.lastError().text();
        });
        if (!error.isEmpty())
            QTest::qFail(qPrintable(sql + u": "_s + error), __FILE__, __LINE__);
    }

    QString addNotification(const QString& leadId)
    {
        const QString id = Ids::newId();
        const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
        exec(QStringLiteral("INSERT INTO notifications (id, org_id, title, lead_id, created_at, updated_at) "
                            "VALUES (?, ?, 'Call back', ?, ?, ?)"),
            { id, ws->identity().orgId, leadId, now, now });
        return id;
    }

    Row row(const QString& table, const QString& id)
    {
        Row result;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(u"SELECT * FROM "_s + table + u" WHERE id = ?"_s);
            query.addBindValue(id);
            if (query.exec() && query.next()) {
                const QSqlRecord record = query.record();
                for (int i = 0; i < record.count(); ++i)
                    result.insert(record.fieldName(i), query.value(i));
            }
        });
        return result;
    }

    State state()
    {
        State result;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            QStringList tables { u"leads"_s };
            query.exec(u"SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS "
                       "(SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'lead_id')"_s);
            while (query.next())
                tables.append(query.value(0).toString());
            for (const QString& table : std::as_const(tables)) {
                query.exec(u"SELECT rowid, * FROM "_s + table);
                while (query.next()) {
                    const QSqlRecord record = query.record();
                    QStringList values;
                    for (int i = 1; i < record.count(); ++i) {
                        if (record.fieldName(i) != QLatin1String("updated_at"))
                            values.append(record.fieldName(i) + QLatin1Char('=') + query.value(i).toString());
                    }
                    result.insert(table + QLatin1Char('/') + query.value(0).toString(), values.join(QLatin1Char('|')));
                }
            }
            query.exec(u"SELECT count(*) FROM merge_log"_s);
            result.insert(u"merge_log"_s, query.next() ? query.value(0).toString() : QString());
        });
        return result;
    }

    QString text(const QString& leadId, const char* column)
    {
        return row(u"leads"_s, leadId).value(QLatin1String(column)).toString();
    }

    MergeResult merge(const MergeRequest& request)
    {
        MergeResult result;
        ws->runBlocking([&](QSqlDatabase& db) { result = LeadMerger(db, ws->identity()).merge(request); });
        return result;
    }

    bool undo(const QString& id, QString* error)
    {
        bool ok = false;
        ws->runBlocking([&](QSqlDatabase& db) { ok = LeadMerger(db, ws->identity()).undo(id, error); });
        return ok;
    }

    QStringList activityIdsOf(const QString& leadId)
    {
        QStringList ids;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(u"SELECT id FROM activities WHERE lead_id = ? AND kind <> 'merge' ORDER BY id"_s);
            query.addBindValue(leadId);
            query.exec();
            while (query.next())
                ids.append(query.value(0).toString());
        });
        return ids;
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        m_clock = QDateTime(QDate(2026, 2, 2), QTime(8, 0), Qt::UTC);
    }

    void cleanup() { ws.reset(); }

    void fieldChoicesApplied()
    {
        const QStringList fields = LeadMerger::mergeableFields();
        QCOMPARE(
            fields.mid(0, 5), (QStringList { u"name"_s, u"company"_s, u"contact_person"_s, u"title"_s, u"email"_s }));
        QVERIFY(fields.contains(u"value_minor"_s) && fields.contains(u"notes"_s) && !fields.contains(u"tags"_s));
        const QString masterId = insert(u"Ada Lovelace"_s,
            { { u"phone"_s, u"+442079460001"_s }, { u"phone_raw"_s, u"020 7946 0001"_s }, { u"value_minor"_s, 1000 },
                { u"location"_s, u"London"_s } });
        const QString firstId = insert(u"Ada L."_s,
            { { u"status"_s, u"qualified"_s }, { u"company"_s, u"Analytical Engines"_s },
                { u"email"_s, u"ada@engines.org"_s }, { u"phone"_s, u"+14155550101"_s },
                { u"phone_raw"_s, u"(415) 555-0101"_s }, { u"value_minor"_s, 5000 }, { u"currency"_s, u"USD"_s },
                { u"location"_s, u"Paris"_s } });
        const QString secondId = insert(u"A. Lovelace"_s,
            { { u"status"_s, u"won"_s }, { u"company"_s, u"Engines Ltd"_s }, { u"email"_s, u"ada@other.org"_s },
                { u"title"_s, u"Countess"_s } });

        MergeRequest request { masterId, { firstId, secondId },
            { { u"phone"_s, firstId }, { u"value_minor"_s, firstId }, { u"status"_s, secondId },
                { u"location"_s, masterId } } };
        const MergeResult result = merge(request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.mergeLogId.isEmpty());

        QCOMPARE(text(masterId, "name"), u"Ada Lovelace"_s); // master's
        QCOMPARE(text(masterId, "company"), u"Analytical Engines"_s); // empty → 1st
        QCOMPARE(text(masterId, "email"), u"ada@engines.org"_s);
        QCOMPARE(text(masterId, "title"), u"Countess"_s); // first non-empty
        QCOMPARE(text(masterId, "phone"), u"+14155550101"_s); // chosen
        QCOMPARE(text(masterId, "phone_raw"), u"(415) 555-0101"_s); // travels
        QCOMPARE(text(masterId, "value_minor"), u"5000"_s);
        QCOMPARE(text(masterId, "currency"), u"USD"_s);
        QCOMPARE(text(masterId, "status"), u"won"_s);
        QCOMPARE(text(masterId, "location"), u"London"_s);
        QCOMPARE(text(masterId, "deleted"), u"0"_s);
        QCOMPARE(text(firstId, "deleted"), u"1"_s);
        QCOMPARE(text(secondId, "deleted"), u"1"_s);
    }

    void tagsNotesAndOptOuts_data()
    {
        QTest::addColumn<QString>("masterNotes");
        QTest::addColumn<bool>("chooseNotes");
        QTest::addColumn<QString>("expectedNotes");
        QTest::newRow("joined") << u"Met at the fair."_s << false << u"Met at the fair.\n\nWants a quote."_s;
        QTest::newRow("empty master") << u""_s << false << u"Met at the fair.\n\nWants a quote."_s;
        QTest::newRow("chosen") << u"Mine."_s << true << u"Wants a quote."_s;
    }

    void tagsNotesAndOptOuts()
    {
        QFETCH(QString, masterNotes);
        QFETCH(bool, chooseNotes);
        QFETCH(QString, expectedNotes);
        const QString master = insert(u"Ada"_s, { { u"notes"_s, masterNotes }, { u"tags"_s, u"hot,Warm"_s } });
        const QString first
            = insert(u"Ada 2"_s, { { u"notes"_s, u" Met at the fair. "_s }, { u"tags"_s, u"warm,vip"_s } });
        const QString second = insert(u"Ada 3"_s, { { u"notes"_s, u"Wants a quote."_s }, { u"tags"_s, u"HOT,new"_s } });
        const QString third = insert(u"Ada 4"_s, { { u"do_not_call"_s, 1 }, { u"email_opt_out"_s, 1 } });
        MergeRequest request { master, { first, second, third }, {} };
        if (chooseNotes)
            request.fieldChoices.insert(u"notes"_s, second);
        const MergeResult result = merge(request);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(text(master, "tags"), u"hot,Warm,vip,new"_s);
        QCOMPARE(text(master, "notes"), expectedNotes);
        // Consent withdrawn on any of the records stays withdrawn.
        QCOMPARE(text(master, "do_not_call") + text(master, "email_opt_out") + text(master, "sms_opt_out"), u"110"_s);
    }

    void rowsMovedAndLogged()
    {
        const QString master = insert(u"Ada Lovelace"_s);
        const QString first = insert(u"Ada L."_s);
        const QString second = insert(u"A. Lovelace"_s);
        QVERIFY(ws->addNoteBlocking(master, u"Master note"_s));
        QVERIFY(ws->addNoteBlocking(first, u"First note"_s));
        QVERIFY(ws->addNoteBlocking(first, u"Another"_s));
        QVERIFY(ws->addNoteBlocking(second, u"Second note"_s));
        const QString notification = addNotification(second);
        const QStringList firstActivities = activityIdsOf(first);
        const QStringList secondActivities = activityIdsOf(second);
        QStringList all = activityIdsOf(master) + firstActivities + secondActivities;
        all.sort();
        const Row before = row(u"leads"_s, master);

        const MergeResult result = merge({ master, { first, second }, { { u"name"_s, second } } });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(activityIdsOf(master), all);
        QVERIFY(activityIdsOf(first).isEmpty());
        QCOMPARE(row(u"notifications"_s, notification).value(u"lead_id"_s).toString(), master);

        const QList<Activity> timeline = ws->timelineBlocking(master);
        QVERIFY(!timeline.isEmpty());
        QCOMPARE(timeline.first().body, u"Merged 2 lead(s) into this one: Ada L., A. Lovelace"_s);
        QCOMPARE(timeline.first().meta.value(u"merge_log_id"_s).toString(), result.mergeLogId);
        QCOMPARE(row(u"activities"_s, timeline.first().id).value(u"kind"_s).toString(),
            QLatin1String(LeadMerger::kMergeActivityKind));

        const Row log = row(u"merge_log"_s, result.mergeLogId);
        QCOMPARE((QStringList { log[u"org_id"_s].toString(), log[u"master_id"_s].toString(),
                     log[u"merged_by"_s].toString(), log[u"activity_id"_s].toString() }),
            (QStringList { ws->identity().orgId, master, ws->identity().userId, timeline.first().id }));
        QVERIFY(log.value(u"undone_at"_s).isNull());
        const auto json = [&log](const char* column) {
            return QJsonDocument::fromJson(log.value(QLatin1String(column)).toString().toUtf8());
        };
        QCOMPARE(json("merged_ids").array(), QJsonArray::fromStringList({ first, second }));
        QCOMPARE(json("field_choices").object(), (QJsonObject { { u"name"_s, second } }));
        const QJsonObject savedBefore = json("before").object();
        QCOMPARE(savedBefore.size(), before.size());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(savedBefore.value(it.key()).toVariant().toString(), it.value().toString());
        const QJsonObject moved = json("moved").object();
        QCOMPARE(moved.value(u"activities"_s).toObject().value(first).toArray(),
            QJsonArray::fromStringList(firstActivities));
        QCOMPARE(moved.value(u"activities"_s).toObject().value(second).toArray(),
            QJsonArray::fromStringList(secondActivities));
        QCOMPARE(moved.value(u"notifications"_s).toObject().value(second).toArray(), QJsonArray({ notification }));
    }

    void undoRestoresEverything()
    {
        const QString master = insert(u"Ada Lovelace"_s,
            { { u"tags"_s, u"hot"_s }, { u"notes"_s, u"Mine"_s },
                { u"last_contacted_at"_s, u"2026-01-30T08:00:00.000Z"_s } });
        const QString first = insert(u"Ada L."_s,
            { { u"status"_s, u"proposal"_s }, { u"email"_s, u"ada@engines.org"_s }, { u"tags"_s, u"vip"_s },
                { u"notes"_s, u"Theirs"_s }, { u"sms_opt_out"_s, 1 } });
        const QString second = insert(u"A. Lovelace"_s, { { u"notes"_s, u"Other"_s } });
        const QString bystander = insert(u"Grace Hopper"_s);
        QVERIFY(ws->addNoteBlocking(master, u"Master note"_s));
        QVERIFY(ws->addNoteBlocking(first, u"First note"_s));
        QVERIFY(ws->addNoteBlocking(bystander, u"Unrelated"_s));
        QVERIFY(ws->setNoteDeletedBlocking(activityIdsOf(first).first(), true)); // tombstoned rows move too
        QVERIFY(ws->addNoteBlocking(second, u"Second note"_s));
        addNotification(first);
        QString lastContacted; // adding a note counts as contact, so the latest of all three wins
        for (const QString& id : { master, first, second })
            lastContacted = std::max(lastContacted, text(id, "last_contacted_at"));
        const State before = state();

        const MergeResult result = merge({ master, { first, second }, { { u"status"_s, first } } });
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(state() != before);
        QCOMPARE(text(master, "status"), u"proposal"_s);
        QCOMPARE(text(master, "sms_opt_out"), u"1"_s);
        QCOMPARE(text(master, "last_contacted_at"), lastContacted);

        QString error;
        QVERIFY2(undo(result.mergeLogId, &error), qPrintable(error));
        State after = state();
        // The "merged" entry stays as a tombstone and the log as a record; everything else is as it was.
        const QString mergeActivity = row(u"merge_log"_s, result.mergeLogId).value(u"activity_id"_s).toString();
        QCOMPARE(row(u"activities"_s, mergeActivity).value(u"deleted"_s).toInt(), 1);
        QCOMPARE(after.take(u"merge_log"_s), u"1"_s);
        after.insert(u"merge_log"_s, before.value(u"merge_log"_s));
        after.removeIf([&](const auto& it) { return it.value().startsWith(u"id="_s + mergeActivity + u'|'); });
        QVERIFY2(after == before, qPrintable(firstDifference(before, after)));
        QVERIFY(!row(u"merge_log"_s, result.mergeLogId).value(u"undone_at"_s).isNull());
        // The restored leads count as changed now.
        QVERIFY(text(first, "updated_at") > Ids::toStorage(m_clock));
    }

    void undoRefusals()
    {
        const QString master = insert(u"Ada"_s);
        const QString first = insert(u"Ada 2"_s);
        const QString second = insert(u"Ada 3"_s);
        const MergeResult earlier = merge({ master, { first }, {} });
        const MergeResult later = merge({ master, { second }, {} });
        QVERIFY(earlier.ok && later.ok);
        QString error;
        QVERIFY(!undo(earlier.mergeLogId, &error));
        QCOMPARE(error, u"These leads were merged again later. Undo that merge first."_s);
        QVERIFY2(undo(later.mergeLogId, &error), qPrintable(error));
        QVERIFY2(undo(earlier.mergeLogId, &error), qPrintable(error));
        QCOMPARE(ws->countRows(u"SELECT count(*) FROM leads WHERE deleted = 0"_s), 3);

        const State once = state();
        QVERIFY(!undo(earlier.mergeLogId, &error));
        QCOMPARE(error, u"This merge was already undone."_s);
        QVERIFY(state() == once);
        QVERIFY(!undo(Ids::newId(), &error));
        QCOMPARE(error, u"This merge is no longer in the merge history."_s);
    }

    // Leads are named in the rows: master, dup, gone (deleted), other (not part of the merge), missing (no such id).
    void refusedWithoutChange_data()
    {
        QTest::addColumn<QString>("master");
        QTest::addColumn<QStringList>("duplicates");
        QTest::addColumn<QString>("field"); // chosen from "dup", or from "other" for email
        QTest::addColumn<QString>("error");
        const QStringList dup { u"dup"_s };
        QTest::newRow("into itself") << u"master"_s << QStringList { u"dup"_s, u"master"_s } << QString()
                                     << u"A lead cannot be merged into itself."_s;
        QTest::newRow("no duplicates") << u"master"_s << QStringList() << QString()
                                       << u"Choose at least one lead to merge into it."_s;
        QTest::newRow("no master") << QString() << dup << QString() << u"Choose the lead to keep."_s;
        QTest::newRow("listed twice") << u"master"_s << QStringList { u"dup"_s, u"dup"_s } << QString()
                                      << u"The same lead is listed twice."_s;
        QTest::newRow("missing duplicate") << u"master"_s << QStringList { u"dup"_s, u"missing"_s } << QString()
                                           << u"One of the leads to merge no longer exists."_s;
        QTest::newRow("missing master") << u"missing"_s << dup << QString() << u"The lead to keep no longer exists."_s;
        QTest::newRow("deleted duplicate") << u"master"_s << QStringList { u"dup"_s, u"gone"_s } << QString()
                                           << u"Gone Lead has been deleted and cannot be merged."_s;
        QTest::newRow("deleted master") << u"gone"_s << dup << QString()
                                        << u"The lead to keep, Gone Lead, has been deleted."_s;
        QTest::newRow("unknown field") << u"master"_s << dup << u"tags"_s
                                       << u"“tags” is not a field that can be merged."_s;
        QTest::newRow("value from elsewhere")
            << u"master"_s << dup << u"email"_s << u"The value for “email” must come from one of the merged leads."_s;
    }

    void refusedWithoutChange()
    {
        QFETCH(QString, master);
        QFETCH(QStringList, duplicates);
        QFETCH(QString, field);
        QFETCH(QString, error);
        const QHash<QString, QString> ids { { u"master"_s, insert(u"Ada"_s, { { u"notes"_s, u"Note"_s } }) },
            { u"dup"_s, insert(u"Ada again"_s, { { u"tags"_s, u"vip"_s } }) },
            { u"gone"_s, insert(u"Gone Lead"_s, { { u"deleted"_s, 1 } }) }, { u"other"_s, insert(u"Grace"_s) },
            { u"missing"_s, Ids::newId() } };
        QVERIFY(ws->addNoteBlocking(ids.value(u"dup"_s), u"Timeline"_s));
        const State before = state();

        MergeRequest request { ids.value(master), {}, {} };
        for (const QString& duplicate : std::as_const(duplicates))
            request.duplicateIds.append(ids.value(duplicate));
        if (!field.isEmpty())
            request.fieldChoices.insert(field, ids.value(field == u"email"_s ? u"other"_s : u"dup"_s));
        const MergeResult result = merge(request);
        QVERIFY(!result.ok);
        QCOMPARE(result.error, error);
        QVERIFY(result.mergeLogId.isEmpty());
        const State after = state();
        QVERIFY2(after == before, qPrintable(firstDifference(before, after)));
    }

    // Calls, and tables that later migrations add, are found by their lead_id column; local logs without an id are
    // history and stay untouched.
    void laterTablesFollow()
    {
        exec(u"CREATE TABLE future_records (id TEXT PRIMARY KEY, lead_id TEXT NOT NULL, updated_at TEXT NOT NULL)"_s);
        exec(u"CREATE TABLE call_audit (lead_id TEXT NOT NULL, note TEXT)"_s);
        const QString master = insert(u"Ada"_s);
        const QString duplicate = insert(u"Ada again"_s);
        const QString record = Ids::newId();
        const QString call = Ids::newId();
        exec(u"INSERT INTO future_records (id, lead_id, updated_at) VALUES (?, ?, '2026-01-01')"_s, { record, duplicate });
        exec(u"INSERT INTO calls (id, org_id, lead_id, provider, created_at, updated_at) "
             "VALUES (?, ?, ?, 'vapi', '2026-01-01', '2026-01-01')"_s,
            { call, ws->identity().orgId, duplicate });
        exec(u"INSERT INTO call_audit (lead_id, note) VALUES (?, 'dialled')"_s, { duplicate });

        const MergeResult result = merge({ master, { duplicate }, {} });
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(row(u"future_records"_s, record).value(u"lead_id"_s).toString(), master);
        QCOMPARE(row(u"calls"_s, call).value(u"lead_id"_s).toString(), master);
        QCOMPARE(ws->countRows(u"SELECT count(*) FROM call_audit WHERE lead_id = '%1'"_s.arg(duplicate)), 1);
        QString error;
        QVERIFY2(undo(result.mergeLogId, &error), qPrintable(error));
        QCOMPARE(row(u"future_records"_s, record).value(u"lead_id"_s).toString(), duplicate);
        QCOMPARE(row(u"calls"_s, call).value(u"lead_id"_s).toString(), duplicate);
    }

    void hygieneStoreUpdatesOpenLists()
    {
        const QString master = insert(u"Ada"_s);
        const QString first = insert(u"Ada 2"_s);
        const QString second = insert(u"Ada 3"_s, { { u"email"_s, u"ada@x.org"_s } });
        HygieneStore store(&ws->executor(), &ws->store(), &ws->bus());
        QSignalSpy removed(&ws->store(), &LeadStore::leadsRemoved);
        QSignalSpy upserted(&ws->store(), &LeadStore::leadsUpserted);
        QSignalSpy published(&ws->bus(), &EventBus::published);
        QSignalSpy mergedSpy(&store, &HygieneStore::merged);
        QSignalSpy timeline(&ws->timeline(), &TimelineStore::timelineChanged);

        const auto result = HubTest::waitForCallback<MergeResult>(
            [&](QObject* context, auto done) {
                store.merge({ master, { first, second }, {} }, context, done);
            },
            u"HygieneStore::merge"_s);
        QVERIFY(result && result->ok);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toStringList(), (QStringList { first, second }));
        QCOMPARE(upserted.size(), 1);
        const QList<Lead> fresh = upserted.first().first().value<QList<Lead>>();
        QCOMPARE(fresh.size(), 1);
        QCOMPARE(fresh.first().id, master);
        QCOMPARE(fresh.first().email, u"ada@x.org"_s);
        QCOMPARE(mergedSpy.size(), 1);
        QCOMPARE(mergedSpy.first().at(0).toString(), result->mergeLogId);
        QCOMPARE(published.size(), 3);
        QCOMPARE(published.at(0).first().value<HubEvent>().type, HubEvent::Type::LeadUpdated);
        QCOMPARE(published.at(1).first().value<HubEvent>().type, HubEvent::Type::LeadDeleted);
        QVERIFY(timeline.contains({ master }));

        removed.clear();
        upserted.clear();
        published.clear();
        const auto undo = [&] {
            return HubTest::waitForCallback<QString>(
                [&](QObject* context, auto done) {
                    store.undoMerge(result->mergeLogId, context, [done](bool, const QString& error) { done(error); });
                },
                u"HygieneStore::undoMerge"_s)
                .value_or(u"no answer"_s);
        };
        QCOMPARE(undo(), QString());
        QCOMPARE(removed.size(), 0);
        QCOMPARE(upserted.size(), 1);
        QCOMPARE(upserted.first().first().value<QList<Lead>>().size(), 3);
        QCOMPARE(published.size(), 3);
        QCOMPARE(published.at(2).first().value<HubEvent>().type, HubEvent::Type::LeadRestored);
        QCOMPARE(undo(), u"This merge was already undone."_s);
    }
};

QTEST_GUILESS_MAIN(tst_LeadMerger)
#include "tst_leadmerger.moc"
