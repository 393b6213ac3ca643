#include "services/storage/LeadRepository.h"

#include "models/Ids.h"
#include "services/storage/LeadBulkInserter.h"
#include "services/storage/LeadColumns.h"
#include "services/storage/SqlValues.h"
#include "services/storage/SqliteConnection.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

using SqlValues::nullableText;
using SqlValues::nullableTime;
using SqlValues::text;

namespace {
// Read with a lead but written only by their own features (the AI analysis sets deal_heat), so saving a lead that was
// read before an analysis finished cannot overwrite it.
const QString kReadOnlyColumns = QStringLiteral(", deal_heat");

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return text;
}
} // namespace

LeadRepository::LeadRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

LeadRepository::~LeadRepository() = default;

bool LeadRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

QString LeadRepository::ftsQuery(const QString& search)
{
    // The index keeps no word positions (migration 0009), so there are no phrases: a typed word that the tokenizer
    // splits further ("o'neil" → o, neil) becomes one prefix term per piece, all of which must match.
    static const QRegularExpression tokenSeparators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    LeadFilter filter;
    filter.search = search;
    QStringList terms;
    for (const QString& term : filter.searchTerms()) {
        for (const QString& token : term.split(tokenSeparators, Qt::SkipEmptyParts))
            terms.append(QLatin1Char('"') + token + QStringLiteral("\"*"));
    }
    return terms.join(QLatin1Char(' '));
}

QString LeadRepository::whereClause(const LeadFilter& filter, QVariantList* values) const
{
    QStringList clauses { QStringLiteral("deleted = 0") };
    if (!filter.status.isEmpty()) {
        clauses.append(QStringLiteral("status = ?"));
        values->append(filter.status);
    }
    if (!filter.source.isEmpty()) {
        clauses.append(QStringLiteral("source = ? COLLATE NOCASE"));
        values->append(filter.source);
    }
    if (!filter.industry.isEmpty()) {
        clauses.append(QStringLiteral("industry = ? COLLATE NOCASE"));
        values->append(filter.industry);
    }
    if (!filter.tag.isEmpty()) {
        clauses.append(QStringLiteral("(',' || tags || ',') LIKE ? ESCAPE '\\'"));
        values->append(QString(QStringLiteral("%,") + escapeLike(filter.tag) + QStringLiteral(",%")));
    }
    return clauses.join(QStringLiteral(" AND "));
}

namespace {
QString sortColumn(LeadFilter::SortKey key)
{
    switch (key) {
    case LeadFilter::SortKey::Name:
        return QStringLiteral("name COLLATE NOCASE");
    case LeadFilter::SortKey::Company:
        return QStringLiteral("company COLLATE NOCASE");
    case LeadFilter::SortKey::Status:
        return QStringLiteral("(SELECT position FROM pipeline_stages s WHERE s.key = leads.status)");
    case LeadFilter::SortKey::Value:
        return QStringLiteral("value_minor");
    case LeadFilter::SortKey::Heat:
        return QStringLiteral("deal_heat");
    case LeadFilter::SortKey::LastContacted:
        return QStringLiteral("last_contacted_at");
    case LeadFilter::SortKey::Created:
        return QStringLiteral("created_at");
    case LeadFilter::SortKey::Updated:
        break;
    }
    return QStringLiteral("updated_at");
}
} // namespace

QString LeadRepository::orderClause(const LeadFilter& filter)
{
    const QString direction = filter.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    return QStringLiteral("%1%2, id%2").arg(sortColumn(filter.sortKey), direction);
}

namespace {
// A search page with at most this many matches is read by looking the matches up and sorting them; with more, by
// walking the sort order and keeping matching rows, which finds a first page long before the end of the list.
constexpr int kSortMatchesLimit = 2000;
const QString kSearchClause = QStringLiteral("rowid IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)");
} // namespace

QStringList LeadRepository::currenciesInUse()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT DISTINCT currency FROM lead_totals WHERE leads > 0 ORDER BY currency"));
    QStringList currencies;
    if (exec(query)) {
        while (query.next())
            currencies.append(query.value(0).toString());
    }
    return currencies;
}

