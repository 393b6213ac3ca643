#include "ui/shell/PreferencesDialog.h"

#include "services/settings/AppSettings.h"
#include "ui/common/RegionComboBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>


PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_region(new RegionComboBox(this))
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_region->setObjectName(QStringLiteral("defaultRegionCombo"));

    m_region->setRegion(AppSettings::defaultRegion());

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
    AppSettings::setDefaultRegion(m_region->region());
    QDialog::accept();
}
