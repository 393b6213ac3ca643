#pragma once

#include "services/sync/SyncEngine.h"
#include "tests/support/TempWorkspace.h"

#include <QVariant>

#include <memory>

// One desktop of a team-mode test: its own SQLite workspace and a SyncEngine on it (destroyed first), with the
// workspace's timeline attached.
class SyncDesktop
{
public:
    static SyncOptions fastOptions();

    explicit SyncDesktop(const SyncOptions& options = fastOptions());
    ~SyncDesktop();

    HubTest::TempWorkspace& ws() { return m_ws; }
    SyncEngine& engine() { return *m_engine; }

    // Starts the engine and waits for its first complete sync; false (test failed) on an error or timeout.
    bool connectAndSync(const PgConnInfo& info);
    // Asks for a round and waits until one completes.
    bool syncAndWait();

    QVariant leadValue(const QString& id, const QString& column);
    // A column of a row of any replica table; invalid when the row is not there.
    QVariant value(const QString& table, const QString& id, const QString& column);
    int outboxCount();

private:
    HubTest::TempWorkspace m_ws;
    std::unique_ptr<SyncEngine> m_engine;
};