// Totals over the rows of `from` that `where` keeps, added up per currency with FILTER: GROUP BY would sort every
// matching row. `from` names the value columns f.currency and f.value_minor.
bool LeadRepository::readFilteredTotals(const QString& from, const QString& where, QVariantList values, LeadPage* page)
{
    const QStringList currencies = currenciesInUse();
    QString sql = QStringLiteral("SELECT count(*)");
    QVariantList bound;
    for (const QString& currency : currencies) {
        sql += QStringLiteral(", sum(f.value_minor) FILTER (WHERE f.currency = ?)");
        bound.append(currency);
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql + QStringLiteral(" FROM ") + from + QStringLiteral(" WHERE ") + where);
    for (const QVariant& value : std::as_const(bound) + values)
        query.addBindValue(value);
    if (!exec(query))
        return false;
    if (query.next()) {
        page->total = query.value(0).toInt();
        for (int i = 0; i < currencies.size(); ++i) {
            if (!query.isNull(1 + i)) // sum() of no rows is NULL: no match in this currency
                page->valueTotals.insert(currencies.at(i), query.value(1 + i).toLongLong());
        }
    }
    return true;
}

bool LeadRepository::readTotals(const LeadFilter& filter, const QString& match, LeadPage* page)
{
    QVariantList values;
    const bool byStageOnly = filter.source.isEmpty() && filter.industry.isEmpty() && filter.tag.isEmpty();
    if (byStageOnly && match.isEmpty()) {
        // Kept per stage and currency by triggers (0017): a few rows, whatever the size of the workspace.
        QString where = QStringLiteral("leads > 0");
        if (!filter.status.isEmpty()) {
            where += QStringLiteral(" AND status = ?");
            values.append(filter.status);
        }
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT currency, sum(leads), sum(value_minor) FROM lead_totals WHERE ") + where
            + QStringLiteral(" GROUP BY currency"));
        for (const QVariant& value : std::as_const(values))
            query.addBindValue(value);
        if (!exec(query))
            return false;
        while (query.next()) {
            page->total += query.value(1).toInt();
            page->valueTotals.insert(query.value(0).toString(), query.value(2).toLongLong());
        }
        return true;
    }
    if (byStageOnly) {
        // A search may match most leads. Stream the matches, in rowid order, against the narrow lead_figures rows
        // rather than the wide lead rows.
        QString where = QStringLiteral("leads_fts MATCH ? AND f.deleted = 0");
        values.append(match);
        if (!filter.status.isEmpty()) {
            where += QStringLiteral(" AND f.status = ?");
            values.append(filter.status);
        }
        return readFilteredTotals(
            QStringLiteral("leads_fts CROSS JOIN lead_figures f ON f.lead_rowid = leads_fts.rowid"), where, values,
            page);
    }
    // Other filters need the lead rows: look up each match.
    QString from = QStringLiteral("leads f");
    QString where;
    if (!match.isEmpty()) {
        from = QStringLiteral("leads f NOT INDEXED");
        where = kSearchClause + QStringLiteral(" AND ");
        values.append(match);
    }
    where += whereClause(filter, &values);
    return readFilteredTotals(from, where, values, page);
}

LeadPage LeadRepository::page(const LeadFilter& filter, int offset, int limit)
{
    LeadPage page;
    const QString match = ftsQuery(filter.search);
    if (!readTotals(filter, match, &page) || limit <= 0)
        return page;

    QVariantList values;
    QString from = QStringLiteral("leads");
    QString where = whereClause(filter, &values);
    if (!match.isEmpty()) {
        values.prepend(match);
        where = kSearchClause + QStringLiteral(" AND ") + where;
        if (page.total <= kSortMatchesLimit)
            from = QStringLiteral("leads NOT INDEXED");
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + LeadColumns::kList + kReadOnlyColumns + QStringLiteral(" FROM ") + from + QStringLiteral(" WHERE ")
        + where + QStringLiteral(" ORDER BY ") + orderClause(filter) + QStringLiteral(" LIMIT ? OFFSET ?"));
    for (const QVariant& value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!exec(query))
        return page;
    page.leads.reserve(limit);
    while (query.next())
        page.leads.append(readLead(query));
    return page;
}

