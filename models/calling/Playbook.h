#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// A sales playbook (seed 001 §19.2): guidance for one stage of the pipeline that scripts and callers follow. Its
// objections are the library entries whose playbookIds name it.
struct Playbook
{
    QString id;
    QString name;
    QString description;
    QString stageKey; // pipeline stage it applies to; empty: any stage
    QStringList recommendedActions;
    QStringList qualifyingQuestions;
    QString openingTrack; // talk tracks
    QString valuePropositionTrack;
    QString closeTrack;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    bool deleted = false;
};
