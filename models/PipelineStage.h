#pragma once

#include <QColor>
#include <QList>
#include <QString>

// A Kanban column. Stages are rows in the database so a workspace can edit them.
struct PipelineStage
{
    QString id;
    QString key; // stable value stored in leads.status
    QString name;
    int position = 0;
    QColor color;
    bool isClosed = false;
};

using PipelineStages = QList<PipelineStage>;
