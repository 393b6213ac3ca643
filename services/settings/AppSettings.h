#pragma once

#include <QByteArray>
#include <QString>

// Non-secret preferences (QSettings). Secrets never go here.
class AppSettings
{
public:
    static QString defaultRegion();
    static void setDefaultRegion(const QString& region);
    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowGeometry(const QByteArray& geometry, const QByteArray& state);
    static QString leadsViewMode();
    static void setLeadsViewMode(const QString& mode);
    static QString defaultWorkspacePath();
    // Neural Brain: an open lead without contact for this many days is a stalled deal (1…3650, default 14).
    static int brainStalledDays();
    static void setBrainStalledDays(int days);
};
