#pragma once

#include "models/calling/CallRecord.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

// Which calls a list shows; empty fields do not filter. Dates are UTC days, inclusive.
struct CallQuery
{
    QString leadId;
    QString agentRunId;
    QString leadName; // part of the lead's name, case-insensitive
    std::optional<CallRecord::Status> status;
    std::optional<CallRecord::Outcome> outcome;
    QDate from;
    QDate to;
    int limit = 500;
    int offset = 0;
};

// Figures of the Analytics tab (seed 000 §3.4 GET /calls/stats).
struct CallStats
{
    int total = 0;
    int today = 0;
    int booked = 0;
    int followUp = 0;
    int notInterested = 0;
    int noAnswer = 0;
    int failed = 0;
    double averageDurationSeconds = 0; // over calls that connected (duration > 0)
    double conversionRate = 0; // booked / connected calls (no failures, no no-answers), 0…1
    QList<QPair<QDate, int>> perDay; // calls per UTC day, oldest first, days without calls included
    QList<QPair<QDate, int>> bookedPerDay;
};

// SQL for the calls table. Runs on the database thread; the caller owns the transaction.
class CallRepository
{
public:
    explicit CallRepository(QSqlDatabase db);

    bool insert(const CallRecord& call);
    // Writes every column but id, org_id, lead_id and created_at.
    bool update(const CallRecord& call);
    std::optional<CallRecord> find(const QString& id);
    QList<CallRecord> list(const CallQuery& query);
    // Calls that are queued, ringing or in progress (a restart resumes following them).
    QList<CallRecord> active();
    bool hasActiveCall(const QString& leadId);
    // The newest call an agent placed to a lead.
    std::optional<CallRecord> latestForAgentLead(const QString& agentRunId, const QString& leadId);
    int countForAgentLead(const QString& agentRunId, const QString& leadId);
    CallStats stats(const QDate& today, int days);
    QString lastError() const { return m_lastError; }

private:
    bool exec(QSqlQuery& query);
    static CallRecord read(const QSqlQuery& query);

    QSqlDatabase m_db;
    QString m_lastError;
};
