#pragma once

#include <QCoreApplication>
#include <QDateTime>

// "3 days ago" style text for timelines and cards.
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    static QString since(const QDateTime& time, const QDateTime& now = QDateTime::currentDateTimeUtc());
};
