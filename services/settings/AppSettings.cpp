#include "services/settings/AppSettings.h"

#include "services/phone/PhoneNormalizer.h"

#include <QLocale>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

QString AppSettings::defaultRegion()
{
    const QString stored = QSettings().value(QStringLiteral("phone/defaultRegion")).toString();
    if (!stored.isEmpty())
        return stored;
    const QString fromLocale = QLocale::territoryToCode(QLocale::system().territory());
    return PhoneNormalizer::isKnownRegion(fromLocale) ? fromLocale : QStringLiteral("US");
}

void AppSettings::setDefaultRegion(const QString& region)
{
    QSettings().setValue(QStringLiteral("phone/defaultRegion"), region.toUpper());
}

QByteArray AppSettings::windowGeometry()
{
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState()
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry, const QByteArray& state)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), geometry);
    settings.setValue(QStringLiteral("window/state"), state);
}

QString AppSettings::leadsViewMode()
{
    return QSettings().value(QStringLiteral("leads/viewMode"), QStringLiteral("kanban")).toString();
}

void AppSettings::setLeadsViewMode(const QString& mode)
{
    QSettings().setValue(QStringLiteral("leads/viewMode"), mode);
}

QString AppSettings::defaultWorkspacePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/local.sqlite");
}

int AppSettings::brainStalledDays()
{
    bool ok = false;
    const int days = QSettings().value(QStringLiteral("brain/stalledDays"), 14).toInt(&ok);
    return ok && days >= 1 && days <= 3650 ? days : 14;
}

void AppSettings::setBrainStalledDays(int days)
{
    QSettings().setValue(QStringLiteral("brain/stalledDays"), std::clamp(days, 1, 3650));
}
