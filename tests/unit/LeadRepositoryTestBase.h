#pragma once

// Shared fixture of the lead repository tests: a fresh workspace per test and helpers to compare leads.
#include "models/Ids.h"
#include "services/leads/LeadStore.h"
#include "services/storage/LeadRepository.h"
#include "tests/support/TempWorkspace.h"
#include "tests/support/WaitFor.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <memory>
#include <numeric>

using HubTest::TempWorkspace;

namespace {
// Every persisted field, with its name, so a mismatch says which field broke.
QString firstDifference(const Lead& a, const Lead& b, bool compareTimestamps = true)
{
    const auto text = [](const QDateTime& t) { return t.isValid() ? Ids::toStorage(t) : QStringLiteral("<null>"); };
    const QList<std::pair<const char*, std::pair<QString, QString>>> fields {
        { "id", { a.id, b.id } },
        { "orgId", { a.orgId, b.orgId } },
        { "ownerId", { a.ownerId, b.ownerId } },
        { "name", { a.name, b.name } },
        { "company", { a.company, b.company } },
        { "contactPerson", { a.contactPerson, b.contactPerson } },
        { "title", { a.title, b.title } },
        { "email", { a.email, b.email } },
        { "phone", { a.phone, b.phone } },
        { "phoneRaw", { a.phoneRaw, b.phoneRaw } },
        { "website", { a.website, b.website } },
        { "websiteIssues", { a.websiteIssues, b.websiteIssues } },
        { "location", { a.location, b.location } },
        { "status", { a.status, b.status } },
        { "source", { a.source, b.source } },
        { "industry", { a.industry, b.industry } },
        { "tags", { a.tags.join(QStringLiteral("|")), b.tags.join(QStringLiteral("|")) } },
        { "notes", { a.notes, b.notes } },
        { "valueMinor", { QString::number(a.valueMinor), QString::number(b.valueMinor) } },
        { "currency", { a.currency, b.currency } },
        { "doNotCall", { QString::number(a.doNotCall), QString::number(b.doNotCall) } },
        { "emailOptOut", { QString::number(a.emailOptOut), QString::number(b.emailOptOut) } },
        { "smsOptOut", { QString::number(a.smsOptOut), QString::number(b.smsOptOut) } },
        { "lawfulBasis", { a.lawfulBasis, b.lawfulBasis } },
        { "marketingConsent", { QString::number(a.marketingConsent), QString::number(b.marketingConsent) } },
        { "consentAt", { text(a.consentAt), text(b.consentAt) } },
        { "fieldSources", { a.fieldSources, b.fieldSources } },
        { "lastContactedAt", { text(a.lastContactedAt), text(b.lastContactedAt) } },
        { "rev", { QString::number(a.rev), QString::number(b.rev) } },
        { "deleted", { QString::number(a.deleted), QString::number(b.deleted) } },
    };
    for (const auto& [name, values] : fields) {
        if (values.first != values.second) {
            return QStringLiteral("%1 differs: \"%2\" vs \"%3\"")
                .arg(QLatin1String(name), values.first.left(120), values.second.left(120));
        }
    }
    if (compareTimestamps) {
        if (a.createdAt != b.createdAt)
            return QStringLiteral("createdAt differs: %1 vs %2").arg(text(a.createdAt), text(b.createdAt));
        if (a.updatedAt != b.updatedAt)
            return QStringLiteral("updatedAt differs: %1 vs %2").arg(text(a.updatedAt), text(b.updatedAt));
    }
    return {};
}

QStringList namesOf(const QList<Lead>& leads)
{
    QStringList names;
    for (const Lead& lead : leads)
        names.append(lead.name);
    return names;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}
} // namespace

class LeadRepositoryTestBase : public QObject
{
protected:
    std::unique_ptr<TempWorkspace> ws;

    // FTS5 external-content index still agrees with the leads table.
    QString ftsIntegrityError() const
    {
        QString error;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("INSERT INTO leads_fts (leads_fts) VALUES ('integrity-check')")))
                error = query.lastError().text();
        });
        return error;
    }

    // lead_totals (kept by triggers and bulk inserts) still agrees with the leads table; empty when it does.
    QString totalsMismatch() const
    {
        const auto read = [this](const QString& sql) {
            QStringList rows;
            ws->runBlocking([&](QSqlDatabase& db) {
                QSqlQuery query(db);
                if (!query.exec(sql))
                    rows.append(query.lastError().text());
                while (query.next()) {
                    rows.append(QStringLiteral("%1/%2: %3 leads, %4")
                                    .arg(query.value(0).toString(), query.value(1).toString(),
                                        query.value(2).toString(), query.value(3).toString()));
                }
            });
            return rows.join(QStringLiteral("; "));
        };
        const QString kept = read(QStringLiteral(
            "SELECT status, currency, leads, value_minor FROM lead_totals WHERE leads <> 0 ORDER BY 1, 2"));
        const QString actual = read(QStringLiteral("SELECT status, currency, count(*), sum(value_minor) FROM leads "
                                                   "WHERE deleted = 0 GROUP BY 1, 2 ORDER BY 1, 2"));
        return kept == actual ? QString() : QStringLiteral("lead_totals [%1] but leads [%2]").arg(kept, actual);
    }

    QStringList search(const QString& text)
    {
        LeadFilter filter;
        filter.search = text;
        return sorted(namesOf(ws->pageBlocking(filter, 0, 1000)));
    }

    // Names matching the filter according to LeadFilter::matches(), over every lead in the file.
    QStringList matchedLocally(const LeadFilter& filter)
    {
        QList<Lead> all;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT id FROM leads"));
            QStringList ids;
            while (query.next())
                ids.append(query.value(0).toString());
            all = LeadRepository(db).findMany(ids);
        });
        QStringList names;
        for (const Lead& lead : std::as_const(all)) {
            if (filter.matches(lead))
                names.append(lead.name);
        }
        return sorted(names);
    }

    Lead fullLead() const
    {
        Lead lead;
        lead.name = QStringLiteral("Jane Doe");
        lead.company = QStringLiteral("Acme Dental");
        lead.contactPerson = QStringLiteral("Robert O'Brien");
        lead.title = QStringLiteral("Practice owner");
        lead.email = QStringLiteral("jane@acmedental.io");
        lead.phone = QStringLiteral("+442079460958");
        lead.phoneRaw = QStringLiteral("020 7946 0958");
        lead.website = QStringLiteral("https://acmedental.io");
        lead.websiteIssues = QStringLiteral("Slow mobile site");
        lead.location = QStringLiteral("London");
        lead.status = QStringLiteral("qualified");
        lead.source = QStringLiteral("Referral");
        lead.industry = QStringLiteral("Healthcare");
        lead.tags = { QStringLiteral("hot"), QStringLiteral("website-redesign") };
        lead.notes = QStringLiteral("Line one\nLine two\twith a tab");
        lead.valueMinor = 1'234'567;
        lead.currency = QStringLiteral("USD");
        lead.doNotCall = true;
        lead.emailOptOut = true;
        lead.smsOptOut = true;
        lead.lawfulBasis = QStringLiteral("legitimate_interest");
        lead.marketingConsent = true;
        lead.consentAt = utc(2024, 3, 4, 5, 6, 7, 89);
        lead.fieldSources = QStringLiteral("{\"email\":\"import\",\"phone\":\"user\"}");
        lead.lastContactedAt = utc(2024, 5, 6, 7, 8, 9, 10);
        lead.rev = 7;
        return lead;
    }

};
