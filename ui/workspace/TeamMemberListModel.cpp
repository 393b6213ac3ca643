#include "ui/workspace/TeamMemberListModel.h"

#include <QBrush>
#include <QPalette>

TeamMemberListModel::TeamMemberListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void TeamMemberListModel::setMembers(const QList<TeamMember>& members, const QList<TeamInfo>& teams)
{
    beginResetModel();
    m_members = members;
    m_teams = teams;
    endResetModel();
}

int TeamMemberListModel::rowOf(const QString& userId) const
{
    for (int row = 0; row < m_members.size(); ++row) {
        if (m_members.at(row).userId == userId)
            return row;
    }
    return -1;
}

QString TeamMemberListModel::teamName(const QString& teamId) const
{
    for (const TeamInfo& team : m_teams) {
        if (team.id == teamId)
            return team.name;
    }
    return {};
}

QString TeamMemberListModel::roleName(const QString& role)
{
    if (role == QLatin1String("owner"))
        return tr("Owner");
    if (role == QLatin1String("admin"))
        return tr("Admin");
    if (role == QLatin1String("manager"))
        return tr("Manager");
    if (role == QLatin1String("employee"))
        return tr("Employee");
    return role;
}

int TeamMemberListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int TeamMemberListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamMemberListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TeamMember& member = m_members.at(index.row());
    if (role == UserIdRole)
        return member.userId;
    if (role == Qt::ForegroundRole && !member.active)
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    if (role == Qt::ToolTipRole && index.column() == Login)
        return tr("Signs in to the team server as %1").arg(member.login);
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return member.name;
    case Login:
        return role == RawRole ? member.login : member.email;
    case Role:
        return role == RawRole ? member.role : roleName(member.role);
    case Team:
        return role == RawRole ? member.teamId : teamName(member.teamId);
    case Status:
        if (role == RawRole)
            return member.active;
        return member.active ? tr("Active") : tr("Deactivated");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TeamMemberListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Login:
        return tr("E-mail");
    case Role:
        return tr("Role");
    case Team:
        return tr("Team");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}
