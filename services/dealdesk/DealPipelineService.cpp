#include "services/dealdesk/DealPipelineService.h"

#include "services/dealdesk/DealPipelineRepository.h"
#include "services/storage/DatabaseExecutor.h"

DealPipelineService::DealPipelineService(DatabaseExecutor* executor, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
{ }

void DealPipelineService::load(QObject* context, std::function<void(const DealPipelineSnapshot&)> done)
{
    m_executor->run<DealPipelineSnapshot>(
        context, [](QSqlDatabase& db) { return DealPipelineRepository(db).snapshot(); }, std::move(done));
}

void DealPipelineService::loadOrganizationName(
    const QString& orgId, QObject* context, std::function<void(const QString&)> done)
{
    m_executor->run<QString>(
        context, [orgId](QSqlDatabase& db) { return DealPipelineRepository(db).organizationName(orgId); },
        std::move(done));
}
