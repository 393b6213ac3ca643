#include "ui/shell/PreferencesDialog.h"

#include "services/settings/AppSettings.h"
#include "ui/common/RegionComboBox.h"
#include "ui/settings/AiSettingsPage.h"
#include "ui/workspace/WorkspaceSettingsPage.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

PreferencesDialog::PreferencesDialog(QWidget* parent, WorkspaceSession* session, WorkspaceRegistry* registry)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildGeneralPage(), tr("General"));
    m_tabs->widget(0)->setProperty("page", generalPage());
    if (session) {
        m_ai = new AiSettingsPage(session, this);
        m_tabs->addTab(scrolled(m_ai, aiPage()), tr("AI"));
    }
    if (registry) {
        m_workspace = new WorkspaceSettingsPage(registry, session, this);
        connect(m_workspace, &WorkspaceSettingsPage::switchRequested, this,
            &PreferencesDialog::workspaceSwitchRequested);
        m_tabs->addTab(scrolled(m_workspace, workspacePage()), tr("Workspace"));
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("settingsOkButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(session ? QSize(640, 720) : QSize(480, 240));
}

QWidget* PreferencesDialog::scrolled(QWidget* page, const QString& name)
{
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(name + QStringLiteral("SettingsScroll"));
    scroll->setProperty("page", name);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

QWidget* PreferencesDialog::buildGeneralPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("generalSettingsPage"));
    m_region = new RegionComboBox(page);
    m_region->setObjectName(QStringLiteral("defaultRegionCombo"));
    m_region->setRegion(AppSettings::defaultRegion());

    auto* hint = new QLabel(tr("Phone numbers typed without a country code are read as numbers of this region and "
                               "stored in international (E.164) form."),
        page);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("EmptyStateText"));
    auto* form = new QFormLayout;
    form->addRow(tr("Default phone &region"), m_region);
    form->addRow(QString(), hint);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch();
    return page;
}

void PreferencesDialog::showPage(const QString& page)
{
    for (int index = 0; index < m_tabs->count(); ++index) {
        if (m_tabs->widget(index)->property("page").toString() == page)
            m_tabs->setCurrentIndex(index);
    }
}

QString PreferencesDialog::currentPage() const
{
    return m_tabs->currentWidget()->property("page").toString();
}

void PreferencesDialog::accept()
{
    if (m_saving)
        return;
    AppSettings::setDefaultRegion(m_region->region());
    if (!m_ai || !m_ai->isDirty()) {
        QDialog::accept();
        return;
    }
    m_saving = true;
    QPointer<PreferencesDialog> self(this);
    m_ai->save([self](bool ok) {
        if (!self)
            return;
        self->m_saving = false;
        if (ok)
            self->QDialog::accept();
        else
            self->showPage(aiPage());
    });
}
