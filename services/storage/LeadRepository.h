#pragma once

#include "models/Lead.h"
#include "models/LeadFilter.h"
#include "models/LeadListSource.h"

#include <QSqlDatabase>

#include <memory>
#include <optional>

class QSqlQuery;

// Every SQL statement about leads. Runs on whichever thread owns the connection it is given.
class LeadRepository
{
public:
    explicit LeadRepository(QSqlDatabase db);
    ~LeadRepository();

    LeadPage page(const LeadFilter& filter, int offset, int limit);
    std::optional<Lead> find(const QString& id);
    QList<Lead> findMany(const QStringList& ids);
    // Reuses one prepared statement for every insert through this repository (demo data, imports).
    bool insert(const Lead& lead);
    // Bulk path for imports (LeadBulkInserter): indexes the new rows once, not row by row. All or nothing.
    bool insertMany(const QList<Lead>& leads);
    bool update(const Lead& lead);
    bool setStatus(const QString& id, const QString& status, const QDateTime& now);
    bool setDeleted(const QStringList& ids, bool deleted, const QDateTime& now);
    bool setTags(const QString& id, const QStringList& tags, const QDateTime& now);
    bool touchContacted(const QString& id, const QDateTime& when);
    // Distinct non-empty values of "source" or "industry" for filter pickers.
    QStringList distinctValues(const QString& column);
    QStringList allTags();
    int countAll();

    QString lastError() const { return m_lastError; }

    // FTS5 MATCH text for what the user typed: each word becomes a quoted prefix term, so operators and quotes
    // in the input are plain text.
    static QString ftsQuery(const QString& search);

private:
    void bindLead(QSqlQuery& query, const Lead& lead) const;
    static Lead readLead(const QSqlQuery& query);
    // Every filter but the search text.
    QString whereClause(const LeadFilter& filter, QVariantList* values) const;
    bool readTotals(const LeadFilter& filter, const QString& match, LeadPage* page);
    QStringList currenciesInUse();
    bool readFilteredTotals(const QString& from, const QString& where, QVariantList values, LeadPage* page);
    static QString orderClause(const LeadFilter& filter);
    bool exec(QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
    std::unique_ptr<QSqlQuery> m_insert;
};
