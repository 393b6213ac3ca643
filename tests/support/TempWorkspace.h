#pragma once

#include "models/Activity.h"
#include "models/Lead.h"
#include "models/LeadFilter.h"
#include "models/LeadListSource.h"
#include "services/leads/WriteOutcome.h"
#include "services/storage/OpenResult.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QTemporaryDir;
class DatabaseExecutor;
class EventBus;
class LeadStore;
class TimelineStore;

namespace HubTest {

// A brand-new workspace file (<temp dir>/test.sqlite) opened the way the app opens one, with the services wired
// around it: DatabaseExecutor, EventBus, LeadStore (identity set) and TimelineStore (org set). Everything is a real
// SQLite file; the folder is removed when the workspace goes away.
//
//     HubTest::TempWorkspace ws;
//     QVERIFY2(ws.ok(), qPrintable(ws.errorString()));
//
// The *Blocking helpers wait for the asynchronous API with a local event loop (10 s limit). On a timeout or a
// failed write they mark the running test failed (QTest::qFail) and return an empty / invalid value, so callers
// QVERIFY what they got back and stop.
class TempWorkspace
{
public:
    explicit TempWorkspace(const QString& fileName = QStringLiteral("test.sqlite"));
    ~TempWorkspace();
    TempWorkspace(const TempWorkspace&) = delete;
    TempWorkspace& operator=(const TempWorkspace&) = delete;

    bool ok() const;
    QString errorString() const;
    const OpenResult& openResult() const { return m_openResult; }
    QString dirPath() const;
    QString path() const { return m_path; }

    DatabaseExecutor& executor() const { return *m_executor; }
    EventBus& bus() const { return *m_bus; }
    LeadStore& store() const { return *m_store; }
    TimelineStore& timeline() const { return *m_timeline; }
    const WorkspaceIdentity& identity() const { return m_identity; }

    // A new, unsaved lead with sensible defaults.
    Lead makeLead(const QString& name, const QString& status = QStringLiteral("new")) const;

    // LeadStore writes, waited for. saveBlocking returns the stored lead (invalid Lead on failure).
    Lead saveBlocking(const Lead& lead);
    WriteOutcome changeStatusBlocking(
        const QStringList& ids, const QString& status, std::shared_ptr<LeadChangeRecord> record = {});
    WriteOutcome revertStatusBlocking(std::shared_ptr<LeadChangeRecord> record);
    WriteOutcome setDeletedBlocking(const QStringList& ids, bool deleted);
    WriteOutcome changeTagBlocking(
        const QStringList& ids, const QString& tag, bool add, std::shared_ptr<LeadChangeRecord> record = {});
    WriteOutcome revertTagsBlocking(std::shared_ptr<LeadChangeRecord> record);

    // LeadStore reads, waited for.
    QList<Lead> pageBlocking(const LeadFilter& filter, int offset = 0, int limit = 200);
    LeadPage fetchPageBlocking(const LeadFilter& filter, int offset = 0, int limit = 200);
    std::optional<Lead> fetchLeadBlocking(const QString& id);

    // TimelineStore, waited for. The write helpers return false (and fail the test) when the write failed.
    QList<Activity> timelineBlocking(const QString& leadId);
    bool addNoteBlocking(const QString& leadId, const QString& body);
    bool editNoteBlocking(const QString& activityId, const QString& body);
    bool setNoteDeletedBlocking(const QString& activityId, bool deleted);

    // Direct access on the database thread.
    void runBlocking(const std::function<void(QSqlDatabase&)>& task) const;
    // The first column of the first row of a SELECT as an int, e.g. "SELECT count(*) FROM leads"; -1 on error.
    int countRows(const QString& sql) const;
    // Inserts n sample leads (and activities) in one transaction with DemoDataGenerator; false on error.
    bool generateDemoLeads(int count, bool activities = false, quint32 seed = 42);

private:
    WriteOutcome waitForWrite(
        const std::function<void(QObject*, std::function<void(const WriteOutcome&)>)>& start, const QString& what);
    bool waitForTimelineWrite(
        const std::function<void(QObject*, std::function<void(const QString&)>)>& start, const QString& what);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    OpenResult m_openResult;
    std::unique_ptr<DatabaseExecutor> m_executor;
    std::unique_ptr<EventBus> m_bus;
    std::unique_ptr<LeadStore> m_store;
    std::unique_ptr<TimelineStore> m_timeline;
    WorkspaceIdentity m_identity;
};

} // namespace HubTest
