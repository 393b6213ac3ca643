#include "tests/teamserver/TeamFixture.h"

#include "services/teamserver/ScramVerifier.h"

#include <QSqlQuery>

namespace {
bool run(QSqlDatabase& db, const QString& sql, const QVariantList& binds, QString* error)
{
    QString message;
    if (PgTestDatabase::execute(db, sql, binds, &message) < 0) {
        *error = sql + QStringLiteral(": ") + message;
        return false;
    }
    return true;
}
} // namespace

QString TeamFixture::emailOf(const QString& name)
{
    static const QStringList globex = { QStringLiteral("bob"), QStringLiteral("bea") };
    return name + (globex.contains(name) ? QStringLiteral("@globex.test") : QStringLiteral("@acme.test"));
}

QString TeamFixture::loginOf(const QString& name) const
{
    return m_database->loginPrefix() + emailOf(name);
}

QSqlDatabase* TeamFixture::connectAs(const QString& name, QString* error)
{
    return m_database->connectAs(loginOf(name), passwordOf(name), error);
}

bool TeamFixture::addLead(QSqlDatabase& db, const QString& org, const QString& id, const QString& owner,
    const QString& assignee, QString* error)
{
    return run(db,
               QStringLiteral("INSERT INTO hub.leads (id, org_id, name, owner_id, assigned_to, value_minor) "
                              "VALUES (?, ?, ?, ?, ?, 150000)"),
               { id, org, QStringLiteral("Lead %1").arg(id), userId(owner),
                   assignee.isEmpty() ? QVariant() : QVariant(userId(assignee)) },
               error)
        && run(db,
            QStringLiteral("INSERT INTO hub.activities (id, org_id, lead_id, kind, body, meta) "
                           "VALUES (?, ?, ?, 'note', 'Called them', '{\"by\": \"fixture\"}')"),
            { QString(QStringLiteral("act-") + id), org, id }, error)
        && run(db,
            QStringLiteral("INSERT INTO hub.proposals (id, org_id, lead_id, title, lines) "
                           "VALUES (?, ?, ?, 'Website', '[{\"item\": \"Design\", \"unit_price_minor\": 90000}]')"),
            { QString(QStringLiteral("prop-") + id), org, id }, error)
        && run(db, QStringLiteral("INSERT INTO hub.notifications (id, org_id, title, lead_id) VALUES (?, ?, 'Due', ?)"),
            { QString(QStringLiteral("note-") + id), org, id }, error);
}

bool TeamFixture::build(PgTestDatabase* database, QString* error)
{
    m_database = database;
    const ServerSetupResult init = database->initialize(
        QStringLiteral("Acme"), emailOf(QStringLiteral("anna")), passwordOf(QStringLiteral("anna")));
    if (!init.ok()) {
        *error = init.message;
        return false;
    }
    orgA = init.orgId;
    m_userIds.insert(QStringLiteral("anna"), init.ownerUserId);
    QSqlDatabase* anna = connectAs(QStringLiteral("anna"), error);
    if (!anna)
        return false;
    teamNorth = QStringLiteral("team-north");
    teamSouth = QStringLiteral("team-south");
    if (!run(*anna, QStringLiteral("INSERT INTO hub.teams (id, org_id, name) VALUES (?, ?, 'North'), (?, ?, 'South')"),
            { teamNorth, orgA, teamSouth, orgA }, error))
        return false;

    struct Member {
        const char* name;
        const char* role;
        QString team;
        bool verifier;
    };
    const Member acme[] = {
        { "ada", "admin", {}, true },
        { "mia", "manager", teamNorth, false },
        { "eve", "employee", teamNorth, true },
        { "ed", "employee", teamSouth, false },
    };
    for (const Member& member : acme) {
        const QString name = QString::fromLatin1(member.name);
        // Some with a client-side SCRAM verifier, some with a plain password the server hashes.
        const QString password = member.verifier ? ScramVerifier::forServer(passwordOf(name)) : passwordOf(name);
        if (!run(*anna, QStringLiteral("SELECT hub.add_member(?, ?, ?, ?, ?, ?)"),
                { orgA, emailOf(name), name, QString::fromLatin1(member.role), password,
                    member.team.isEmpty() ? QVariant() : QVariant(member.team) },
                error))
            return false;
    }

    QSqlDatabase* superuser = database->connectAsSuperuser(error);
    if (!superuser)
        return false;
    orgB = PgTestDatabase::scalar(*superuser,
        QStringLiteral("SELECT org_id FROM hub_private.create_organization('Globex', 'USD', ?, 'Bob', ?)"),
        { emailOf(QStringLiteral("bob")), ScramVerifier::forServer(passwordOf(QStringLiteral("bob"))) }, error)
               .toString();
    if (orgB.isEmpty())
        return false;
    QSqlDatabase* bob = connectAs(QStringLiteral("bob"), error);
    if (!bob
        || !run(*bob, QStringLiteral("SELECT hub.add_member(?, ?, 'Bea', 'employee', ?)"),
            { orgB, emailOf(QStringLiteral("bea")), passwordOf(QStringLiteral("bea")) }, error))
        return false;

    for (const char* name : { "ada", "mia", "eve", "ed", "bob", "bea" }) {
        const QString member = QString::fromLatin1(name);
        m_userIds.insert(member,
            PgTestDatabase::scalar(
                *superuser, QStringLiteral("SELECT id FROM hub.users WHERE login_role = ?"), { loginOf(member) })
                .toString());
    }

    eveLead = QStringLiteral("lead-eve");
    edLead = QStringLiteral("lead-ed");
    annaLead = QStringLiteral("lead-anna");
    assignedLead = QStringLiteral("lead-assigned");
    bobLead = QStringLiteral("lead-bob");
    return addLead(*anna, orgA, eveLead, QStringLiteral("eve"), {}, error)
        && addLead(*anna, orgA, edLead, QStringLiteral("ed"), {}, error)
        && addLead(*anna, orgA, annaLead, QStringLiteral("anna"), {}, error)
        && addLead(*anna, orgA, assignedLead, QStringLiteral("ed"), QStringLiteral("eve"), error)
        && addLead(*bob, orgB, bobLead, QStringLiteral("bob"), {}, error);
}
