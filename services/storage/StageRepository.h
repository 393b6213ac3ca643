#pragma once

#include "models/PipelineStage.h"

#include <QSqlDatabase>

class StageRepository
{
public:
    explicit StageRepository(QSqlDatabase db);
    PipelineStages all();

private:
    QSqlDatabase m_db;
};
