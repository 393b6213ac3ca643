#include "ui/shell/PreferencesDialog.h"

#include "services/phone/PhoneNormalizer.h"
#include "services/settings/AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_region(new QComboBox(this))
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_region->setObjectName(QStringLiteral("defaultRegionCombo"));

    QList<QPair<QString, QString>> regions;
    for (const QString& code : PhoneNormalizer::supportedRegions()) {
        const QString name = QLocale::territoryToString(QLocale::codeToTerritory(code));
        regions.append({ name.isEmpty() || name == QLatin1String("Unknown") ? code : name, code });
    }
    std::sort(regions.begin(), regions.end(),
        [](const auto& a, const auto& b) { return a.first.localeAwareCompare(b.first) < 0; });
    for (const auto& [name, code] : regions)
        m_region->addItem(QStringLiteral("%1 (%2)").arg(name, code), code);
    m_region->setCurrentIndex(std::max(0, m_region->findData(AppSettings::defaultRegion())));

    auto* hint = new QLabel(tr("Phone numbers typed without a country code are read as numbers of this region and "
                               "stored in international (E.164) form."),
        this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("EmptyStateText"));
    auto* form = new QFormLayout;
    form->addRow(tr("Default phone &region"), m_region);
    form->addRow(QString(), hint);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(480, 200);
}

void PreferencesDialog::accept()
{
    AppSettings::setDefaultRegion(m_region->currentData().toString());
    QDialog::accept();
}
