#include "models/ProposalRules.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/events/EventBus.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using HubTest::TempWorkspace;
using S = Proposal::Status;

class tst_ProposalStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    std::unique_ptr<ProposalStore> store;
    Lead lead;

    ProposalWriteOutcome waitWrite(const std::function<void(QObject*, ProposalStore::Done)>& start)
    {
        return HubTest::waitForCallback<ProposalWriteOutcome>(
            [&](QObject* context, std::function<void(const ProposalWriteOutcome&)> done) { start(context, done); },
            QStringLiteral("proposal write"))
            .value_or(ProposalWriteOutcome::failure(QStringLiteral("timeout")));
    }

    Proposal saveOk(const Proposal& proposal)
    {
        const ProposalWriteOutcome outcome
            = waitWrite([&](QObject* c, ProposalStore::Done d) { store->save(proposal, c, d); });
        if (!outcome.ok || outcome.changed.size() != 1) {
            QTest::qFail(qPrintable(QStringLiteral("save failed: ") + outcome.error), __FILE__, __LINE__);
            return {};
        }
        return outcome.changed.first();
    }

    ProposalWriteOutcome move(const QString& id, S status, const QString& reason = {})
    {
        return waitWrite([&](QObject* c, ProposalStore::Done d) { store->changeStatus(id, status, reason, c, d); });
    }

    std::optional<Proposal> fetch(const QString& id)
    {
        return HubTest::waitForCallback<std::optional<Proposal>>(
            [&](QObject* c, std::function<void(const std::optional<Proposal>&)> d) { store->fetch(id, c, d); },
            QStringLiteral("fetch"))
            .value_or(std::nullopt);
    }

    QList<Proposal> list(const ProposalQuery& query)
    {
        return HubTest::waitForCallback<QList<Proposal>>(
            [&](QObject* c, std::function<void(const QList<Proposal>&)> d) { store->list(query, c, d); },
            QStringLiteral("list"))
            .value_or(QList<Proposal>());
    }

    Proposal draft(const QString& title = QStringLiteral("Website redesign")) const
    {
        Proposal p;
        p.leadId = lead.id;
        p.title = title;
        p.currency = QStringLiteral("USD");
        p.validUntil = QDate::currentDate().addDays(30);
        p.sections = { { QStringLiteral("Scope"), QStringLiteral("<p>Five pages, <b>responsive</b>.</p>") },
            { QStringLiteral("Timeline"), QStringLiteral("<ul><li>Week 1</li></ul>") } };
        p.lines = { { QStringLiteral("Design"), 1500, 99999, 1900 },
            { QStringLiteral("Hosting (year)"), 1000, 12000, 0 } };
        return p;
    }

    QList<Activity> proposalActivities()
    {
        QList<Activity> result;
        for (const Activity& activity : ws->timelineBlocking(lead.id)) {
            if (activity.kind == Activity::Kind::Proposal)
                result.append(activity);
        }
        return result;
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        store = std::make_unique<ProposalStore>(&ws->executor(), &ws->bus());
        store->setIdentity(ws->identity());
        lead = ws->saveBlocking(ws->makeLead(QStringLiteral("Acme GmbH")));
        QVERIFY(lead.isValid());
    }

    void cleanup()
    {
        store.reset();
        ws.reset();
    }

    void roundTripEveryField()
    {
        QSignalSpy changed(store.get(), &ProposalStore::proposalsChanged);
        Proposal input = draft();
        input.status = S::Accepted; // ignored: new proposals are drafts
        input.rejectionReason = QStringLiteral("ignored");
        const Proposal saved = saveOk(input);
        QVERIFY(saved.isValid());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toStringList(), QStringList { saved.id });

        const std::optional<Proposal> loaded = fetch(saved.id);
        QVERIFY(loaded);
        QCOMPARE(loaded->id, saved.id);
        QCOMPARE(loaded->orgId, ws->identity().orgId);
        QCOMPARE(loaded->leadId, lead.id);
        QCOMPARE(loaded->title, input.title);
        QCOMPARE(loaded->status, S::Draft);
        QCOMPARE(loaded->sections, input.sections);
        QCOMPARE(loaded->lines, input.lines);
        QCOMPARE(loaded->currency, QStringLiteral("USD"));
        QCOMPARE(loaded->validUntil, input.validUntil);
        QVERIFY(!loaded->sentAt.isValid() && !loaded->acceptedAt.isValid() && !loaded->rejectedAt.isValid());
        QVERIFY(loaded->rejectionReason.isEmpty());
        QVERIFY(loaded->createdAt.isValid());
        QCOMPARE(loaded->updatedAt, loaded->createdAt);
        QCOMPARE(loaded->rev, 0);
        QVERIFY(!loaded->deleted);

        Proposal edit = *loaded;
        edit.title = QStringLiteral("Website redesign v2");
        edit.lines.append({ QStringLiteral("Extra"), 250, 4000, 700 });
        edit.sections.removeFirst();
        edit.validUntil = QDate();
        edit.currency = QStringLiteral("EUR");
        QTest::qWait(5);
        const Proposal updated = saveOk(edit);
        QCOMPARE(updated.title, edit.title);
        QCOMPARE(updated.lines, edit.lines);
        QCOMPARE(updated.sections, edit.sections);
        QVERIFY(!updated.validUntil.isValid());
        QCOMPARE(updated.currency, QStringLiteral("EUR"));
        QCOMPARE(updated.createdAt, loaded->createdAt);
        QVERIFY(updated.updatedAt > loaded->updatedAt);
        QCOMPARE(updated.rev, 1);
        QCOMPARE(changed.size(), 2);
    }

    void listFilters()
    {
        const Lead other = ws->saveBlocking(ws->makeLead(QStringLiteral("Globex")));
        const Proposal a = saveOk(draft(QStringLiteral("A")));
        const Proposal b = saveOk(draft(QStringLiteral("B")));
        Proposal forOther = draft(QStringLiteral("C"));
        forOther.leadId = other.id;
        const Proposal c = saveOk(forOther);
        QVERIFY(move(b.id, S::Sent).ok);

        QCOMPARE(list({}).size(), 3);
        QCOMPARE(list({ lead.id, std::nullopt, false }).size(), 2);
        const QList<Proposal> sent = list({ {}, S::Sent, false });
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().id, b.id);
        QCOMPARE(list({ other.id, S::Draft, false }).first().id, c.id);
        QVERIFY(list({ other.id, S::Sent, false }).isEmpty());
        QVERIFY(a.isValid());
    }

    void invalidProposalIsRefused()
    {
        Proposal p = draft();
        p.title.clear();
        p.lines[0].taxRateBasisPoints = 12000;
        const ProposalWriteOutcome outcome = waitWrite([&](QObject* c, ProposalStore::Done d) { store->save(p, c, d); });
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.fieldErrors.size(), 2);
        QVERIFY(!errorFor(outcome.fieldErrors, QStringLiteral("title")).isEmpty());
        Proposal orphan = draft();
        orphan.leadId = QStringLiteral("no-such-lead");
        const ProposalWriteOutcome noLead
            = waitWrite([&](QObject* c, ProposalStore::Done d) { store->save(orphan, c, d); });
        QVERIFY(!noLead.ok);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM proposals")), 0);
    }

    void statusFlowStampsTimesAndNotes()
    {
        QSignalSpy events(&ws->bus(), &EventBus::published);
        QSignalSpy changed(store.get(), &ProposalStore::proposalsChanged);
        const Proposal p = saveOk(draft());
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);

        ProposalWriteOutcome sent = move(p.id, S::Sent);
        QVERIFY2(sent.ok, qPrintable(sent.error));
        std::optional<Proposal> now = fetch(p.id);
        QCOMPARE(now->status, S::Sent);
        QVERIFY(now->sentAt.isValid() && now->sentAt >= before);

        // Back to draft to revise: editing works again, then send once more.
        QVERIFY(move(p.id, S::Draft).ok);
        QVERIFY(!fetch(p.id)->sentAt.isValid());
        Proposal revised = *fetch(p.id);
        revised.title = QStringLiteral("Website redesign");
        QVERIFY(saveOk(revised).isValid());
        QVERIFY(move(p.id, S::Sent).ok);

        // Rejecting needs a reason; refused moves change nothing.
        const ProposalWriteOutcome noReason = move(p.id, S::Rejected, QStringLiteral("  "));
        QVERIFY(!noReason.ok);
        QVERIFY(!noReason.error.isEmpty());
        QCOMPARE(fetch(p.id)->status, S::Sent);

        QVERIFY(move(p.id, S::Rejected, QStringLiteral(" Too expensive ")).ok);
        now = fetch(p.id);
        QCOMPARE(now->status, S::Rejected);
        QVERIFY(now->rejectedAt.isValid());
        QCOMPARE(now->rejectionReason, QStringLiteral("Too expensive"));
        QVERIFY(!now->acceptedAt.isValid());

        const QList<Activity> notes = proposalActivities();
        QCOMPARE(notes.size(), 4);
        const Activity& last = notes.first(); // newest first
        QCOMPARE(last.body, QStringLiteral("Proposal “Website redesign” rejected"));
        QCOMPARE(last.meta.value(QStringLiteral("proposal_id")).toString(), p.id);
        QCOMPARE(last.meta.value(QStringLiteral("from")).toString(), QStringLiteral("sent"));
        QCOMPARE(last.meta.value(QStringLiteral("to")).toString(), QStringLiteral("rejected"));
        QCOMPARE(notes.last().body, QStringLiteral("Proposal “Website redesign” sent"));

        QList<HubEvent> proposalEvents;
        for (const QList<QVariant>& args : events) {
            const HubEvent event = args.at(0).value<HubEvent>();
            if (event.type == HubEvent::Type::ProposalStatusChanged)
                proposalEvents.append(event);
        }
        QCOMPARE(proposalEvents.size(), 4);
        const HubEvent& rejected = proposalEvents.last();
        QCOMPARE(rejected.name(), QStringLiteral("proposal.status_changed"));
        QCOMPARE(rejected.leadId, lead.id);
        QCOMPARE(rejected.payload.value(QStringLiteral("proposal_id")).toString(), p.id);
        QCOMPARE(rejected.payload.value(QStringLiteral("lead_id")).toString(), lead.id);
        QCOMPARE(rejected.payload.value(QStringLiteral("from")).toString(), QStringLiteral("sent"));
        QCOMPARE(rejected.payload.value(QStringLiteral("to")).toString(), QStringLiteral("rejected"));

        // Final: nothing moves a rejected proposal, and it cannot be edited.
        const qsizetype writes = changed.size();
        QVERIFY(!move(p.id, S::Sent).ok);
        QVERIFY(!move(p.id, S::Accepted).ok);
        QVERIFY(!move(p.id, S::Draft).ok);
        const ProposalWriteOutcome edit = waitWrite([&](QObject* c, ProposalStore::Done d) { store->save(*now, c, d); });
        QVERIFY(!edit.ok);
        QCOMPARE(changed.size(), writes);
        QCOMPARE(proposalActivities().size(), 4);
        QCOMPARE(fetch(p.id)->rev, now->rev);
    }

    void acceptStampsTime()
    {
        const Proposal p = saveOk(draft());
        QVERIFY(!move(p.id, S::Accepted).ok); // a draft is sent first
        QCOMPARE(fetch(p.id)->status, S::Draft);
        QVERIFY(proposalActivities().isEmpty());
        QVERIFY(move(p.id, S::Sent).ok);
        QVERIFY(move(p.id, S::Accepted).ok);
        const std::optional<Proposal> now = fetch(p.id);
        QCOMPARE(now->status, S::Accepted);
        QVERIFY(now->acceptedAt.isValid() && now->sentAt.isValid());
        QVERIFY(now->acceptedAt >= now->sentAt);
        QVERIFY(!move(p.id, S::Rejected, QStringLiteral("late")).ok);
        QCOMPARE(proposalActivities().first().body, QStringLiteral("Proposal “Website redesign” accepted"));
    }

    void tombstoneAndRestore()
    {
        QSignalSpy changed(store.get(), &ProposalStore::proposalsChanged);
        const Proposal p = saveOk(draft());
        const ProposalWriteOutcome removed
            = waitWrite([&](QObject* c, ProposalStore::Done d) { store->remove(p.id, c, d); });
        QVERIFY(removed.ok);
        QCOMPARE(changed.size(), 2);
        QVERIFY(list({}).isEmpty());
        QCOMPARE(list({ {}, std::nullopt, true }).size(), 1);
        QVERIFY(fetch(p.id)->deleted);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM proposals")), 1);
        QVERIFY(!move(p.id, S::Sent).ok);

        const ProposalWriteOutcome restored
            = waitWrite([&](QObject* c, ProposalStore::Done d) { store->restore(p.id, c, d); });
        QVERIFY(restored.ok);
        QCOMPARE(changed.size(), 3);
        const QList<Proposal> all = list({});
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().lines, p.lines);
        QVERIFY(!all.first().deleted);
    }
};

QTEST_MAIN(tst_ProposalStore)
#include "tst_proposalstore.moc"
