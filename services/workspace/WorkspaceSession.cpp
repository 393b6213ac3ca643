#include "services/workspace/WorkspaceSession.h"

#include "services/calling/CallScriptStore.h"
#include "services/calling/CallingConfiguration.h"
#include "services/calling/CallingRuntime.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/demo/DemoDataGenerator.h"
#include "services/events/EventBus.h"
#include "services/hygiene/HygieneStore.h"
#include "services/imports/ImportService.h"
#include "services/intelligence/IntelligenceStore.h"
#include "services/leads/LeadStore.h"
#include "services/leads/NotificationCenter.h"
#include "services/leads/TimelineStore.h"
#include "services/pricing/ServiceCatalogStore.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/providers/AiConfiguration.h"
#include "services/providers/AiGateway.h"
#include "services/secrets/SecretStore.h"
#include "services/storage/LeadRepository.h"
#include "services/sync/SyncEngine.h"
#include "services/workspace/SyncStoreBridge.h"
#include "services/workspace/TeamMemberDirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>

WorkspaceSession::WorkspaceSession(QObject* parent)
    : QObject(parent)
    , m_executor(new DatabaseExecutor(this))
    , m_bus(new EventBus(this))
    , m_leads(new LeadStore(m_executor, m_bus, this))
    , m_timeline(new TimelineStore(m_executor, m_bus, this))
    , m_notifications(new NotificationCenter(m_executor, m_bus, this))
    , m_imports(new ImportService(m_executor, m_leads, m_bus, this))
    , m_hygiene(new HygieneStore(m_executor, m_leads, m_bus, this))
    , m_network(new QNetworkAccessManager(this))
    , m_ai(new AiGateway(m_executor, m_network, this))
    , m_proposals(new ProposalStore(m_executor, m_bus, this))
    , m_secrets(new SecretStore(this))
    , m_aiConfiguration(new AiConfiguration(m_ai, m_secrets, m_executor, m_network, this))
    , m_intelligence(new IntelligenceStore(m_executor, m_ai, m_bus, m_leads, this))
    , m_serviceCatalog(new ServiceCatalogStore(m_executor, this))
    , m_callScripts(new CallScriptStore(m_executor, m_bus, this))
    , m_calling(new CallingConfiguration(m_secrets, m_network, this))
    , m_callingRuntime(new CallingRuntime(m_executor, m_bus, m_calling, m_network, this))
{
    connect(m_executor, &DatabaseExecutor::opened, this, [this](const OpenResult& result) {
        if (!result.ok()) {
            emit opened(result);
            return;
        }
        m_executor->run<WorkspaceIdentity>(
            this, [](QSqlDatabase& db) { return WorkspaceInitializer::identity(db); },
            [this, result](const WorkspaceIdentity& identity) {
                adoptIdentity(identity);
                attachServer();
                emit opened(result);
            });
    });
}

WorkspaceSession::~WorkspaceSession()
{
    // The engine uses the executor and the lead store, which are deleted first as children.
    delete m_sync;
    m_sync = nullptr;
}

void WorkspaceSession::open(const QString& path)
{
    setPath(path);
    m_executor->open(path);
}

void WorkspaceSession::setPath(const QString& path)
{
    m_path = path;
    if (m_workspace.path == path)
        return;
    // A file opened by path (--db, tests) is a Local workspace.
    m_workspace = WorkspaceEntry();
    m_workspace.id = WorkspaceEntry::localId();
    m_workspace.name = tr("Local workspace");
    m_workspace.path = path;
}

void WorkspaceSession::prepare(const WorkspaceEntry& workspace, const QString& password, const SyncOptions& options)
{
    m_workspace = workspace;
    m_password = workspace.isServer() ? password : QString();
    m_syncOptions = options;
    if (workspace.isServer())
        QDir().mkpath(QFileInfo(workspace.path).absolutePath());
}

void WorkspaceSession::open(const WorkspaceEntry& workspace, const QString& password, const SyncOptions& options)
{
    prepare(workspace, password, options);
    open(workspace.path);
}

OpenResult WorkspaceSession::openBlocking(
    const WorkspaceEntry& workspace, const QString& password, const SyncOptions& options)
{
    prepare(workspace, password, options);
    return openBlocking(workspace.path);
}

void WorkspaceSession::attachServer()
{
    if (!m_workspace.isServer() || m_sync)
        return;
    m_sync = new SyncEngine(m_executor, m_leads, m_syncOptions);
    m_sync->setTimelineStore(m_timeline);
    new SyncStoreBridge(m_sync,
        { m_proposals, m_intelligence, m_callScripts, m_callingRuntime ? m_callingRuntime->calls() : nullptr }, m_sync);
    m_members = new TeamMemberDirectory(m_workspace.connInfo(m_password), m_syncOptions.orgId, this);
    if (!m_password.isEmpty())
        setServerPassword(m_password);
}

void WorkspaceSession::setServerPassword(const QString& password)
{
    m_password = password; // used by attachServer() when the workspace is still opening
    if (!m_sync)
        return;
    const PgConnInfo info = m_workspace.connInfo(password);
    m_members->setConnection(info);
    m_sync->stop();
    m_sync->start(info);
}

OpenResult WorkspaceSession::openBlocking(const QString& path)
{
    setPath(path);
    const OpenResult result = m_executor->openBlocking(path);
    if (result.ok()) {
        WorkspaceIdentity identity;
        m_executor->runBlocking([&identity](QSqlDatabase& db) { identity = WorkspaceInitializer::identity(db); });
        adoptIdentity(identity);
        attachServer();
    }
    return result;
}

void WorkspaceSession::adoptIdentity(const WorkspaceIdentity& identity)
{
    m_identity = identity;
    m_leads->setIdentity(identity);
    m_timeline->setOrgId(identity.orgId);
    m_notifications->setOrgId(identity.orgId);
    m_imports->setWorkspace(m_path, identity);
    m_ai->setIdentity(identity.orgId, identity.userId);
    m_proposals->setIdentity(identity);
    m_aiConfiguration->setWorkspace(identity);
    m_intelligence->setIdentity(identity);
    m_serviceCatalog->setIdentity(identity);
    m_callScripts->setIdentity(identity);
    m_calling->setWorkspace(identity);
    m_callingRuntime->setWorkspace(identity);
}

void WorkspaceSession::loadSampleData(int leads, QObject* context, std::function<void(int, const QString&)> done)
{
    const WorkspaceIdentity identity = m_identity;
    struct Outcome
    {
        int added = 0;
        QString error;
    };
    m_executor->run<Outcome>(
        context,
        [identity, leads](QSqlDatabase& db) {
            if (LeadRepository(db).countAll() > 0)
                return Outcome {};
            DemoDataGenerator::Options options;
            options.leads = leads;
            const QString error = DemoDataGenerator::generate(db, identity, options);
            return Outcome { error.isEmpty() ? leads : 0, error };
        },
        [this, done = std::move(done)](const Outcome& outcome) {
            if (outcome.added > 0)
                emit m_leads->leadsReset();
            if (done)
                done(outcome.added, outcome.error);
        });
}
