#include "services/hygiene/HygieneStore.h"

#include "services/events/EventBus.h"
#include "services/leads/LeadStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/storage/LeadRepository.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {
constexpr int kProgressIntervalMs = 100;

struct ReadLeads {
    QList<DuplicateFinder::ScannedLead> leads;
    bool failed = false;
};

HubEvent leadEvent(HubEvent::Type type, const QString& leadId, const QVariantMap& payload)
{
    HubEvent event;
    event.type = type;
    event.leadId = leadId;
    event.payload = payload;
    return event;
}
} // namespace

// What a merge or undo changed, handed from the database thread to the UI thread.
struct HygieneStore::Change {
    bool ok = false;
    QString error;
    QString mergeLogId;
    QString masterId;
    QList<Lead> upserted;
    QStringList removed;
    QList<HubEvent> events;
};

HygieneStore::HygieneStore(DatabaseExecutor* executor, LeadStore* leads, EventBus* bus, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_leads(leads)
    , m_bus(bus)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(kProgressIntervalMs);
    connect(m_progressTimer, &QTimer::timeout, this, &HygieneStore::reportProgress);
}

HygieneStore::~HygieneStore()
{
    // A grouping still running on the pool sees this and stops early; its result goes nowhere.
    if (m_scan.cancel)
        *m_scan.cancel = true;
}

void HygieneStore::scan(const DuplicateFinder::Options& options, QObject* context, ScanProgress progress, ScanDone done)
{
    if (m_scan.cancel)
        *m_scan.cancel = true;
    const int generation = m_scan.generation + 1;
    m_scan = Scan { generation, std::make_shared<std::atomic_bool>(false), std::make_shared<std::atomic_int>(0), -1,
        context, std::move(progress), std::move(done) };
    m_scanning = true;
    m_progressTimer->start();

    const auto cancel = m_scan.cancel;
    const auto percent = m_scan.percent;
    m_executor->run<ReadLeads>(
        this,
        [cancel, percent](QSqlDatabase& db) {
            DuplicateFinder finder(db);
            ReadLeads read;
            read.leads = finder.readLeads([cancel, percent](int value) {
                percent->store(value);
                return !cancel->load();
            });
            read.failed = !finder.stats().error.isEmpty();
            return read;
        },
        [this, generation, options](ReadLeads read) {
            if (generation != m_scan.generation)
                return;
            if (read.failed || m_scan.cancel->load())
                finishScan({});
            else
                startGrouping(std::move(read.leads), options);
        });
}

void HygieneStore::startGrouping(QList<DuplicateFinder::ScannedLead> leads, const DuplicateFinder::Options& options)
{
    using Watcher = QFutureWatcher<QList<DuplicateCandidate>>;
    const int generation = m_scan.generation;
    auto* watcher = new Watcher(this);
    connect(watcher, &Watcher::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_scan.generation)
            finishScan(watcher->result());
    });
    const auto cancel = m_scan.cancel;
    const auto percent = m_scan.percent;
    watcher->setFuture(QtConcurrent::run([leads = std::move(leads), options, cancel, percent] {
        return DuplicateFinder::group(leads, options, [cancel, percent](int value) {
            percent->store(value);
            return !cancel->load();
        });
    }));
}

void HygieneStore::reportProgress()
{
    const int percent = m_scan.percent ? m_scan.percent->load() : -1;
    if (percent == m_scan.reportedPercent)
        return;
    m_scan.reportedPercent = percent;
    if (m_scan.context && m_scan.progress)
        m_scan.progress(percent);
}

void HygieneStore::finishScan(const QList<DuplicateCandidate>& candidates)
{
    m_progressTimer->stop();
    reportProgress();
    m_scanning = false;
    const ScanDone done = std::exchange(m_scan.done, {});
    if (m_scan.context && done)
        done(candidates);
}

void HygieneStore::cancelScan()
{
    if (m_scanning && m_scan.cancel)
        *m_scan.cancel = true;
}

void HygieneStore::publish(const Change& change)
{
    if (!change.ok)
        return;
    if (!change.removed.isEmpty())
        emit m_leads->leadsRemoved(change.removed);
    if (!change.upserted.isEmpty())
        emit m_leads->leadsUpserted(change.upserted);
    for (const HubEvent& event : change.events)
        m_bus->publish(event);
}

void HygieneStore::merge(const MergeRequest& request, QObject* context, MergeDone done)
{
    const WorkspaceIdentity identity = m_leads->identity();
    QPointer<QObject> guard(context);
    m_executor->run<Change>(
        this,
        [request, identity](QSqlDatabase& db) {
            Change change;
            const MergeResult result = LeadMerger(db, identity).merge(request);
            change.ok = result.ok;
            change.error = result.error;
            change.mergeLogId = result.mergeLogId;
            change.masterId = request.masterId;
            if (!result.ok)
                return change;
            change.upserted = LeadRepository(db).findMany({ request.masterId });
            change.removed = request.duplicateIds;
            const QVariantMap mergedInto { { QStringLiteral("merged_into"), request.masterId },
                { QStringLiteral("merge_log_id"), result.mergeLogId } };
            change.events.append(leadEvent(HubEvent::Type::LeadUpdated, request.masterId,
                { { QStringLiteral("merged_ids"), request.duplicateIds },
                    { QStringLiteral("merge_log_id"), result.mergeLogId } }));
            for (const QString& id : request.duplicateIds)
                change.events.append(leadEvent(HubEvent::Type::LeadDeleted, id, mergedInto));
            return change;
        },
        [this, guard, done = std::move(done)](const Change& change) {
            publish(change);
            if (change.ok)
                emit merged(change.mergeLogId, change.masterId);
            if (done && guard)
                done(MergeResult { change.ok, change.error, change.mergeLogId });
        });
}

void HygieneStore::undoMerge(const QString& mergeLogId, QObject* context, UndoDone done)
{
    const WorkspaceIdentity identity = m_leads->identity();
    QPointer<QObject> guard(context);
    m_executor->run<Change>(
        this,
        [mergeLogId, identity](QSqlDatabase& db) {
            Change change;
            LeadMerger merger(db, identity);
            change.ok = merger.undo(mergeLogId, &change.error);
            change.mergeLogId = mergeLogId;
            if (!change.ok)
                return change;
            const QStringList ids = merger.lastMasterAndDuplicates();
            change.masterId = ids.value(0);
            change.upserted = LeadRepository(db).findMany(ids);
            const QVariantMap undone { { QStringLiteral("undone_merge_log_id"), mergeLogId } };
            change.events.append(leadEvent(HubEvent::Type::LeadUpdated, change.masterId, undone));
            for (const QString& id : ids.mid(1))
                change.events.append(leadEvent(HubEvent::Type::LeadRestored, id, undone));
            return change;
        },
        [this, guard, done = std::move(done)](const Change& change) {
            publish(change);
            if (change.ok)
                emit mergeUndone(change.mergeLogId);
            if (done && guard)
                done(change.ok, change.error);
        });
}
