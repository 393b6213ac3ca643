#pragma once

#include <QString>

class DatabaseExecutor;
class PgConnection;
struct OutboxEntry;

// A push the server refused (for lack of rights, or an edit it took for a new row because it hides the row): was it a
// change to a lead, or to a row of a lead
// (note, proposal, call, analysis), that the member may no longer see, because the lead was reassigned to someone else
// while the change waited? Such a change will never be taken; the sync worker moves it out of the outbox
// (RejectedChangeStore) and tells the user, instead of retrying it and reporting the server's raw refusal forever.
class OutOfViewChangeCheck
{
public:
    OutOfViewChangeCheck(PgConnection& pg, DatabaseExecutor* executor);

    // True when the entry's lead is known and the server does not show it to the member. False also when the server
    // could not be asked (failed(); sqlState() / errorText() then say why).
    bool leadLeftView(const OutboxEntry& entry);
    bool failed() const { return m_failed; }
    QString leadId() const { return m_leadId; }
    QString sqlState() const { return m_sqlState; }
    QString errorText() const { return m_error; }

    // What the user reads (translated).
    static QString message();

private:
    QString leadOf(const OutboxEntry& entry);

    PgConnection& m_pg;
    DatabaseExecutor* m_executor;
    QString m_leadId;
    bool m_failed = false;
    QString m_sqlState;
    QString m_error;
};
