#include "services/calling/StoredCallScriptSource.h"

#include "services/calling/CallScriptStore.h"

#include <QHash>

StoredCallScriptSource::StoredCallScriptSource(CallScriptStore* store, QObject* parent)
    : CallScriptSource(parent)
    , m_store(store)
{
    connect(m_store, &CallScriptStore::scriptsChanged, this, &CallScriptSource::scriptsChanged);
    connect(m_store, &CallScriptStore::libraryChanged, this, &CallScriptSource::scriptsChanged);
}

void StoredCallScriptSource::scripts(QObject* context, std::function<void(const QList<CallScript>&)> done)
{
    m_store->load(context, [done = std::move(done)](const CallScriptLibrary& library) {
        QHash<QString, const Objection*> objections;
        for (const Objection& objection : library.objections)
            objections.insert(objection.id, &objection);
        QList<CallScript> scripts;
        for (const CallScriptEntry& entry : library.scripts) {
            if (entry.deleted)
                continue;
            CallScript script = entry.script;
            for (const QString& id : entry.libraryObjectionIds) {
                if (const Objection* objection = objections.value(id))
                    script.objectionHandlers.append({ objection->objection, objection->response });
            }
            scripts.append(script);
        }
        done(scripts);
    });
}

void StoredCallScriptSource::markUsed(const QString& scriptId)
{
    m_store->incrementUsage(scriptId, this);
}
