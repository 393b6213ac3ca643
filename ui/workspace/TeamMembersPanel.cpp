#include "ui/workspace/TeamMembersPanel.h"

#include "ui/common/MessageBoxes.h"
#include "ui/common/Theme.h"
#include "ui/sync/SyncErrorTitle.h"
#include "ui/workspace/AddMemberDialog.h"
#include "ui/workspace/MemberPasswordDialog.h"
#include "ui/workspace/TeamMemberListModel.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

TeamMembersPanel::TeamMembersPanel(TeamMemberDirectory* directory, QWidget* parent)
    : QWidget(parent)
    , m_directory(directory)
    , m_model(new TeamMemberListModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_add(new QPushButton(tr("&Add member…"), this))
    , m_role(new QComboBox(this))
    , m_team(new QComboBox(this))
    , m_changeRole(new QPushButton(tr("C&hange role"), this))
    , m_toggleActive(new QPushButton(tr("&Deactivate"), this))
    , m_resetPassword(new QPushButton(tr("Reset &password…"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("teamMembersPanel"));
    m_summary->setObjectName(QStringLiteral("membersSummaryLabel"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("membersTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(TeamMemberListModel::Login, QHeaderView::Stretch);
    m_table->setMinimumHeight(160);
    m_add->setObjectName(QStringLiteral("addMemberButton"));
    m_role->setObjectName(QStringLiteral("memberNewRoleCombo"));
    for (const QString& role : TeamMemberDirectory::roles())
        m_role->addItem(TeamMemberListModel::roleName(role), role);
    m_team->setObjectName(QStringLiteral("memberNewTeamCombo"));
    m_changeRole->setObjectName(QStringLiteral("changeRoleButton"));
    m_toggleActive->setObjectName(QStringLiteral("toggleActiveButton"));
    m_resetPassword->setObjectName(QStringLiteral("resetPasswordButton"));
    m_status->setObjectName(QStringLiteral("membersStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_add, &QPushButton::clicked, this, &TeamMembersPanel::addMember);
    connect(m_changeRole, &QPushButton::clicked, this, &TeamMembersPanel::changeRoleOfSelected);
    connect(m_toggleActive, &QPushButton::clicked, this, &TeamMembersPanel::toggleActiveOfSelected);
    connect(m_resetPassword, &QPushButton::clicked, this, &TeamMembersPanel::resetPasswordOfSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TeamMembersPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TeamMembersPanel::updateActions);

    auto* roleRow = new QHBoxLayout;
    roleRow->addWidget(m_add);
    roleRow->addStretch();
    roleRow->addWidget(new QLabel(tr("Selected:"), this));
    roleRow->addWidget(m_role);
    roleRow->addWidget(m_team);
    roleRow->addWidget(m_changeRole);
    auto* accessRow = new QHBoxLayout;
    accessRow->addStretch();
    accessRow->addWidget(m_toggleActive);
    accessRow->addWidget(m_resetPassword);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(roleRow);
    layout->addLayout(accessRow);
    layout->addWidget(m_status);
    updateActions();
}

QString TeamMembersPanel::statusText() const
{
    return m_status->text();
}

TeamMember TeamMembersPanel::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? TeamMember() : m_model->memberAt(rows.constFirst().row());
}

void TeamMembersPanel::select(const QString& userId)
{
    const int row = m_model->rowOf(userId);
    if (row >= 0)
        m_table->selectRow(row);
}

void TeamMembersPanel::updateActions()
{
    const TeamMember member = selected();
    const bool chosen = !member.userId.isEmpty();
    m_add->setEnabled(!m_busy);
    for (QWidget* widget :
        { static_cast<QWidget*>(m_role), static_cast<QWidget*>(m_team), static_cast<QWidget*>(m_changeRole),
            static_cast<QWidget*>(m_toggleActive), static_cast<QWidget*>(m_resetPassword) })
        widget->setEnabled(chosen && !m_busy);
    m_toggleActive->setText(chosen && !member.active ? tr("Re&activate") : tr("&Deactivate"));
    if (!chosen)
        return;
    m_team->clear();
    m_team->addItem(tr("No team"), QString());
    for (const TeamInfo& team : m_model->teams())
        m_team->addItem(team.name, team.id);
    m_role->setCurrentIndex(m_role->findData(member.role));
    m_team->setCurrentIndex(qMax(0, m_team->findData(member.teamId)));
}

void TeamMembersPanel::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        showStatus(true, tr("Asking the team server…"));
    updateActions();
}

void TeamMembersPanel::showStatus(bool ok, const QString& text)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    const QColor danger = Theme::instance()->color(QStringLiteral("danger"));
    palette.setColor(QPalette::WindowText,
        !ok && danger.isValid() ? danger : QApplication::palette(m_status).color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void TeamMembersPanel::apply(const TeamMembersResult& result, const QString& doneText)
{
    m_busy = false;
    if (!result.ok) {
        const QString message
            = QStringLiteral("%1: %2").arg(SyncErrorTitle::of(result.failure.kind), result.failure.message);
        showStatus(false, message);
        updateActions();
        emit finished(false, message);
        return;
    }
    const QString keep = selected().userId;
    m_model->setMembers(result.members, result.teams);
    select(keep);
    m_summary->setText(tr("You are %1 of “%2”. %n member(s).", nullptr, int(result.members.size()))
                           .arg(TeamMemberListModel::roleName(result.me.role), result.me.orgName));
    showStatus(true, doneText);
    updateActions();
    emit finished(true, doneText);
}

void TeamMembersPanel::run(const QString& doneText, std::function<void(TeamMemberDirectory::Done)> call)
{
    setBusy(true);
    call([this, doneText](const TeamMembersResult& result) { apply(result, doneText); });
}

void TeamMembersPanel::reload()
{
    run(QString(), [this](TeamMemberDirectory::Done done) { m_directory->list(this, std::move(done)); });
}

void TeamMembersPanel::addMember()
{
    auto* dialog = new AddMemberDialog(m_directory, m_model->teams(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddMemberDialog::added, this, [this](const TeamMembersResult& result) {
        apply(result, tr("Added. They sign in with the login “%1” and the password you gave them.").arg(result.login));
    });
    dialog->open();
}

void TeamMembersPanel::changeRoleOfSelected()
{
    const TeamMember member = selected();
    if (member.userId.isEmpty())
        return;
    const QString role = m_role->currentData().toString();
    const QString teamId = m_team->currentData().toString();
    run(tr("%1 is now %2.").arg(member.name, TeamMemberListModel::roleName(role)),
        [this, member, role, teamId](TeamMemberDirectory::Done done) {
            m_directory->changeRole(member.userId, role, teamId, this, std::move(done));
        });
}

void TeamMembersPanel::toggleActiveOfSelected()
{
    const TeamMember member = selected();
    if (member.userId.isEmpty())
        return;
    const bool activate = !member.active;
    if (!activate
        && MessageBoxes::question(this, tr("Deactivate member"),
               tr("Deactivate %1? They can no longer sign in or sync; their leads and history stay in the "
                  "organisation, and you can reactivate them later.")
                   .arg(member.name))
            != QMessageBox::Yes)
        return;
    run(activate ? tr("%1 is active again.").arg(member.name) : tr("%1 is deactivated.").arg(member.name),
        [this, member, activate](TeamMemberDirectory::Done done) {
            m_directory->setActive(member.userId, activate, this, std::move(done));
        });
}

void TeamMembersPanel::resetPasswordOfSelected()
{
    const TeamMember member = selected();
    if (member.userId.isEmpty())
        return;
    auto* dialog = new MemberPasswordDialog(member.name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, member] {
        const QString password = dialog->password();
        run(tr("The password of %1 was reset.").arg(member.name),
            [this, member, password](TeamMemberDirectory::Done done) {
                m_directory->resetPassword(member.userId, password, this, std::move(done));
            });
    });
    dialog->open();
}
