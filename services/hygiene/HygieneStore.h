#pragma once

#include "services/hygiene/DuplicateCandidate.h"
#include "services/hygiene/DuplicateFinder.h"
#include "services/hygiene/LeadMerger.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class DatabaseExecutor;
class EventBus;
class LeadStore;
class QTimer;

// Duplicate scans and merges for the UI thread. A scan reads the leads on the database thread and groups them on
// a pool thread, so lists keep loading meanwhile. Merges and undos run on the database thread in one transaction;
// afterwards open lists follow through the LeadStore's change signals and the EventBus hears about each lead.
class HygieneStore : public QObject
{
    Q_OBJECT

public:
    using ScanProgress = std::function<void(int percent)>;
    using ScanDone = std::function<void(const QList<DuplicateCandidate>&)>;
    using MergeDone = std::function<void(const MergeResult&)>;
    using UndoDone = std::function<void(bool ok, const QString& error)>;

    HygieneStore(DatabaseExecutor* executor, LeadStore* leads, EventBus* bus, QObject* parent = nullptr);
    ~HygieneStore() override;

    // Starting a scan cancels one still running (whose done is then not called). progress and done are called on
    // this thread while context lives; a cancelled scan calls done with what it had found.
    void scan(const DuplicateFinder::Options& options, QObject* context, ScanProgress progress, ScanDone done);
    void cancelScan();
    bool isScanning() const { return m_scanning; }

    void merge(const MergeRequest& request, QObject* context, MergeDone done = {});
    void undoMerge(const QString& mergeLogId, QObject* context, UndoDone done = {});

signals:
    void merged(const QString& mergeLogId, const QString& masterId);
    void mergeUndone(const QString& mergeLogId);

private:
    struct Change;
    void publish(const Change& change);
    void startGrouping(QList<DuplicateFinder::ScannedLead> leads, const DuplicateFinder::Options& options);
    void finishScan(const QList<DuplicateCandidate>& candidates);
    void reportProgress();

    DatabaseExecutor* m_executor;
    LeadStore* m_leads;
    EventBus* m_bus;

    // The running scan. Its threads only touch the shared flags; the UI thread polls the percentage, so nothing
    // is ever posted to an object that may be gone.
    struct Scan {
        int generation = 0;
        std::shared_ptr<std::atomic_bool> cancel;
        std::shared_ptr<std::atomic_int> percent;
        int reportedPercent = -1;
        QPointer<QObject> context;
        ScanProgress progress;
        ScanDone done;
    };
    Scan m_scan;
    bool m_scanning = false;
    QTimer* m_progressTimer;
};
