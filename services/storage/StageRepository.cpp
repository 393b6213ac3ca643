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
    query.exec(QStringLiteral("SELECT id, key, name, position, color, is_closed FROM pipeline_stages "
                              "WHERE deleted = 0 ORDER BY position"));
    while (query.next()) {
        stages.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toInt(), QColor(query.value(4).toString()), query.value(5).toBool() });
    }
    return stages;
}
