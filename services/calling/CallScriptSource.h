#pragma once

#include "models/calling/CallScript.h"

#include <QList>
#include <QObject>

#include <functional>

// Where the Agents tab finds the call scripts to choose from. The scripts store (Calling → Scripts) implements it;
// answers arrive asynchronously, only while the context lives.
class CallScriptSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void scripts(QObject* context, std::function<void(const QList<CallScript>&)> done) = 0;
    // An agent was made with this script (its usage count).
    virtual void markUsed(const QString& scriptId) { Q_UNUSED(scriptId); }

signals:
    void scriptsChanged();
};
