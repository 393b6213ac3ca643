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
};