std::optional<Lead> LeadRepository::find(const QString& id)
{
    const QList<Lead> leads = findMany({ id });
    if (leads.isEmpty())
        return std::nullopt;
    return leads.first();
}

QList<Lead> LeadRepository::findMany(const QStringList& ids)
{
    QList<Lead> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + LeadColumns::kList + kReadOnlyColumns + QStringLiteral(" FROM leads WHERE id = ?"));
    for (const QString& id : ids) {
        query.addBindValue(id);
        if (!exec(query))
            break;
        if (query.next())
            result.append(readLead(query));
    }
    return result;
}

void LeadRepository::bindLead(QSqlQuery& query, const Lead& lead) const
{
    const QVariantList values { lead.id, lead.orgId, nullableText(lead.ownerId), text(lead.name), text(lead.company),
        text(lead.contactPerson), text(lead.title), text(lead.email), text(lead.phone), text(lead.phoneRaw),
        text(lead.website), text(lead.websiteIssues), text(lead.location), text(lead.status), text(lead.source),
        text(lead.industry), text(lead.tags.join(QLatin1Char(','))), text(lead.notes), lead.valueMinor,
        text(lead.currency), lead.doNotCall ? 1 : 0, lead.emailOptOut ? 1 : 0, lead.smsOptOut ? 1 : 0,
        text(lead.lawfulBasis), lead.marketingConsent ? 1 : 0, nullableTime(lead.consentAt), text(lead.fieldSources),
        nullableTime(lead.lastContactedAt), Ids::toStorage(lead.createdAt), Ids::toStorage(lead.updatedAt), lead.rev,
        lead.deleted ? 1 : 0, nullableText(lead.importJobId) };
    Q_ASSERT(values.size() == LeadColumns::kCount);
    for (const QVariant& value : values)
        query.addBindValue(value);
}

Lead LeadRepository::readLead(const QSqlQuery& query)
{
    Lead lead;
    int i = 0;
    lead.id = query.value(i++).toString();
    lead.orgId = query.value(i++).toString();
    lead.ownerId = query.value(i++).toString();
    lead.name = query.value(i++).toString();
    lead.company = query.value(i++).toString();
    lead.contactPerson = query.value(i++).toString();
    lead.title = query.value(i++).toString();
    lead.email = query.value(i++).toString();
    lead.phone = query.value(i++).toString();
    lead.phoneRaw = query.value(i++).toString();
    lead.website = query.value(i++).toString();
    lead.websiteIssues = query.value(i++).toString();
    lead.location = query.value(i++).toString();
    lead.status = query.value(i++).toString();
    lead.source = query.value(i++).toString();
    lead.industry = query.value(i++).toString();
    lead.tags = query.value(i++).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    lead.notes = query.value(i++).toString();
    lead.valueMinor = query.value(i++).toLongLong();
    lead.currency = query.value(i++).toString();
    lead.doNotCall = query.value(i++).toBool();
    lead.emailOptOut = query.value(i++).toBool();
    lead.smsOptOut = query.value(i++).toBool();
    lead.lawfulBasis = query.value(i++).toString();
    lead.marketingConsent = query.value(i++).toBool();
    lead.consentAt = Ids::fromStorage(query.value(i++).toString());
    lead.fieldSources = query.value(i++).toString();
    lead.lastContactedAt = Ids::fromStorage(query.value(i++).toString());
    lead.createdAt = Ids::fromStorage(query.value(i++).toString());
    lead.updatedAt = Ids::fromStorage(query.value(i++).toString());
    lead.rev = query.value(i++).toLongLong();
    lead.deleted = query.value(i++).toBool();
    lead.importJobId = query.value(i++).toString();
    Q_ASSERT(i == LeadColumns::kCount);
    const QVariant heat = query.value(i++);
    lead.dealHeat = heat.isNull() ? -1 : heat.toInt();
    return lead;
}

