#include "services/workspace/TeamMemberDirectory.h"

#include "services/teamserver/PgConnection.h"
#include "services/teamserver/ScramVerifier.h"

#include <QCoreApplication>
#include <QFuture>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace {
QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

constexpr int kMinPasswordLength = 8;

// One statement with bound values; false with *result's failure set.
bool execute(QSqlDatabase& db, const QString& sql, const QVariantList& binds, TeamMembersResult* result,
    QSqlQuery* out = nullptr)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        result->failure = TeamServerLogin::queryFailure(query.lastError());
        return false;
    }
    if (out)
        *out = std::move(query);
    return true;
}

bool readMembers(QSqlDatabase& db, const QString& orgId, TeamMembersResult* result)
{
    QSqlQuery query(db);
    if (!execute(db,
            QStringLiteral("SELECT u.id, u.name, u.email, u.login_role, m.role, m.team_id, m.active "
                           "FROM hub.memberships m JOIN hub.users u ON u.id = m.user_id "
                           "WHERE m.org_id = ? AND NOT m.deleted ORDER BY lower(u.name), u.email"),
            { orgId }, result, &query))
        return false;
    while (query.next()) {
        TeamMember member;
        member.userId = query.value(0).toString();
        member.name = query.value(1).toString();
        member.email = query.value(2).toString();
        member.login = query.value(3).toString();
        member.role = query.value(4).toString();
        member.teamId = query.value(5).toString();
        member.active = query.value(6).toBool();
        result->members.append(member);
    }
    if (!execute(db,
            QStringLiteral("SELECT id, name FROM hub.teams WHERE org_id = ? AND NOT deleted ORDER BY lower(name)"),
            { orgId }, result, &query))
        return false;
    while (query.next())
        result->teams.append({ query.value(0).toString(), query.value(1).toString() });
    return true;
}
} // namespace

TeamMemberDirectory::TeamMemberDirectory(const PgConnInfo& info, const QString& orgId, QObject* parent)
    : QObject(parent)
    , m_info(info)
    , m_orgId(orgId)
{
    m_pool.setMaxThreadCount(1); // calls run in the order they were made
}

TeamMemberDirectory::~TeamMemberDirectory()
{
    m_pool.waitForDone();
}

QStringList TeamMemberDirectory::roles()
{
    return { QStringLiteral("owner"), QStringLiteral("admin"), QStringLiteral("manager"), QStringLiteral("employee") };
}

FieldErrors TeamMemberDirectory::validate(const NewTeamMember& member)
{
    FieldErrors errors;
    if (member.name.trimmed().isEmpty())
        errors.append({ QStringLiteral("name"), tr("Enter the person’s name.") });
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!email.match(member.email.trimmed()).hasMatch())
        errors.append({ QStringLiteral("email"),
            tr("Enter an e-mail address such as anna@example.com; it is also "
               "the person’s login name.") });
    if (!roles().contains(member.role))
        errors.append({ QStringLiteral("role"), tr("Choose a role.") });
    else if (member.role == QLatin1String("manager") && member.teamId.isEmpty())
        errors.append({ QStringLiteral("team"), tr("A manager leads a team: choose the team.") });
    if (member.password.size() < kMinPasswordLength)
        errors.append({ QStringLiteral("password"),
            tr("The initial password needs at least %n characters.", nullptr, kMinPasswordLength) });
    return errors;
}

void TeamMemberDirectory::call(Change change, QObject* context, Done done)
{
    const PgConnInfo info = m_info;
    const QString orgId = m_orgId;
    QtConcurrent::run(&m_pool, [info, orgId, change = std::move(change)] {
        TeamMembersResult result;
        PgConnection connection(QStringLiteral("members"));
        if (!TeamServerLogin::open(connection, info, orgId, &result.me, &result.failure))
            return result;
        if (change && !change(connection.db(), result.me, &result))
            return result;
        result.ok = readMembers(connection.db(), result.me.orgId, &result);
        return result;
    }).then(context, [done = std::move(done)](const TeamMembersResult& result) { done(result); });
}

void TeamMemberDirectory::list(QObject* context, Done done)
{
    call({}, context, std::move(done));
}

void TeamMemberDirectory::add(const NewTeamMember& member, QObject* context, Done done)
{
    const FieldErrors errors = validate(member);
    if (!errors.isEmpty()) {
        TeamMembersResult result;
        result.failure = { Sync::ErrorKind::Other, errors.constFirst().message };
        done(result);
        return;
    }
    // Only the SCRAM verifier travels: the password never reaches the server or its statement log.
    const QString verifier = ScramVerifier::forServer(member.password);
    call(
        [member, verifier](QSqlDatabase& db, const TeamServerIdentity& me, TeamMembersResult* result) {
            QSqlQuery query(db);
            if (!execute(db, QStringLiteral("SELECT hub.add_member(?, ?, ?, ?, ?, ?)"),
                    { me.orgId, member.email.trimmed(), member.name.trimmed(), member.role, verifier,
                        textOrNull(member.teamId) },
                    result, &query))
                return false;
            if (query.next())
                result->login = query.value(0).toString();
            return true;
        },
        context, std::move(done));
}

void TeamMemberDirectory::changeRole(
    const QString& userId, const QString& role, const QString& teamId, QObject* context, Done done)
{
    call(
        [userId, role, teamId](QSqlDatabase& db, const TeamServerIdentity& me, TeamMembersResult* result) {
            return execute(db, QStringLiteral("SELECT hub.change_member_role(?, ?, ?, ?)"),
                { me.orgId, userId, role, textOrNull(teamId) }, result);
        },
        context, std::move(done));
}

void TeamMemberDirectory::setActive(const QString& userId, bool active, QObject* context, Done done)
{
    call(
        [userId, active](QSqlDatabase& db, const TeamServerIdentity& me, TeamMembersResult* result) {
            return execute(db,
                active ? QStringLiteral("SELECT hub.reactivate_member(?, ?)")
                       : QStringLiteral("SELECT hub.deactivate_member(?, ?)"),
                { me.orgId, userId }, result);
        },
        context, std::move(done));
}

void TeamMemberDirectory::resetPassword(const QString& userId, const QString& password, QObject* context, Done done)
{
    if (password.size() < kMinPasswordLength) {
        TeamMembersResult result;
        result.failure = { Sync::ErrorKind::Other,
            tr("The new password needs at least %n characters.", nullptr, kMinPasswordLength) };
        done(result);
        return;
    }
    const QString verifier = ScramVerifier::forServer(password);
    call(
        [userId, verifier](QSqlDatabase& db, const TeamServerIdentity& me, TeamMembersResult* result) {
            return execute(
                db, QStringLiteral("SELECT hub.set_member_password(?, ?, ?)"), { me.orgId, userId, verifier }, result);
        },
        context, std::move(done));
}
