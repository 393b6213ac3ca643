#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// An import as it is recorded: counts are committed with every batch, so they say how far it got.
struct ImportJob
{
    QString id;
    QString fileName;
    qint64 fileSize = 0;
    QString encoding;
    QString delimiter;
    QString status; // running, completed, cancelled, failed, interrupted, undone
    qint64 processed = 0;
    qint64 imported = 0;
    qint64 updated = 0;
    qint64 skipped = 0;
    qint64 failed = 0;
    QString error;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime undoneAt;
};

struct ImportRowError
{
    qint64 row = 0;
    QString severity; // error | warning
    QString reason;
    QString raw;
};

struct ImportProgress
{
    qint64 processed = 0;
    qint64 bytesRead = 0;
    qint64 totalBytes = 0;
    double rowsPerSecond = 0;
};

Q_DECLARE_METATYPE(ImportJob)
Q_DECLARE_METATYPE(ImportProgress)
