#pragma once

#include "services/storage/WorkspaceInitializer.h"

#include <QHash>
#include <QJsonObject>
#include <QMetaType>
#include <QSqlDatabase>
#include <QStringList>

struct MergeRequest {
    QString masterId;
    QStringList duplicateIds;
    // Storage column (one of LeadMerger::mergeableFields()) → id of the lead whose value wins. Fields not listed
    // keep the master's value, except that an empty master value takes the first non-empty duplicate value.
    QHash<QString, QString> fieldChoices;
};

struct MergeResult {
    bool ok = false;
    QString error;
    QString mergeLogId;
};

// Merges duplicate leads into one master lead, and undoes such a merge. Runs on the database thread; each merge
// and each undo is one transaction, so a failure leaves nothing half done.
//
// A merge applies the field choices to the master, unions the tags (case-insensitive, the master's first), joins
// the duplicates' differing notes below the master's (unless "notes" was chosen), keeps an opt-out (do not call,
// email, SMS) that any of the leads had, moves every row that references a duplicate through lead_id (see
// LeadReferenceTables) to the master, tombstones the duplicates, writes a "merged" timeline entry on the master and
// a merge_log row holding what undo() needs.
class LeadMerger
{
public:
    // Timeline kind of the "merged" entry: Activity::Kind::Merge once models/ has it; read as a note until then.
    static constexpr const char* kMergeActivityKind = "merge";

    LeadMerger(QSqlDatabase db, WorkspaceIdentity identity);

    MergeResult merge(const MergeRequest& request);
    // Restores the master's values from before the merge, moves the moved rows back, brings the duplicates back and
    // removes the "merged" entry. Refuses when already undone or when a later merge involves the same leads.
    bool undo(const QString& mergeLogId, QString* error);

    // Storage columns a user can choose per field, in display order.
    static QStringList mergeableFields();

    // Ids involved in the last successful merge or undo (master first), for callers that refresh views.
    QStringList lastMasterAndDuplicates() const { return m_lastLeads; }

private:
    QString validate(const MergeRequest& request, const QHash<QString, QJsonObject>& rows) const;
    QString apply(const MergeRequest& request, const QString& mergeLogId);
    QString revert(const QString& mergeLogId);

    QSqlDatabase m_db;
    WorkspaceIdentity m_identity;
    QStringList m_lastLeads;
};

Q_DECLARE_METATYPE(MergeRequest)
Q_DECLARE_METATYPE(MergeResult)
