#pragma once

#include "services/pricing/DealValueEstimator.h"

#include <QHash>
#include <QSqlDatabase>

// A lead's estimated deal value: the org's active price list matched against everything said about the lead —
// its notes field, the notes, calls, e-mails, SMS and meetings on its timeline, and call transcripts once a calls
// table with a transcript column exists. The estimate is in the lead's currency (services in other currencies are
// listed, not converted). Runs on the database thread.
class LeadValueEstimation
{
public:
    static DealValueEstimate estimate(QSqlDatabase& db, const QString& orgId, const QString& leadId);
    // Many leads with one read of the price list; leads that do not exist are left out.
    static QHash<QString, DealValueEstimate> estimate(
        QSqlDatabase& db, const QString& orgId, const QStringList& leadIds);
    // The text that is matched, each source on its own line; empty when the lead does not exist.
    static QString leadText(QSqlDatabase& db, const QString& leadId);

private:
    // False when the lead does not exist.
    static bool readLead(QSqlDatabase& db, const QString& leadId, QString* text, QString* currency);
    static bool hasCallTranscripts(QSqlDatabase& db);
};
