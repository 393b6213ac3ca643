#include "ui/shell/PreferencesDialog.h"

#include "services/settings/AppSettings.h"
#include "ui/common/RegionComboBox.h"
#include "ui/settings/AiSettingsPage.h"
#include "ui/settings/CallingSettingsPage.h"
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
    QWidget* general = buildGeneralPage();
    general->setProperty("pageName", generalPage());
    m_tabs->addTab(general, tr("General"));
    if (session) {
        m_ai = new AiSettingsPage(session, this);
        addScrolledPage(m_ai, aiPage(), tr("AI"));
        m_calling = new CallingSettingsPage(session, this);
        addScrolledPage(m_calling, callingPage(), tr("Calling"));
    }
    if (registry) {
        m_workspace = new WorkspaceSettingsPage(registry, session, this);
        connect(m_workspace, &WorkspaceSettingsPage::switchRequested, this,
            &PreferencesDialog::workspaceSwitchRequested);
        addScrolledPage(m_workspace, workspacePage(), tr("Workspace"));
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

void PreferencesDialog::addScrolledPage(QWidget* page, const QString& name, const QString& title)
{
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(name + QStringLiteral("SettingsScroll"));
    scroll->setProperty("pageName", name);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    m_tabs->addTab(scroll, title);
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
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->property("pageName").toString() == page) {
            m_tabs->setCurrentIndex(i);
            return;
        }
    }
}

QString PreferencesDialog::currentPage() const
{
    const QWidget* current = m_tabs->currentWidget();
    return current ? current->property("pageName").toString() : generalPage();
}

void PreferencesDialog::accept()
{
    if (m_saving)
        return;
    AppSettings::setDefaultRegion(m_region->region());
    if (!m_ai || !m_ai->isDirty()) {
        saveCalling();
        return;
    }
    m_saving = true;
    QPointer<PreferencesDialog> self(this);
    m_ai->save([self](bool ok) {
        if (!self)
            return;
        self->m_saving = false;
        if (ok)
            self->saveCalling();
        else
            self->showPage(aiPage());
    });
}

void PreferencesDialog::saveCalling()
{
    if (!m_calling || !m_calling->isDirty()) {
        QDialog::accept();
        return;
    }
    m_saving = true;
    QPointer<PreferencesDialog> self(this);
    m_calling->save([self](bool ok) {
        if (!self)
            return;
        self->m_saving = false;
        if (ok)
            self->QDialog::accept();
        else
            self->showPage(callingPage());
    });
}
