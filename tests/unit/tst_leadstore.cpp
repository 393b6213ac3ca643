#include "services/events/EventBus.h"
#include "services/leads/LeadStore.h"
#include "services/leads/TimelineStore.h"
#include "tests/support/TempWorkspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using HubTest::TempWorkspace;

namespace {
QList<HubEvent> eventsFrom(const QSignalSpy& spy)
{
    QList<HubEvent> events;
    for (const QList<QVariant>& args : spy)
        events.append(args.at(0).value<HubEvent>());
    return events;
}

QList<Lead> leadsFrom(const QSignalSpy& spy)
{
    QList<Lead> leads;
    for (const QList<QVariant>& args : spy)
        leads += args.at(0).value<QList<Lead>>();
    return leads;
}

QStringList idsOf(const QList<Lead>& leads)
{
    QStringList ids;
    for (const Lead& lead : leads)
        ids.append(lead.id);
    ids.sort();
    return ids;
}

QStringList sortedIds(QStringList ids)
{
    ids.sort();
    return ids;
}
} // namespace

class tst_LeadStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;

    // Status-change activities of a lead: (from, to, deleted) as text, oldest first.
    QStringList statusActivities(const QString& leadId)
    {
        QStringList result;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT meta, deleted, org_id FROM activities WHERE lead_id = ? AND kind = "
                                         "'status_change' ORDER BY created_at, id"));
            query.addBindValue(leadId);
            query.exec();
            while (query.next()) {
                const QJsonObject meta = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
                result.append(
                    QStringLiteral("%1>%2%3%4")
                        .arg(meta.value(QStringLiteral("from")).toString(), meta.value(QStringLiteral("to")).toString(),
                            query.value(1).toBool() ? QStringLiteral(" deleted") : QString(),
                            query.value(2).toString() == ws->identity().orgId ? QString()
                                                                              : QStringLiteral(" wrong-org")));
            }
        });
        return result;
    }

    QString statusOf(const QString& id)
    {
        const std::optional<Lead> lead = ws->fetchLeadBlocking(id);
        return lead ? lead->status : QStringLiteral("<missing>");
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
    }

    void cleanup() { ws.reset(); }

    void saveNewLead()
    {
        QSignalSpy published(&ws->bus(), &EventBus::published);
        QSignalSpy upserted(&ws->store(), &LeadListSource::leadsUpserted);
        QSignalSpy failed(&ws->store(), &LeadStore::writeFailed);

        const Lead saved = ws->saveBlocking(ws->makeLead(QStringLiteral("Jane Doe")));
        QVERIFY(saved.isValid());

        QCOMPARE(upserted.size(), 1);
        QCOMPARE(idsOf(leadsFrom(upserted)), QStringList { saved.id });
        QCOMPARE(leadsFrom(upserted).first().name, QStringLiteral("Jane Doe"));
        const QList<HubEvent> events = eventsFrom(published);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, HubEvent::Type::LeadCreated);
        QCOMPARE(events.first().name(), QStringLiteral("lead.created"));
        QCOMPARE(events.first().leadId, saved.id);
        QVERIFY(failed.isEmpty());

        const QList<Activity> timeline = ws->timelineBlocking(saved.id);
        QCOMPARE(timeline.size(), 1);
        QCOMPARE(timeline.first().kind, Activity::Kind::Created);
        QCOMPARE(timeline.first().leadId, saved.id);
        QCOMPARE(
            ws->countRows(QStringLiteral("SELECT count(*) FROM activities WHERE kind = 'created' AND org_id = '%1'")
                              .arg(ws->identity().orgId)),
            1);

        // Saving again is an update: no second "created", a lead.updated event, and a status edit on the timeline.
        published.clear();
        Lead edited = saved;
        edited.status = QStringLiteral("contacted");
        QVERIFY(ws->saveBlocking(edited).isValid());
        QStringList names;
        for (const HubEvent& event : eventsFrom(published))
            names.append(event.name());
        QCOMPARE(names, (QStringList { QStringLiteral("lead.updated"), QStringLiteral("lead.status_changed") }));
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM activities WHERE kind = 'created'")), 1);
        QCOMPARE(statusActivities(saved.id), QStringList { QStringLiteral("new>contacted") });
    }

    void changeStatusAndRevert()
    {
        const Lead a = ws->saveBlocking(ws->makeLead(QStringLiteral("A"), QStringLiteral("new")));
        const Lead b = ws->saveBlocking(ws->makeLead(QStringLiteral("B"), QStringLiteral("contacted")));
        const Lead c = ws->saveBlocking(ws->makeLead(QStringLiteral("C"), QStringLiteral("won"))); // already there
        QVERIFY(a.isValid() && b.isValid() && c.isValid());

        QSignalSpy published(&ws->bus(), &EventBus::published);
        QSignalSpy upserted(&ws->store(), &LeadListSource::leadsUpserted);
        auto record = std::make_shared<LeadChangeRecord>();
        const WriteOutcome outcome = ws->changeStatusBlocking({ a.id, b.id, c.id }, QStringLiteral("won"), record);
        QVERIFY(outcome.ok);

        QCOMPARE(statusOf(a.id), QStringLiteral("won"));
        QCOMPARE(statusOf(b.id), QStringLiteral("won"));
        QCOMPARE(statusOf(c.id), QStringLiteral("won"));
        QCOMPARE(statusActivities(a.id), QStringList { QStringLiteral("new>won") });
        QCOMPARE(statusActivities(b.id), QStringList { QStringLiteral("contacted>won") });
        QCOMPARE(statusActivities(c.id), QStringList {}); // unchanged: no activity, no event

        // The undo record holds the before-values and the activities.
        QCOMPARE(record->previousStatus.size(), 2);
        QCOMPARE(record->previousStatus.value(a.id), QStringLiteral("new"));
        QCOMPARE(record->previousStatus.value(b.id), QStringLiteral("contacted"));
        QCOMPARE(record->activityIds.size(), 2);

        const QList<HubEvent> events = eventsFrom(published);
        QCOMPARE(events.size(), 2);
        QHash<QString, HubEvent> byLead;
        for (const HubEvent& event : events) {
            QCOMPARE(event.type, HubEvent::Type::LeadStatusChanged);
            QCOMPARE(event.name(), QStringLiteral("lead.status_changed"));
            QCOMPARE(event.payload.value(QStringLiteral("to")).toString(), QStringLiteral("won"));
            byLead.insert(event.leadId, event);
        }
        QCOMPARE(byLead.value(a.id).payload.value(QStringLiteral("from")).toString(), QStringLiteral("new"));
        QCOMPARE(byLead.value(b.id).payload.value(QStringLiteral("from")).toString(), QStringLiteral("contacted"));

        QCOMPARE(upserted.size(), 1);
        const QList<Lead> changed = leadsFrom(upserted);
        QCOMPARE(idsOf(changed), sortedIds({ a.id, b.id }));
        for (const Lead& lead : changed)
            QCOMPARE(lead.status, QStringLiteral("won"));
        QCOMPARE(idsOf(outcome.changed), sortedIds({ a.id, b.id }));

        // Undo.
        published.clear();
        upserted.clear();
        QVERIFY(ws->revertStatusBlocking(record).ok);
        QCOMPARE(statusOf(a.id), QStringLiteral("new"));
        QCOMPARE(statusOf(b.id), QStringLiteral("contacted"));
        QCOMPARE(statusOf(c.id), QStringLiteral("won"));
        QCOMPARE(statusActivities(a.id), QStringList { QStringLiteral("new>won deleted") });
        QCOMPARE(statusActivities(b.id), QStringList { QStringLiteral("contacted>won deleted") });
        for (const Activity& activity : ws->timelineBlocking(a.id))
            QVERIFY(activity.kind != Activity::Kind::StatusChange); // tombstoned entries are not shown
        QCOMPARE(idsOf(leadsFrom(upserted)), sortedIds({ a.id, b.id }));
        QStringList reverted;
        for (const HubEvent& event : eventsFrom(published)) {
            QCOMPARE(event.name(), QStringLiteral("lead.status_changed"));
            reverted.append(event.payload.value(QStringLiteral("from")).toString() + QLatin1Char('>')
                + event.payload.value(QStringLiteral("to")).toString());
        }
        reverted.sort();
        QCOMPARE(reverted, (QStringList { QStringLiteral("won>contacted"), QStringLiteral("won>new") }));
    }

    void changeStatusSkipsDeletedLeads()
    {
        const Lead lead = ws->saveBlocking(ws->makeLead(QStringLiteral("Gone")));
        QVERIFY(lead.isValid());
        QVERIFY(ws->setDeletedBlocking({ lead.id }, true).ok);
        QSignalSpy published(&ws->bus(), &EventBus::published);
        auto record = std::make_shared<LeadChangeRecord>();
        QVERIFY(ws->changeStatusBlocking({ lead.id, QStringLiteral("no-such-id") }, QStringLiteral("won"), record).ok);
        QCOMPARE(statusOf(lead.id), QStringLiteral("new"));
        QVERIFY(record->previousStatus.isEmpty());
        QVERIFY(published.isEmpty());
    }

    void deleteAndRestore()
    {
        const Lead keep = ws->saveBlocking(ws->makeLead(QStringLiteral("Keep")));
        const Lead gone = ws->saveBlocking(ws->makeLead(QStringLiteral("Gone")));
        QVERIFY(keep.isValid() && gone.isValid());

        QSignalSpy removed(&ws->store(), &LeadListSource::leadsRemoved);
        QSignalSpy upserted(&ws->store(), &LeadListSource::leadsUpserted);
        QSignalSpy published(&ws->bus(), &EventBus::published);
        QVERIFY(ws->setDeletedBlocking({ gone.id }, true).ok);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(0).toStringList(), QStringList { gone.id });
        QCOMPARE(eventsFrom(published).size(), 1);
        QCOMPARE(eventsFrom(published).first().name(), QStringLiteral("lead.deleted"));
        QCOMPARE(ws->pageBlocking(LeadFilter {}).size(), 1);
        QCOMPARE(ws->pageBlocking(LeadFilter {}).first().id, keep.id);
        QVERIFY(ws->fetchLeadBlocking(gone.id)->deleted); // still readable by id, for undo

        published.clear();
        QVERIFY(ws->setDeletedBlocking({ gone.id }, false).ok);
        QCOMPARE(upserted.size(), 1);
        QCOMPARE(idsOf(leadsFrom(upserted)), QStringList { gone.id });
        QVERIFY(!leadsFrom(upserted).first().deleted);
        QCOMPARE(eventsFrom(published).first().name(), QStringLiteral("lead.restored"));
        QCOMPARE(ws->pageBlocking(LeadFilter {}).size(), 2);
    }

    void tagsAndRevert()
    {
        Lead a = ws->makeLead(QStringLiteral("A"));
        a.tags = { QStringLiteral("Hot"), QStringLiteral("local") };
        a = ws->saveBlocking(a);
        Lead b = ws->makeLead(QStringLiteral("B"));
        b = ws->saveBlocking(b);
        QVERIFY(a.isValid() && b.isValid());

        QSignalSpy upserted(&ws->store(), &LeadListSource::leadsUpserted);
        auto added = std::make_shared<LeadChangeRecord>();
        QVERIFY(ws->changeTagBlocking({ a.id, b.id }, QStringLiteral("hot"), true, added).ok);
        QCOMPARE(ws->fetchLeadBlocking(a.id)->tags, (QStringList { QStringLiteral("Hot"), QStringLiteral("local") }));
        QCOMPARE(ws->fetchLeadBlocking(b.id)->tags, QStringList { QStringLiteral("hot") });
        QCOMPARE(added->previousTags.keys(), QStringList { b.id }); // a already had it (any case)
        QCOMPARE(idsOf(leadsFrom(upserted)), QStringList { b.id });

        LeadFilter hot;
        hot.tag = QStringLiteral("hot");
        QCOMPARE(ws->pageBlocking(hot).size(), 2);

        auto removedTag = std::make_shared<LeadChangeRecord>();
        QVERIFY(ws->changeTagBlocking({ a.id, b.id }, QStringLiteral("HOT"), false, removedTag).ok);
        QCOMPARE(ws->fetchLeadBlocking(a.id)->tags, QStringList { QStringLiteral("local") });
        QCOMPARE(ws->fetchLeadBlocking(b.id)->tags, QStringList {});
        QCOMPARE(ws->pageBlocking(hot).size(), 0);

        QVERIFY(ws->revertTagsBlocking(removedTag).ok);
        QCOMPARE(ws->fetchLeadBlocking(a.id)->tags, (QStringList { QStringLiteral("Hot"), QStringLiteral("local") }));
        QCOMPARE(ws->fetchLeadBlocking(b.id)->tags, QStringList { QStringLiteral("hot") });
        QVERIFY(ws->revertTagsBlocking(added).ok);
        QCOMPARE(ws->fetchLeadBlocking(b.id)->tags, QStringList {});
        QCOMPARE(ws->pageBlocking(hot).size(), 1);
    }

    void timelineNotes()
    {
        const Lead lead = ws->saveBlocking(ws->makeLead(QStringLiteral("Timeline")));
        QVERIFY(lead.isValid());
        QVERIFY(!lead.lastContactedAt.isValid());

        QSignalSpy changed(&ws->timeline(), &TimelineStore::timelineChanged);
        QSignalSpy published(&ws->bus(), &EventBus::published);
        QVERIFY(ws->addNoteBlocking(lead.id, QStringLiteral("first")));
        QVERIFY(ws->addNoteBlocking(lead.id, QStringLiteral("second")));
        QVERIFY(ws->addNoteBlocking(lead.id, QStringLiteral("third 👩‍💻 '; DROP TABLE activities; --")));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toString(), lead.id);
        // Every note is announced (automatic re-analysis and automations listen for activity.added).
        int notesAnnounced = 0;
        for (const QList<QVariant>& signal : std::as_const(published)) {
            const HubEvent event = signal.at(0).value<HubEvent>();
            if (event.type == HubEvent::Type::ActivityAdded && event.leadId == lead.id
                && event.payload.value(QStringLiteral("kind")).toString() == QLatin1String("note"))
                ++notesAnnounced;
        }
        QCOMPARE(notesAnnounced, 3);

        QList<Activity> timeline = ws->timelineBlocking(lead.id);
        QStringList bodies;
        for (const Activity& activity : std::as_const(timeline))
            bodies.append(activity.kind == Activity::Kind::Created ? QStringLiteral("<created>") : activity.body);
        QCOMPARE(bodies,
            (QStringList { QStringLiteral("third 👩‍💻 '; DROP TABLE activities; --"), QStringLiteral("second"),
                QStringLiteral("first"), QStringLiteral("<created>") }));
        for (int i = 1; i < timeline.size(); ++i)
            QVERIFY(timeline.at(i - 1).createdAt >= timeline.at(i).createdAt);
        QVERIFY(timeline.first().isEditable());
        QVERIFY(!timeline.last().isEditable());
        QVERIFY(ws->fetchLeadBlocking(lead.id)->lastContactedAt.isValid()); // a note counts as contact

        const QString secondId = timeline.at(1).id;
        QVERIFY(ws->editNoteBlocking(secondId, QStringLiteral("second, edited")));
        timeline = ws->timelineBlocking(lead.id);
        QCOMPARE(timeline.at(1).id, secondId);
        QCOMPARE(timeline.at(1).body, QStringLiteral("second, edited"));
        QVERIFY(timeline.at(1).updatedAt >= timeline.at(1).createdAt);

        QVERIFY(ws->setNoteDeletedBlocking(secondId, true));
        timeline = ws->timelineBlocking(lead.id);
        QCOMPARE(timeline.size(), 3);
        for (const Activity& activity : std::as_const(timeline))
            QVERIFY(activity.id != secondId);

        QVERIFY(ws->setNoteDeletedBlocking(secondId, false)); // undo
        timeline = ws->timelineBlocking(lead.id);
        QCOMPARE(timeline.size(), 4);
        QCOMPARE(timeline.at(1).body, QStringLiteral("second, edited"));

        // Other leads' timelines are separate.
        const Lead other = ws->saveBlocking(ws->makeLead(QStringLiteral("Other")));
        QCOMPARE(ws->timelineBlocking(other.id).size(), 1);
        QVERIFY(ws->timelineBlocking(QStringLiteral("no-such-lead")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_LeadStore)
#include "tst_leadstore.moc"
