#pragma once

#include "services/calling/CallScriptSource.h"

class CallScriptStore;

// The scripts of Calling → Scripts as agents use them: each with the answers of the library objections it links
// appended to its own handlers. Using a script for an agent counts towards its usage.
class StoredCallScriptSource : public CallScriptSource
{
    Q_OBJECT

public:
    explicit StoredCallScriptSource(CallScriptStore* store, QObject* parent = nullptr);

    void scripts(QObject* context, std::function<void(const QList<CallScript>&)> done) override;
    void markUsed(const QString& scriptId) override;

private:
    CallScriptStore* m_store;
};
