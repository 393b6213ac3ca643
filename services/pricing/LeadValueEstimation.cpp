#include "services/pricing/LeadValueEstimation.h"

#include "services/pricing/ServiceCatalogRepository.h"

#include <QSet>
#include <QSqlQuery>

bool LeadValueEstimation::hasCallTranscripts(QSqlDatabase& db)
{
    // The calls table arrives with the calling module; until then there is nothing to read.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT name FROM pragma_table_info('calls')")))
        return false;
    QSet<QString> columns;
    while (query.next())
        columns.insert(query.value(0).toString());
    return columns.contains(QStringLiteral("lead_id")) && columns.contains(QStringLiteral("transcript"));
}

QString LeadValueEstimation::leadText(QSqlDatabase& db, const QString& leadId)
{
    QString text;
    QString currency;
    readLead(db, leadId, &text, &currency);
    return text;
}

bool LeadValueEstimation::readLead(QSqlDatabase& db, const QString& leadId, QString* text, QString* currency)
{
    QStringList parts;
    QSqlQuery lead(db);
    lead.setForwardOnly(true);
    lead.prepare(QStringLiteral("SELECT notes, currency FROM leads WHERE id = ?"));
    lead.addBindValue(leadId);
    if (!lead.exec() || !lead.next())
        return false;
    parts.append(lead.value(0).toString());
    *currency = lead.value(1).toString();

    QSqlQuery activities(db);
    activities.setForwardOnly(true);
    activities.prepare(QStringLiteral("SELECT body FROM activities WHERE lead_id = ? AND deleted = 0 "
                                      "AND kind IN ('note', 'call', 'email', 'sms', 'meeting') ORDER BY created_at"));
    activities.addBindValue(leadId);
    if (activities.exec()) {
        while (activities.next())
            parts.append(activities.value(0).toString());
    }

    if (hasCallTranscripts(db)) {
        QSqlQuery calls(db);
        calls.setForwardOnly(true);
        calls.prepare(QStringLiteral("SELECT transcript FROM calls WHERE lead_id = ? AND transcript IS NOT NULL"));
        calls.addBindValue(leadId);
        if (calls.exec()) {
            while (calls.next())
                parts.append(calls.value(0).toString());
        }
    }
    parts.removeIf([](const QString& part) { return part.trimmed().isEmpty(); });
    *text = parts.join(QLatin1Char('\n'));
    return true;
}

DealValueEstimate LeadValueEstimation::estimate(QSqlDatabase& db, const QString& orgId, const QString& leadId)
{
    return estimate(db, orgId, QStringList { leadId }).value(leadId);
}

QHash<QString, DealValueEstimate> LeadValueEstimation::estimate(
    QSqlDatabase& db, const QString& orgId, const QStringList& leadIds)
{
    QHash<QString, DealValueEstimate> result;
    if (leadIds.isEmpty())
        return result;
    const QList<ServiceOffering> services = ServiceCatalogRepository::active(db, orgId);
    const QString orgCurrency = ServiceCatalogRepository(db).orgCurrency(orgId);
    for (const QString& leadId : leadIds) {
        QString text;
        QString currency;
        if (!readLead(db, leadId, &text, &currency))
            continue;
        if (currency.trimmed().isEmpty())
            currency = orgCurrency;
        result.insert(leadId, DealValueEstimator::estimate(text, services, currency));
    }
    return result;
}
