#pragma once

#include "models/Ids.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// A small known workspace for the Neural Brain tests. "now" is 2025-06-15 12:00 UTC.
//
//  lead  company  status     heat intent    last contact      analysis / other
//  Alice Acme     qualified  95   high      20 days ago       notes mention "seo"
//  Bob   Bolt     proposal   80   critical  2 days ago        has a proposal; stored value 1,234.00
//  Cara  Crane    new        70   medium    never (upd. 30d)
//  Dan   —        contacted  69   low       13 days ago
//  Eve   Elm      contacted  40   ''        exactly 14 days
//  Finn  Fjord    won        99   high      60 days ago       closed: never listed
//  Gus   Gale     qualified  90   high      30 days ago       lead deleted
//  Hana  Harbor   contacted  —    —         never (upd. 40d)  not analysed
//  Ivo   Iris     new        —    —         never (upd. now)  not analysed
//  Jay   Jetty    new        (100, analysis deleted)          never (upd. 1d)
namespace BrainSeed {

inline QDateTime now()
{
    return QDateTime(QDate(2025, 6, 15), QTime(12, 0), Qt::UTC);
}

// Returns an error message, or an empty string; ids receives name → lead id.
inline QString seed(QSqlDatabase& db, const WorkspaceIdentity& identity, QHash<QString, QString>* ids)
{
    struct Row {
        const char* name;
        const char* company;
        const char* status;
        int heat; // -1: no analysis
        const char* intent;
        int contactedDaysAgo; // -1: never
        int updatedDaysAgo;
        bool leadDeleted;
        bool analysisDeleted;
        const char* notes;
        qint64 storedValue; // -1: none
    };
    // clang-format off
    const Row rows[] = {
        { "Alice", "Acme",   "qualified", 95,  "high",     20, 20, false, false, "Needs SEO help", -1 },
        { "Bob",   "Bolt",   "proposal",  80,  "critical", 2,  2,  false, false, "",               123400 },
        { "Cara",  "Crane",  "new",       70,  "medium",   -1, 30, false, false, "",               -1 },
        { "Dan",   "",       "contacted", 69,  "low",      13, 13, false, false, "",               -1 },
        { "Eve",   "Elm",    "contacted", 40,  "",         14, 14, false, false, "",               -1 },
        { "Finn",  "Fjord",  "won",       99,  "high",     60, 60, false, false, "seo",            -1 },
        { "Gus",   "Gale",   "qualified", 90,  "high",     30, 30, true,  false, "",               -1 },
        { "Hana",  "Harbor", "contacted", -1,  "",         -1, 40, false, false, "",               -1 },
        { "Ivo",   "Iris",   "new",       -1,  "",         -1, 0,  false, false, "",               -1 },
        { "Jay",   "Jetty",  "new",       100, "critical", -1, 1,  false, true,  "",               -1 },
    };
    // clang-format on
    const auto at = [](int daysAgo) { return Ids::toStorage(now().addDays(-daysAgo)); };
    const auto nullText = QVariant(QMetaType(QMetaType::QString));
    for (const Row& row : rows) {
        const QString id = Ids::newId();
        ids->insert(QString::fromUtf8(row.name), id);
        QSqlQuery lead(db);
        lead.prepare(QStringLiteral(
            "INSERT INTO leads (id, org_id, name, company, status, notes, deal_heat, last_contacted_at, created_at, "
            "updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& value : { QVariant(id), QVariant(identity.orgId), QVariant(QString::fromUtf8(row.name)),
                 QVariant(QString::fromUtf8(row.company)), QVariant(QString::fromUtf8(row.status)),
                 QVariant(QString::fromUtf8(row.notes)),
                 row.heat >= 0 && !row.analysisDeleted ? QVariant(row.heat) : QVariant(QMetaType(QMetaType::Int)),
                 row.contactedDaysAgo >= 0 ? QVariant(at(row.contactedDaysAgo)) : nullText, QVariant(at(100)),
                 QVariant(at(row.updatedDaysAgo)), QVariant(row.leadDeleted ? 1 : 0) })
            lead.addBindValue(value);
        if (!lead.exec())
            return lead.lastError().text();
        if (row.heat < 0)
            continue;
        QSqlQuery analysis(db);
        analysis.prepare(QStringLiteral(
            "INSERT INTO lead_intelligence (id, org_id, lead_id, deal_heat, buying_intent, next_best_action, summary, "
            "estimated_value_minor, analyzed_at, created_at, updated_at, deleted) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& value : { QVariant(Ids::newId()), QVariant(identity.orgId), QVariant(id),
                 QVariant(row.heat), QVariant(QString::fromUtf8(row.intent)),
                 QVariant(QStringLiteral("Call %1").arg(QString::fromUtf8(row.name))),
                 QVariant(QStringLiteral("Summary of %1").arg(QString::fromUtf8(row.name))),
                 row.storedValue >= 0 ? QVariant(row.storedValue) : QVariant(QMetaType(QMetaType::LongLong)),
                 QVariant(at(row.updatedDaysAgo)), QVariant(at(row.updatedDaysAgo)), QVariant(at(row.updatedDaysAgo)),
                 QVariant(row.analysisDeleted ? 1 : 0) })
            analysis.addBindValue(value);
        if (!analysis.exec())
            return analysis.lastError().text();
    }
    QSqlQuery proposal(db);
    proposal.prepare(QStringLiteral("INSERT INTO proposals (id, org_id, lead_id, title, created_at, updated_at) "
                                    "VALUES (?, ?, ?, 'Offer', ?, ?)"));
    for (const QVariant& value : { QVariant(Ids::newId()), QVariant(identity.orgId),
             QVariant(ids->value(QStringLiteral("Bob"))), QVariant(at(1)), QVariant(at(1)) })
        proposal.addBindValue(value);
    if (!proposal.exec())
        return proposal.lastError().text();
    return {};
}

inline QString addService(
    QSqlDatabase& db, const WorkspaceIdentity& identity, const QString& name, qint64 price, const QString& keywordsJson)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO services_catalog (id, org_id, name, price_minor, currency, keywords, "
                                 "created_at, updated_at) VALUES (?, ?, ?, ?, 'EUR', ?, ?, ?)"));
    for (const QVariant& value : { QVariant(Ids::newId()), QVariant(identity.orgId), QVariant(name), QVariant(price),
             QVariant(keywordsJson), QVariant(Ids::toStorage(now())), QVariant(Ids::toStorage(now())) })
        query.addBindValue(value);
    return query.exec() ? QString() : query.lastError().text();
}

} // namespace BrainSeed
