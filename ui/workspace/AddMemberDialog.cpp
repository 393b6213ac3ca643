#include "ui/workspace/AddMemberDialog.h"

#include "ui/sync/SyncErrorTitle.h"
#include "ui/workspace/FieldErrorLabels.h"
#include "ui/workspace/TeamMemberListModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

AddMemberDialog::AddMemberDialog(TeamMemberDirectory* directory, const QList<TeamInfo>& teams, QWidget* parent)
    : QDialog(parent)
    , m_directory(directory)
    , m_errors(new FieldErrorLabels(this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_team(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_serverError(new QLabel(this))
{
    setObjectName(QStringLiteral("AddMemberDialog"));
    setWindowTitle(tr("Add a member"));
    m_name->setObjectName(QStringLiteral("memberNameEdit"));
    m_email->setObjectName(QStringLiteral("memberEmailEdit"));
    m_email->setPlaceholderText(tr("anna@example.com — also their login"));
    m_role->setObjectName(QStringLiteral("memberRoleCombo"));
    for (const QString& role : TeamMemberDirectory::roles())
        m_role->addItem(TeamMemberListModel::roleName(role), role);
    m_role->setCurrentIndex(m_role->findData(QStringLiteral("employee")));
    m_team->setObjectName(QStringLiteral("memberTeamCombo"));
    m_team->addItem(tr("No team"), QString());
    for (const TeamInfo& team : teams)
        m_team->addItem(team.name, team.id);
    m_password->setObjectName(QStringLiteral("memberPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("at least 8 characters; they can change it later"));
    m_serverError->setObjectName(QStringLiteral("FieldError"));
    m_serverError->setWordWrap(true);
    m_serverError->hide();

    auto* hint = new QLabel(tr("Owners and admins see everything in the organisation, managers their team’s leads, "
                               "employees their own and assigned leads."),
        this);
    hint->setObjectName(QStringLiteral("EmptyStateText"));
    hint->setWordWrap(true);

    auto* form = new QFormLayout;
    m_errors->addRow(form, tr("&Name"), QStringLiteral("name"), m_name);
    m_errors->addRow(form, tr("&E-mail"), QStringLiteral("email"), m_email);
    m_errors->addRow(form, tr("&Role"), QStringLiteral("role"), m_role);
    m_errors->addRow(form, tr("&Team"), QStringLiteral("team"), m_team);
    m_errors->addRow(form, tr("Initial &password"), QStringLiteral("password"), m_password);
    form->addRow(QString(), hint);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("&Add member"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("addMemberConfirmButton"));
    m_add->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddMemberDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddMemberDialog::reject);
    connect(m_role, &QComboBox::currentIndexChanged, this, &AddMemberDialog::updateTeamChoice);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_serverError);
    layout->addWidget(buttons);
    updateTeamChoice();
    resize(460, sizeHint().height());
}

void AddMemberDialog::updateTeamChoice()
{
    const QString role = m_role->currentData().toString();
    m_team->setEnabled(role == QLatin1String("manager") || role == QLatin1String("employee"));
}

NewTeamMember AddMemberDialog::typedMember() const
{
    NewTeamMember member;
    member.name = m_name->text().trimmed();
    member.email = m_email->text().trimmed();
    member.role = m_role->currentData().toString();
    member.teamId = m_team->isEnabled() ? m_team->currentData().toString() : QString();
    member.password = m_password->text();
    return member;
}

void AddMemberDialog::accept()
{
    if (m_busy)
        return;
    const NewTeamMember member = typedMember();
    const FieldErrors errors = TeamMemberDirectory::validate(member);
    m_errors->show(errors);
    m_serverError->hide();
    if (!errors.isEmpty()) {
        emit failed(errors.constFirst().message);
        return;
    }
    m_busy = true;
    m_add->setEnabled(false);
    QPointer<AddMemberDialog> self(this);
    m_directory->add(member, this, [self](const TeamMembersResult& result) {
        if (!self)
            return;
        self->m_busy = false;
        self->m_add->setEnabled(true);
        self->m_result = result;
        if (result.ok) {
            emit self->added(result);
            self->QDialog::accept();
            return;
        }
        self->m_serverError->setText(
            QStringLiteral("%1: %2").arg(SyncErrorTitle::of(result.failure.kind), result.failure.message));
        self->m_serverError->show();
        emit self->failed(result.failure.message);
    });
}
