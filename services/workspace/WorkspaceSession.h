#pragma once

#include "services/storage/OpenResult.h"
#include "services/storage/WorkspaceInitializer.h"
#include "services/sync/SyncOptions.h"
#include "services/workspace/WorkspaceEntry.h"

#include <QObject>

class AiConfiguration;
class AiGateway;
class CallScriptStore;
class CallingConfiguration;
class CallingRuntime;
class DatabaseExecutor;
class EventBus;
class HygieneStore;
class ImportService;
class IntelligenceStore;
class LeadStore;
class NotificationCenter;
class ProposalStore;
class QNetworkAccessManager;
class SecretStore;
class ServiceCatalogStore;
class SyncEngine;
class TeamMemberDirectory;
class TimelineStore;

// The services of one open workspace, wired together. The app and the GUI tests build the same thing.
class WorkspaceSession : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceSession(QObject* parent = nullptr);
    ~WorkspaceSession() override;

    void open(const QString& path);
    OpenResult openBlocking(const QString& path);
    // Opens a workspace of the registry. A server workspace opens its replica file like a Local one, then attaches a
    // SyncEngine that connects with the password (empty: the replica opens offline, for review, and
    // setServerPassword() connects later).
    void open(const WorkspaceEntry& workspace, const QString& password, const SyncOptions& options = {});
    OpenResult openBlocking(const WorkspaceEntry& workspace, const QString& password, const SyncOptions& options = {});
    // Connects (again) with another password, e.g. after the server refused the stored one.
    void setServerPassword(const QString& password);
    // Fills the workspace with sample leads when it has none; done(count added, error).
    void loadSampleData(int leads, QObject* context, std::function<void(int, const QString&)> done);

    QString path() const { return m_path; }
    // What is open: the Local workspace (also for --db) or a server workspace.
    const WorkspaceEntry& workspace() const { return m_workspace; }
    // Team mode (server workspaces only, once open; nullptr otherwise).
    SyncEngine* sync() const { return m_sync; }
    TeamMemberDirectory* members() const { return m_members; }
    const WorkspaceIdentity& identity() const { return m_identity; }
    DatabaseExecutor* executor() const { return m_executor; }
    EventBus* bus() const { return m_bus; }
    LeadStore* leads() const { return m_leads; }
    TimelineStore* timeline() const { return m_timeline; }
    NotificationCenter* notifications() const { return m_notifications; }
    ImportService* imports() const { return m_imports; }
    HygieneStore* hygiene() const { return m_hygiene; }
    // Provider adapters share one network access manager (one connection pool, one proxy setting).
    QNetworkAccessManager* network() const { return m_network; }
    AiGateway* ai() const { return m_ai; }
    ProposalStore* proposals() const { return m_proposals; }
    // The OS keychain; secrets never go anywhere else.
    SecretStore* secrets() const { return m_secrets; }
    // Settings → AI of this workspace, applied to ai() once the workspace is open.
    AiConfiguration* aiConfiguration() const { return m_aiConfiguration; }
    // Lead Intelligence (deal heat, analyses) and AI profiles.
    IntelligenceStore* intelligence() const { return m_intelligence; }
    // The services price list that deal values are estimated from.
    ServiceCatalogStore* serviceCatalog() const { return m_serviceCatalog; }
    // Call scripts, the objection library and playbooks (Calling → Scripts).
    CallScriptStore* callScripts() const { return m_callScripts; }
    // Settings → Calling of this workspace: provider keys (keychain), base URLs, calling hours, pacing.
    CallingConfiguration* calling() const { return m_calling; }
    // AI calling: telephony adapters, calls, agents (issue #6); follows calling().
    CallingRuntime* callingRuntime() const { return m_callingRuntime; }

signals:
    void opened(const OpenResult& result);

private:
    void adoptIdentity(const WorkspaceIdentity& identity);
    void setPath(const QString& path);
    void prepare(const WorkspaceEntry& workspace, const QString& password, const SyncOptions& options);
    void attachServer();

    QString m_path;
    WorkspaceEntry m_workspace;
    QString m_password; // of a server workspace, in memory only
    SyncOptions m_syncOptions;
    WorkspaceIdentity m_identity;
    DatabaseExecutor* m_executor;
    EventBus* m_bus;
    LeadStore* m_leads;
    TimelineStore* m_timeline;
    NotificationCenter* m_notifications;
    ImportService* m_imports;
    HygieneStore* m_hygiene;
    QNetworkAccessManager* m_network;
    AiGateway* m_ai;
    ProposalStore* m_proposals;
    SecretStore* m_secrets;
    AiConfiguration* m_aiConfiguration;
    IntelligenceStore* m_intelligence;
    ServiceCatalogStore* m_serviceCatalog;
    SyncEngine* m_sync = nullptr;
    TeamMemberDirectory* m_members = nullptr;
    CallScriptStore* m_callScripts;
    CallingConfiguration* m_calling;
    CallingRuntime* m_callingRuntime;
};
