#pragma once

#include "tests/teamserver/PgTestDatabase.h"

#include <QHash>
#include <QString>

// Two organisations on one prepared test database, set up through the same functions the app uses:
//
//   Acme (org A): anna (owner), ada (admin), mia (manager of team North), eve (employee, North),
//                 ed (employee, South). Leads: eveLead (owner eve), edLead (owner ed), annaLead (owner anna),
//                 assignedLead (owner ed, assigned to eve); each with an activity, a proposal and a notification.
//   Globex (org B): bob (owner), bea (employee). Lead: bobLead, with an activity and a proposal.
//
// Members log in with their own roles (loginOf(name)), with the password passwordOf(name).
class TeamFixture
{
public:
    bool build(PgTestDatabase* database, QString* error);

    QString orgA;
    QString orgB;
    QString teamNorth;
    QString teamSouth;
    QString eveLead;
    QString edLead;
    QString annaLead;
    QString assignedLead;
    QString bobLead;

    QString userId(const QString& name) const { return m_userIds.value(name); }
    QString loginOf(const QString& name) const;
    static QString passwordOf(const QString& name) { return name + QStringLiteral("-Secret-1"); }
    static QString emailOf(const QString& name);
    // A connection logged in as that member (kept open by the database object).
    QSqlDatabase* connectAs(const QString& name, QString* error = nullptr);

private:
    bool addLead(QSqlDatabase& db, const QString& org, const QString& id, const QString& owner, const QString& assignee,
        QString* error);

    PgTestDatabase* m_database = nullptr;
    QHash<QString, QString> m_userIds;
};
