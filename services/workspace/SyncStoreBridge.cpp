#include "services/workspace/SyncStoreBridge.h"

#include "services/calling/CallScriptStore.h"
#include "services/calling/CallService.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/intelligence/IntelligenceStore.h"
#include "services/sync/SyncEngine.h"

SyncStoreBridge::SyncStoreBridge(SyncEngine* engine, const Stores& stores, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_stores(stores)
{
    const auto push = [this] { m_engine->syncNow(); };
    if (m_stores.proposals)
        connect(m_stores.proposals, &ProposalStore::proposalsChanged, this, push);
    if (m_stores.intelligence) {
        connect(m_stores.intelligence, &IntelligenceStore::intelligenceChanged, this, push);
        connect(m_stores.intelligence, &IntelligenceStore::profileChanged, this, push);
    }
    if (m_stores.callScripts) {
        connect(m_stores.callScripts, &CallScriptStore::scriptsChanged, this, push);
        connect(m_stores.callScripts, &CallScriptStore::libraryChanged, this, push);
    }
    if (m_stores.calls)
        connect(m_stores.calls, &CallService::callChanged, this, push);
    connect(m_engine, &SyncEngine::serverRowsChanged, this, &SyncStoreBridge::announce);
}

void SyncStoreBridge::announce(const QString& table, const QStringList& ids, const QStringList& parents)
{
    if (table == QLatin1String("proposals") && m_stores.proposals) {
        emit m_stores.proposals->proposalsChanged(ids);
    } else if (table == QLatin1String("lead_intelligence") && m_stores.intelligence) {
        for (const QString& leadId : parents)
            emit m_stores.intelligence->intelligenceChanged(leadId);
    } else if (table == QLatin1String("call_scripts") && m_stores.callScripts) {
        emit m_stores.callScripts->scriptsChanged(ids);
    } else if (table == QLatin1String("call_script_objections") && m_stores.callScripts) {
        emit m_stores.callScripts->scriptsChanged(parents);
    } else if ((table == QLatin1String("playbooks") || table == QLatin1String("objections")) && m_stores.callScripts) {
        emit m_stores.callScripts->libraryChanged();
    } else if (table == QLatin1String("calls") && m_stores.calls) {
        for (const QString& id : ids)
            m_stores.calls->fetch(id, this, [calls = m_stores.calls](const std::optional<CallRecord>& call) {
                if (call)
                    emit calls->callChanged(*call);
            });
    }
}
