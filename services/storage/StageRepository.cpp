#include "services/storage/StageRepository.h"

#include <QSqlQuery>

StageRepository::StageRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

PipelineStages StageRepository::all()
{
    PipelineStages stages;
    QSqlQuery query(m_db);
    // A team workspace's replica holds the server organisation's stages (pulled) next to the defaults the local
    // file was created with: once the server's have arrived, they are the pipeline.
    query.exec(QStringLiteral(
        "SELECT id, key, name, position, color, is_closed FROM pipeline_stages WHERE deleted = 0 AND org_id = "
        "coalesce((SELECT s.org_id FROM pipeline_stages s JOIN sync_server v ON v.id = 1 AND s.org_id = "
        "v.server_org_id WHERE s.deleted = 0 LIMIT 1), (SELECT value FROM workspace_info WHERE key = 'org_id'), "
        "org_id) ORDER BY position"));
    while (query.next()) {
        stages.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toInt(), QColor(query.value(4).toString()), query.value(5).toBool() });
    }
    return stages;
}
