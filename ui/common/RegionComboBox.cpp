#include "ui/common/RegionComboBox.h"

#include "services/phone/PhoneNormalizer.h"

#include <QLocale>

#include <algorithm>

RegionComboBox::RegionComboBox(QWidget* parent)
    : QComboBox(parent)
{
    QList<QPair<QString, QString>> regions;
    for (const QString& code : PhoneNormalizer::supportedRegions()) {
        const QString name = QLocale::territoryToString(QLocale::codeToTerritory(code));
        regions.append({ name.isEmpty() || name == QLatin1String("Unknown") ? code : name, code });
    }
    std::sort(regions.begin(), regions.end(),
        [](const auto& a, const auto& b) { return a.first.localeAwareCompare(b.first) < 0; });
    for (const auto& [name, code] : regions)
        addItem(QStringLiteral("%1 (%2)").arg(name, code), code);
}

void RegionComboBox::setRegion(const QString& region)
{
    setCurrentIndex(std::max(0, findData(region.toUpper())));
}
