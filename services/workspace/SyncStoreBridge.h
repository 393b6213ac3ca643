#pragma once

#include <QObject>
#include <QStringList>

class CallScriptStore;
class CallService;
class IntelligenceStore;
class ProposalStore;
class SyncEngine;

// Team mode between the sync engine and the stores of the Deal Desk, Lead Intelligence and Calling: a local write in
// one of them has queued changes in the outbox (SQLite triggers), so the engine pushes at once; rows of their tables
// that came from the server are announced through the store that owns them, so open views reload.
class SyncStoreBridge : public QObject
{
    Q_OBJECT

public:
    struct Stores {
        ProposalStore* proposals = nullptr;
        IntelligenceStore* intelligence = nullptr;
        CallScriptStore* callScripts = nullptr;
        CallService* calls = nullptr;
    };

    SyncStoreBridge(SyncEngine* engine, const Stores& stores, QObject* parent = nullptr);

private:
    void announce(const QString& table, const QStringList& ids, const QStringList& parents);

    SyncEngine* m_engine;
    Stores m_stores;
};
