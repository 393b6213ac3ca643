#pragma once

#include "services/dealdesk/DealPipeline.h"

#include <QObject>

#include <functional>

class DatabaseExecutor;

// Asynchronous reads for the Deal Desk: the pipeline figures and the proposals list, and who the sender of an
// exported proposal is. Answers arrive on the owner's thread, only while the context lives.
class DealPipelineService : public QObject
{
    Q_OBJECT

public:
    DealPipelineService(DatabaseExecutor* executor, QObject* parent = nullptr);

    void load(QObject* context, std::function<void(const DealPipelineSnapshot&)> done);
    void loadOrganizationName(const QString& orgId, QObject* context, std::function<void(const QString&)> done);

private:
    DatabaseExecutor* m_executor;
};
