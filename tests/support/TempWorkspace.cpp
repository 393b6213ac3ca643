#include "tests/support/TempWorkspace.h"

#include "services/demo/DemoDataGenerator.h"
#include "services/events/EventBus.h"
#include "services/leads/LeadStore.h"
#include "services/leads/TimelineStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "tests/support/WaitFor.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace HubTest {

namespace {
void fail(const QString& message)
{
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
}
} // namespace

TempWorkspace::TempWorkspace(const QString& fileName)
    : m_dir(std::make_unique<QTemporaryDir>())
    , m_executor(std::make_unique<DatabaseExecutor>())
    , m_bus(std::make_unique<EventBus>())
{
    m_store = std::make_unique<LeadStore>(m_executor.get(), m_bus.get());
    m_timeline = std::make_unique<TimelineStore>(m_executor.get(), m_bus.get());
    if (!m_dir->isValid()) {
        m_openResult = { OpenResult::Status::CannotOpen,
            QStringLiteral("cannot create a temporary folder: %1").arg(m_dir->errorString()) };
        return;
    }
    m_path = m_dir->filePath(fileName);
    m_openResult = m_executor->openBlocking(m_path);
    if (!m_openResult.ok())
        return;
    m_executor->runBlocking([this](QSqlDatabase& db) { m_identity = WorkspaceInitializer::identity(db); });
    m_store->setIdentity(m_identity);
    m_timeline->setOrgId(m_identity.orgId);
}

TempWorkspace::~TempWorkspace()
{
    // Services first, then the executor (closes the connection on its thread), then the folder.
    m_timeline.reset();
    m_store.reset();
    m_bus.reset();
    m_executor.reset();
    m_dir.reset();
}

bool TempWorkspace::ok() const
{
    return m_openResult.ok() && !m_identity.orgId.isEmpty() && !m_identity.userId.isEmpty();
}

QString TempWorkspace::errorString() const
{
    if (!m_openResult.ok())
        return QStringLiteral("opening %1 failed (status %2): %3")
            .arg(m_path)
            .arg(static_cast<int>(m_openResult.status))
            .arg(m_openResult.message);
    if (m_identity.orgId.isEmpty() || m_identity.userId.isEmpty())
        return QStringLiteral("workspace %1 has no identity").arg(m_path);
    return {};
}

QString TempWorkspace::dirPath() const
{
    return m_dir->path();
}

Lead TempWorkspace::makeLead(const QString& name, const QString& status) const
{
    Lead lead;
    lead.name = name;
    lead.status = status;
    lead.currency = QStringLiteral("EUR");
    return lead;
}

WriteOutcome TempWorkspace::waitForWrite(
    const std::function<void(QObject*, std::function<void(const WriteOutcome&)>)>& start, const QString& what)
{
    const std::optional<WriteOutcome> outcome = waitForCallback<WriteOutcome>(start, what);
    if (!outcome)
        return WriteOutcome::failure(QStringLiteral("%1 timed out").arg(what));
    if (!outcome->ok)
        fail(QStringLiteral("%1 failed: %2").arg(what, outcome->error));
    return *outcome;
}

Lead TempWorkspace::saveBlocking(const Lead& lead)
{
    const WriteOutcome outcome
        = waitForWrite([&](QObject* context, auto done) { m_store->saveLead(lead, context, done); },
            QStringLiteral("LeadStore::saveLead(%1)").arg(lead.name.left(40)));
    if (!outcome.ok)
        return {};
    if (outcome.changed.size() != 1) {
        fail(QStringLiteral("LeadStore::saveLead reported %1 changed leads, expected 1").arg(outcome.changed.size()));
        return {};
    }
    return outcome.changed.first();
}

WriteOutcome TempWorkspace::changeStatusBlocking(
    const QStringList& ids, const QString& status, std::shared_ptr<LeadChangeRecord> record)
{
    return waitForWrite([&](QObject* context, auto done) { m_store->changeStatus(ids, status, record, context, done); },
        QStringLiteral("LeadStore::changeStatus(%1)").arg(status));
}

WriteOutcome TempWorkspace::revertStatusBlocking(std::shared_ptr<LeadChangeRecord> record)
{
    return waitForWrite([&](QObject* context, auto done) { m_store->revertStatus(record, context, done); },
        QStringLiteral("LeadStore::revertStatus"));
}

WriteOutcome TempWorkspace::setDeletedBlocking(const QStringList& ids, bool deleted)
{
    return waitForWrite([&](QObject* context, auto done) { m_store->setDeleted(ids, deleted, context, done); },
        QStringLiteral("LeadStore::setDeleted(%1)").arg(deleted));
}