bool LeadRepository::insert(const Lead& lead)
{
    if (!m_insert) {
        // Preparing compiles the statement and its triggers (FTS, figures): worth doing once per batch.
        m_insert = std::make_unique<QSqlQuery>(m_db);
        QStringList marks;
        for (int i = 0; i < LeadColumns::kCount; ++i)
            marks.append(QStringLiteral("?"));
        if (!m_insert->prepare(QStringLiteral("INSERT INTO leads (") + LeadColumns::kList + QStringLiteral(") VALUES (")
                + marks.join(QLatin1Char(',')) + QLatin1Char(')'))) {
            m_lastError = m_insert->lastError().text();
            m_insert.reset();
            return false;
        }
    }
    bindLead(*m_insert, lead);
    const bool ok = exec(*m_insert);
    m_insert->finish();
    return ok;
}

bool LeadRepository::insertMany(const QList<Lead>& leads)
{
    sqlite3* handle = SqliteConnection::handle(m_db);
    if (!handle) {
        m_lastError = QStringLiteral("no SQLite handle");
        return false;
    }
    LeadBulkInserter inserter(handle);
    if (inserter.insert(leads))
        return true;
    m_lastError = inserter.lastError();
    return false;
}

bool LeadRepository::update(const Lead& lead)
{
    QStringList assignments;
    const QStringList columns = LeadColumns::kList.split(QStringLiteral(", "));
    for (const QString& column : columns)
        assignments.append(column + QStringLiteral(" = ?"));
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE leads SET ") + assignments.join(QStringLiteral(", "))
        + QStringLiteral(" WHERE id = ?"));
    bindLead(query, lead);
    query.addBindValue(lead.id);
    return exec(query) && query.numRowsAffected() == 1;
}

bool LeadRepository::setStatus(const QString& id, const QString& status, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE leads SET status = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(status);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    return exec(query);
}

bool LeadRepository::setDeleted(const QStringList& ids, bool deleted, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE leads SET deleted = ?, updated_at = ? WHERE id = ?"));
    for (const QString& id : ids) {
        query.addBindValue(deleted ? 1 : 0);
        query.addBindValue(Ids::toStorage(now));
        query.addBindValue(id);
        if (!exec(query))
            return false;
    }
    return true;
}

bool LeadRepository::setTags(const QString& id, const QStringList& tags, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE leads SET tags = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(text(tags.join(QLatin1Char(','))));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    return exec(query);
}

bool LeadRepository::touchContacted(const QString& id, const QDateTime& when)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE leads SET last_contacted_at = ? WHERE id = ?"));
    query.addBindValue(Ids::toStorage(when));
    query.addBindValue(id);
    return exec(query);
}

QStringList LeadRepository::distinctValues(const QString& column)
{
    if (column != QLatin1String("source") && column != QLatin1String("industry"))
        return {};
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // NOT INDEXED: without statistics SQLite takes "deleted = 0" for selective and visits nearly every row through
    // an index on deleted, five times slower than one pass over the table (~140 ms against ~30 ms at 100,000 leads).
    query.prepare(QStringLiteral("SELECT DISTINCT ") + column + QStringLiteral(" FROM leads NOT INDEXED WHERE deleted = 0 AND ")
        + column + QStringLiteral(" <> '' ORDER BY 1 COLLATE NOCASE LIMIT 500"));
    QStringList values;
    if (exec(query)) {
        while (query.next())
            values.append(query.value(0).toString());
    }
    return values;
}

QStringList LeadRepository::allTags()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // NOT INDEXED: see distinctValues().
    query.prepare(QStringLiteral("SELECT DISTINCT tags FROM leads NOT INDEXED WHERE deleted = 0 AND tags <> '' LIMIT 5000"));
    QStringList tags;
    if (exec(query)) {
        while (query.next()) {
            for (const QString& tag : query.value(0).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (!tags.contains(tag, Qt::CaseInsensitive))
                    tags.append(tag);
            }
        }
    }
    tags.sort(Qt::CaseInsensitive);
    return tags;
}

int LeadRepository::countAll()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0"));
    return query.next() ? query.value(0).toInt() : 0;
}
