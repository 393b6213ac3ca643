#include "ui/workspace/WorkspaceSettingsPage.h"

#include "services/workspace/WorkspaceRegistry.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/MessageBoxes.h"
#include "ui/workspace/ServerConnectionDialog.h"
#include "ui/workspace/TeamMembersPanel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

WorkspaceSettingsPage::WorkspaceSettingsPage(WorkspaceRegistry* registry, WorkspaceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_connect(new QPushButton(tr("&Connect to server…"), this))
    , m_switch(new QPushButton(tr("&Switch to"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("workspaceSettingsPage"));
    m_list->setObjectName(QStringLiteral("workspaceList"));
    m_list->setAlternatingRowColors(true);
    m_list->setMinimumHeight(120);
    m_connect->setObjectName(QStringLiteral("connectServerButton"));
    m_switch->setObjectName(QStringLiteral("switchWorkspaceButton"));
    m_remove->setObjectName(QStringLiteral("removeWorkspaceButton"));
    m_message->setObjectName(QStringLiteral("EmptyStateText"));
    m_message->setWordWrap(true);
    m_message->setText(tr("Local keeps everything in a file on this computer. A team server is shared by your "
                          "agency: Business Hub keeps a copy here and syncs it, so you can work offline."));

    connect(m_connect, &QPushButton::clicked, this, &WorkspaceSettingsPage::connectToServer);
    connect(m_switch, &QPushButton::clicked, this, &WorkspaceSettingsPage::switchToSelected);
    connect(m_remove, &QPushButton::clicked, this, &WorkspaceSettingsPage::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &WorkspaceSettingsPage::updateActions);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &WorkspaceSettingsPage::switchToSelected);
    connect(m_registry, &WorkspaceRegistry::changed, this, &WorkspaceSettingsPage::reloadList);

    auto* workspaces = new QGroupBox(tr("Workspaces"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addStretch();
    buttons->addWidget(m_switch);
    buttons->addWidget(m_remove);
    auto* workspacesLayout = new QVBoxLayout(workspaces);
    workspacesLayout->addWidget(m_list, 1);
    workspacesLayout->addLayout(buttons);
    workspacesLayout->addWidget(m_message);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(workspaces);
    if (session && session->workspace().isServer() && session->members()) {
        auto* membersBox = new QGroupBox(tr("Members of %1").arg(session->workspace().name), this);
        m_members = new TeamMembersPanel(session->members(), membersBox);
        auto* membersLayout = new QVBoxLayout(membersBox);
        membersLayout->addWidget(m_members);
        layout->addWidget(membersBox, 1);
        m_members->reload();
    } else {
        auto* hint = new QLabel(tr("Members are managed on a team server: connect to one, switch to it, and owners "
                                   "and admins find its members here."),
            this);
        hint->setObjectName(QStringLiteral("EmptyStateText"));
        hint->setWordWrap(true);
        layout->addWidget(hint);
        layout->addStretch();
    }
    reloadList();
}

void WorkspaceSettingsPage::reloadList()
{
    const QString keep = selectedId();
    const QString openId = m_session ? m_session->workspace().id : QString();
    m_list->clear();
    for (const WorkspaceEntry& entry : m_registry->workspaces()) {
        const bool isOpen = entry.id == openId;
        QString text = entry.name;
        if (isOpen)
            text += tr("  (open)");
        text += QLatin1Char('\n')
            + (entry.isServer() ? tr("Team server · %1 · TLS %2").arg(entry.describe(), entry.sslMode)
                                : tr("On this computer · %1").arg(entry.path));
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(kIdRole, entry.id);
        item->setToolTip(entry.isServer() ? tr("Copy on this computer: %1").arg(entry.path) : entry.path);
        if (isOpen) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
    selectWorkspace(keep.isEmpty() ? openId : keep);
    updateActions();
}

QString WorkspaceSettingsPage::selectedId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

void WorkspaceSettingsPage::selectWorkspace(const QString& id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toString() == id) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void WorkspaceSettingsPage::updateActions()
{
    const QString id = selectedId();
    const QString openId = m_session ? m_session->workspace().id : QString();
    m_switch->setEnabled(!id.isEmpty() && id != openId);
    m_remove->setEnabled(!id.isEmpty() && id != WorkspaceEntry::localId() && id != openId);
    m_remove->setToolTip(id == openId && id != WorkspaceEntry::localId()
            ? tr("Switch to another workspace before removing this one.")
            : QString());
}

void WorkspaceSettingsPage::connectToServer()
{
    auto* dialog = new ServerConnectionDialog(m_registry, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const WorkspaceEntry saved = dialog->saved();
        reloadList();
        selectWorkspace(saved.id);
        m_message->setText(tr("“%1” was added. Choose Switch to, to open it.").arg(saved.name));
    });
    dialog->open();
}

void WorkspaceSettingsPage::switchToSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || (m_session && id == m_session->workspace().id))
        return;
    m_registry->setActive(id);
    emit switchRequested(id);
}

void WorkspaceSettingsPage::removeSelected()
{
    const auto entry = m_registry->find(selectedId());
    if (!entry || !entry->isServer())
        return;
    const auto answer = MessageBoxes::question(this, tr("Remove workspace"),
        tr("Remove “%1” from this computer? Its local copy and saved password are deleted here, including changes "
           "not yet sent to the server. The data on the team server is not touched; you can connect again later.")
            .arg(entry->name));
    if (answer != QMessageBox::Yes)
        return;
    const QString openId = m_session ? m_session->workspace().id : QString();
    m_registry->remove(entry->id, openId, this, [this, name = entry->name](const QString& error) {
        m_message->setText(error.isEmpty() ? tr("“%1” was removed from this computer.").arg(name) : error);
    });
}
