#include "services/dealdesk/DealPipelineRepository.h"

#include "models/Ids.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace {
void addTo(QMap<QString, qint64>& totals, const QString& currency, qint64 minor)
{
    qint64& sum = totals[currency];
    // Saturate rather than wrap: a pipeline figure this large is already meaningless to a person.
    if (minor > 0 && sum > std::numeric_limits<qint64>::max() - minor)
        sum = std::numeric_limits<qint64>::max();
    else
        sum += minor;
}
} // namespace

DealPipelineRepository::DealPipelineRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

bool DealPipelineRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

DealPipelineSnapshot DealPipelineRepository::snapshot()
{
    DealPipelineSnapshot snapshot;
    // One read transaction: the groups and the list describe the same moment.
    const bool transaction = m_db.transaction();
    snapshot.intents = intentGroups();
    snapshot.proposals = proposalSummaries();
    snapshot.statuses = statusGroups(snapshot.proposals);
    if (transaction)
        m_db.commit();
    snapshot.error = m_lastError;
    return snapshot;
}

QList<PipelineGroup> DealPipelineRepository::intentGroups()
{
    QList<PipelineGroup> groups;
    for (const QString& key : DealPipelineSnapshot::intentKeys())
        groups.append({ key, 0, {} });
    PipelineGroup& notAnalysed = groups.last();

    // All open deals (in stages not marked closed, such as won and lost), from the per-stage totals the triggers of
    // 0017 keep.
    QSqlQuery open(m_db);
    open.setForwardOnly(true);
    open.prepare(
        QStringLiteral("SELECT currency, leads, value_minor FROM lead_totals WHERE leads > 0 AND status NOT IN "
                       "(SELECT key FROM pipeline_stages WHERE is_closed = 1 AND deleted = 0)"));
    if (!exec(open))
        return groups;
    while (open.next()) {
        notAnalysed.count += open.value(1).toInt();
        addTo(notAnalysed.totals, open.value(0).toString(), open.value(2).toLongLong());
    }

    // The analysed ones, visited from lead_intelligence (one row per analysed lead) and moved to their group. The
    // lead's figures come from the narrow lead_figures rows (by rowid via the id index) rather than the wide lead
    // rows; the cost grows with the number of analysed leads, not with the size of the workspace.
    QSqlQuery analysed(m_db);
    analysed.setForwardOnly(true);
    analysed.prepare(QStringLiteral(
        "SELECT li.buying_intent, f.currency, count(*), sum(f.value_minor) "
        "FROM lead_intelligence li JOIN leads l ON l.id = li.lead_id JOIN lead_figures f ON f.lead_rowid = l.rowid "
        "WHERE li.deleted = 0 AND li.buying_intent <> '' AND f.deleted = 0 "
        "AND f.status NOT IN (SELECT key FROM pipeline_stages WHERE is_closed = 1 AND deleted = 0) "
        "GROUP BY li.buying_intent, f.currency"));
    if (!exec(analysed))
        return groups;
    while (analysed.next()) {
        const qsizetype index = DealPipelineSnapshot::intentKeys().indexOf(analysed.value(0).toString());
        if (index < 0 || index == groups.size() - 1)
            continue;
        const QString currency = analysed.value(1).toString();
        const int count = analysed.value(2).toInt();
        const qint64 value = analysed.value(3).toLongLong();
        PipelineGroup& group = groups[index];
        group.count += count;
        addTo(group.totals, currency, value);
        notAnalysed.count -= count;
        addTo(notAnalysed.totals, currency, -value);
    }
    for (auto it = notAnalysed.totals.begin(); it != notAnalysed.totals.end();) {
        // A currency whose every open deal is analysed leaves a zero behind; it is not worth showing.
        if (it.value() == 0)
            it = notAnalysed.totals.erase(it);
        else
            ++it;
    }
    return groups;
}

QList<ProposalSummary> DealPipelineRepository::proposalSummaries()
{
    QList<ProposalSummary> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT p.id, p.title, p.lead_id, COALESCE(l.name, ''), COALESCE(l.company, ''), "
                       "COALESCE(li.buying_intent, ''), p.status, p.currency, p.valid_until, p.updated_at, p.lines "
                       "FROM proposals p LEFT JOIN leads l ON l.id = p.lead_id "
                       "LEFT JOIN lead_intelligence li ON li.lead_id = p.lead_id AND li.deleted = 0 "
                       "WHERE p.deleted = 0 ORDER BY p.updated_at DESC, p.id DESC"));
    if (!exec(query))
        return result;
    while (query.next()) {
        ProposalSummary summary;
        int i = 0;
        summary.id = query.value(i++).toString();
        summary.title = query.value(i++).toString();
        summary.leadId = query.value(i++).toString();
        summary.leadName = query.value(i++).toString();
        summary.leadCompany = query.value(i++).toString();
        summary.leadIntent = query.value(i++).toString();
        summary.status = Proposal::statusFromKey(query.value(i++).toString()).value_or(Proposal::Status::Draft);
        summary.currency = query.value(i++).toString();
        const QVariant validUntil = query.value(i++);
        summary.validUntil = validUntil.isNull() ? QDate() : QDate::fromString(validUntil.toString(), Qt::ISODate);
        summary.updatedAt = Ids::fromStorage(query.value(i++).toString());
        const QList<PricingLine> lines
            = Proposal::linesFromJson(QJsonDocument::fromJson(query.value(i++).toByteArray()).array());
        const ProposalTotals totals = Proposal::computeTotals(lines);
        summary.totalMinor = totals.overflow ? 0 : totals.totalMinor;
        summary.totalOverflow = totals.overflow;
        result.append(summary);
    }
    return result;
}

QList<PipelineGroup> DealPipelineRepository::statusGroups(const QList<ProposalSummary>& proposals)
{
    QList<PipelineGroup> groups;
    for (Proposal::Status status : Proposal::allStatuses())
        groups.append({ Proposal::statusKey(status), 0, {} });
    for (const ProposalSummary& summary : proposals) {
        PipelineGroup& group = groups[static_cast<qsizetype>(Proposal::allStatuses().indexOf(summary.status))];
        ++group.count;
        if (!summary.totalOverflow)
            addTo(group.totals, summary.currency, summary.totalMinor);
    }
    return groups;
}

QString DealPipelineRepository::organizationName(const QString& orgId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT name FROM organizations WHERE id = ?"));
    query.addBindValue(orgId);
    if (!exec(query) || !query.next())
        return {};
    return query.value(0).toString();
}
