#pragma once

#include "models/FieldError.h"
#include "services/teamserver/PgConnInfo.h"
#include "services/workspace/TeamServerLogin.h"

#include <QList>
#include <QObject>
#include <QThreadPool>

#include <functional>

struct TeamMember
{
    QString userId;
    QString name;
    QString email;
    QString login; // the PostgreSQL role they sign in with
    QString role;
    QString teamId;
    bool active = true;
};

struct TeamInfo
{
    QString id;
    QString name;
};

// What a member operation answers: on success the org's members as they are now (and the new login after add).
struct TeamMembersResult
{
    bool ok = false;
    TeamServerFailure failure;
    TeamServerIdentity me;
    QList<TeamMember> members;
    QList<TeamInfo> teams;
    QString login; // add(): the login name the new member signs in with
};

struct NewTeamMember
{
    QString name;
    QString email;
    QString role = QStringLiteral("employee");
    QString teamId; // needed for managers
    QString password; // initial password; only its SCRAM verifier leaves this computer
};

// Settings → Workspace → Members: the members of the open server workspace's organisation, managed through the
// server's SECURITY DEFINER functions (hub.add_member, change_member_role, deactivate_member, reactivate_member,
// set_member_password). The server decides who may do what; a refusal arrives as PermissionDenied. Every call runs
// on a worker thread of its own connection, in the order made, and answers on the context's thread.
class TeamMemberDirectory : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const TeamMembersResult&)>;

    TeamMemberDirectory(const PgConnInfo& info, const QString& orgId, QObject* parent = nullptr);
    ~TeamMemberDirectory() override;

    // Calls made from now on use this connection (a new password, for one).
    void setConnection(const PgConnInfo& info) { m_info = info; }

    static QStringList roles();
    // Problems with a new member's fields before anything is sent.
    static FieldErrors validate(const NewTeamMember& member);

    void list(QObject* context, Done done);
    void add(const NewTeamMember& member, QObject* context, Done done);
    void changeRole(const QString& userId, const QString& role, const QString& teamId, QObject* context, Done done);
    void setActive(const QString& userId, bool active, QObject* context, Done done);
    void resetPassword(const QString& userId, const QString& password, QObject* context, Done done);

private:
    // Runs the change (may be empty) as the signed-in member, then reads the member list.
    using Change = std::function<bool(QSqlDatabase&, const TeamServerIdentity&, TeamMembersResult*)>;
    void call(Change change, QObject* context, Done done);

    PgConnInfo m_info;
    QString m_orgId;
    QThreadPool m_pool;
};
