#pragma once

#include "services/workspace/TeamMemberDirectory.h"

#include <QAbstractTableModel>

// The members of the open server workspace's organisation, as Settings → Workspace → Members lists them.
class TeamMemberListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Login, Role, Team, Status, ColumnCount };
    enum Roles { UserIdRole = Qt::UserRole + 1, RawRole };

    explicit TeamMemberListModel(QObject* parent = nullptr);

    void setMembers(const QList<TeamMember>& members, const QList<TeamInfo>& teams);
    const QList<TeamMember>& members() const { return m_members; }
    const QList<TeamInfo>& teams() const { return m_teams; }
    TeamMember memberAt(int row) const { return m_members.value(row); }
    int rowOf(const QString& userId) const;
    QString teamName(const QString& teamId) const;
    static QString roleName(const QString& role);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TeamMember> m_members;
    QList<TeamInfo> m_teams;
};
