#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// One entry of the workspace's objection library (seed 001 §19): what leads say and a proven answer, shared by every
// script that links it and grouped into playbooks. Scripts may also carry handlers of their own (CallScript).
struct Objection
{
    QString id;
    QString objection; // "Too expensive"
    QString response;
    QString category; // "price", "timing", "competition", … (free text, for filtering)
    QStringList tags;
    QStringList playbookIds; // the playbooks this objection belongs to
    int scriptCount = 0; // scripts that link it (read-only, filled by the store)
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    bool deleted = false;
};