WriteOutcome TempWorkspace::changeTagBlocking(
    const QStringList& ids, const QString& tag, bool add, std::shared_ptr<LeadChangeRecord> record)
{
    return waitForWrite([&](QObject* context, auto done) { m_store->changeTag(ids, tag, add, record, context, done); },
        QStringLiteral("LeadStore::changeTag(%1, %2)").arg(tag).arg(add));
}

WriteOutcome TempWorkspace::revertTagsBlocking(std::shared_ptr<LeadChangeRecord> record)
{
    return waitForWrite([&](QObject* context, auto done) { m_store->revertTags(record, context, done); },
        QStringLiteral("LeadStore::revertTags"));
}

LeadPage TempWorkspace::fetchPageBlocking(const LeadFilter& filter, int offset, int limit)
{
    const std::optional<LeadPage> page = waitForCallback<LeadPage>(
        [&](QObject* context, auto done) { m_store->fetchPage(filter, offset, limit, context, done); },
        QStringLiteral("LeadStore::fetchPage"));
    return page.value_or(LeadPage {});
}

QList<Lead> TempWorkspace::pageBlocking(const LeadFilter& filter, int offset, int limit)
{
    return fetchPageBlocking(filter, offset, limit).leads;
}

std::optional<Lead> TempWorkspace::fetchLeadBlocking(const QString& id)
{
    const std::optional<std::optional<Lead>> lead = waitForCallback<std::optional<Lead>>(
        [&](QObject* context, auto done) { m_store->fetchLead(id, context, done); },
        QStringLiteral("LeadStore::fetchLead"));
    return lead.value_or(std::nullopt);
}

QList<Activity> TempWorkspace::timelineBlocking(const QString& leadId)
{
    const std::optional<QList<Activity>> activities = waitForCallback<QList<Activity>>(
        [&](QObject* context, auto done) { m_timeline->load(leadId, context, done); },
        QStringLiteral("TimelineStore::load"));
    return activities.value_or(QList<Activity> {});
}

bool TempWorkspace::waitForTimelineWrite(
    const std::function<void(QObject*, std::function<void(const QString&)>)>& start, const QString& what)
{
    const std::optional<QString> error = waitForCallback<QString>(start, what);
    if (!error)
        return false;
    if (!error->isEmpty()) {
        fail(QStringLiteral("%1 failed: %2").arg(what, *error));
        return false;
    }
    return true;
}

bool TempWorkspace::addNoteBlocking(const QString& leadId, const QString& body)
{
    return waitForTimelineWrite(
        [&](QObject* context, std::function<void(const QString&)> done) {
            m_timeline->addNote(leadId, body, context,
                [done](bool ok, const QString& error) { done(ok ? QString() : QStringLiteral("error: ") + error); });
        },
        QStringLiteral("TimelineStore::addNote"));
}

bool TempWorkspace::editNoteBlocking(const QString& activityId, const QString& body)
{
    return waitForTimelineWrite(
        [&](QObject* context, std::function<void(const QString&)> done) {
            m_timeline->editNote(activityId, body, context,
                [done](bool ok, const QString& error) { done(ok ? QString() : QStringLiteral("error: ") + error); });
        },
        QStringLiteral("TimelineStore::editNote"));
}

bool TempWorkspace::setNoteDeletedBlocking(const QString& activityId, bool deleted)
{
    return waitForTimelineWrite(
        [&](QObject* context, std::function<void(const QString&)> done) {
            m_timeline->setNoteDeleted(activityId, deleted, context,
                [done](bool ok, const QString& error) { done(ok ? QString() : QStringLiteral("error: ") + error); });
        },
        QStringLiteral("TimelineStore::setNoteDeleted"));
}

void TempWorkspace::runBlocking(const std::function<void(QSqlDatabase&)>& task) const
{
    m_executor->runBlocking(task);
}

int TempWorkspace::countRows(const QString& sql) const
{
    int result = -1;
    QString error;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            error = query.lastError().text();
            return;
        }
        if (!query.next()) {
            error = QStringLiteral("no rows");
            return;
        }
        result = query.value(0).toInt();
    });
    if (!error.isEmpty())
        fail(QStringLiteral("countRows(%1) failed: %2").arg(sql, error));
    return result;
}

bool TempWorkspace::generateDemoLeads(int count, bool activities, quint32 seed)
{
    QString error;
    DemoDataGenerator::Options options;
    options.leads = count;
    options.activities = activities;
    options.seed = seed;
    m_executor->runBlocking([&](QSqlDatabase& db) { error = DemoDataGenerator::generate(db, m_identity, options); });
    if (!error.isEmpty()) {
        fail(QStringLiteral("DemoDataGenerator::generate failed: %1").arg(error));
        return false;
    }
    return true;
}

} // namespace HubTest
