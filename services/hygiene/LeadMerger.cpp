#include "services/hygiene/LeadMerger.h"

#include "models/Ids.h"
#include "services/hygiene/LeadReferenceTables.h"
#include "services/hygiene/LeadSnapshot.h"
#include "services/hygiene/MergeLogRepository.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/LeadRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("LeadMerger", text);
}

// A choosable field and the column that travels with it (the raw phone with the E.164 one, the currency with the
// amount, the website's issues with the website).
struct MergeableField {
    const char* column;
    const char* companion;
};

// clang-format off
constexpr MergeableField kFields[] = {
    { "name", nullptr }, { "company", nullptr }, { "contact_person", nullptr }, { "title", nullptr },
    { "email", nullptr }, { "phone", "phone_raw" }, { "website", "website_issues" }, { "location", nullptr },
    { "status", nullptr }, { "source", nullptr }, { "industry", nullptr }, { "owner_id", nullptr },
    { "value_minor", "currency" }, { "notes", nullptr },
};
// clang-format on

// Consent withdrawn on any of the merged records stays withdrawn on the merged lead.
constexpr const char* kOptOuts[] = { "do_not_call", "email_opt_out", "sms_opt_out" };

QString column(const char* name)
{
    return QString::fromLatin1(name);
}

bool isFieldBlank(const QJsonObject& row, const MergeableField& field)
{
    if (!LeadSnapshot::isBlank(row.value(column(field.column))))
        return false;
    // A number that could not be parsed is still a phone number the user gave.
    return qstrcmp(field.column, "phone") != 0 || LeadSnapshot::isBlank(row.value(QStringLiteral("phone_raw")));
}

QStringList tagsOf(const QJsonObject& row)
{
    return row.value(QStringLiteral("tags")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QString labelOf(const QJsonObject& row)
{
    const QString name = row.value(QStringLiteral("name")).toString().trimmed();
    return name.isEmpty() ? row.value(QStringLiteral("id")).toString() : name;
}

// The master's notes, then each duplicate's notes that are not already there, separated by a blank line.
QString joinedNotes(const QJsonObject& master, const QList<QJsonObject>& duplicates)
{
    QStringList parts;
    const QString own = master.value(QStringLiteral("notes")).toString();
    if (!own.trimmed().isEmpty())
        parts.append(own);
    for (const QJsonObject& duplicate : duplicates) {
        const QString notes = duplicate.value(QStringLiteral("notes")).toString().trimmed();
        const bool known = std::any_of(
            parts.cbegin(), parts.cend(), [&notes](const QString& part) { return part.trimmed() == notes; });
        if (!notes.isEmpty() && !known)
            parts.append(notes);
    }
    return parts.join(QStringLiteral("\n\n"));
}
} // namespace

LeadMerger::LeadMerger(QSqlDatabase db, WorkspaceIdentity identity)
    : m_db(std::move(db))
    , m_identity(std::move(identity))
{ }

QStringList LeadMerger::mergeableFields()
{
    QStringList fields;
    for (const MergeableField& field : kFields)
        fields.append(column(field.column));
    return fields;
}

MergeResult LeadMerger::merge(const MergeRequest& request)
{
    MergeResult result;
    if (!m_db.isOpen()) {
        result.error = tr("The workspace is not open.");
        return result;
    }
    if (!m_db.transaction()) {
        result.error = m_db.lastError().text();
        return result;
    }
    const QString mergeLogId = Ids::newId();
    result.error = apply(request, mergeLogId);
    if (result.error.isEmpty() && !m_db.commit())
        result.error = m_db.lastError().text();
    if (!result.error.isEmpty()) {
        m_db.rollback();
        return result;
    }
    m_lastLeads = QStringList { request.masterId } + request.duplicateIds;
    result.ok = true;
    result.mergeLogId = mergeLogId;
    return result;
}

QString LeadMerger::validate(const MergeRequest& request, const QHash<QString, QJsonObject>& rows) const
{
    if (request.masterId.isEmpty())
        return tr("Choose the lead to keep.");
    if (request.duplicateIds.isEmpty())
        return tr("Choose at least one lead to merge into it.");
    if (request.duplicateIds.contains(request.masterId))
        return tr("A lead cannot be merged into itself.");
    if (QSet<QString>(request.duplicateIds.cbegin(), request.duplicateIds.cend()).size() != request.duplicateIds.size())
        return tr("The same lead is listed twice.");
    const auto master = rows.constFind(request.masterId);
    if (master == rows.cend())
        return tr("The lead to keep no longer exists.");
    if (master->value(QStringLiteral("deleted")).toInteger() != 0)
        return tr("The lead to keep, %1, has been deleted.").arg(labelOf(*master));
    for (const QString& id : request.duplicateIds) {
        const auto duplicate = rows.constFind(id);
        if (duplicate == rows.cend())
            return tr("One of the leads to merge no longer exists.");
        if (duplicate->value(QStringLiteral("deleted")).toInteger() != 0)
            return tr("%1 has been deleted and cannot be merged.").arg(labelOf(*duplicate));
    }
    const QStringList fields = mergeableFields();
    for (auto it = request.fieldChoices.cbegin(); it != request.fieldChoices.cend(); ++it) {
        if (!fields.contains(it.key()))
            return tr("“%1” is not a field that can be merged.").arg(it.key());
        if (it.value() != request.masterId && !request.duplicateIds.contains(it.value()))
            return tr("The value for “%1” must come from one of the merged leads.").arg(it.key());
    }
    return {};
}

QString LeadMerger::apply(const MergeRequest& request, const QString& mergeLogId)
{
    LeadSnapshot snapshot(m_db);
    const QHash<QString, QJsonObject> rows = snapshot.read(QStringList { request.masterId } + request.duplicateIds);
    if (!snapshot.lastError().isEmpty())
        return snapshot.lastError();
    const QString invalid = validate(request, rows);
    if (!invalid.isEmpty())
        return invalid;

    const QJsonObject before = rows.value(request.masterId);
    QList<QJsonObject> duplicates;
    for (const QString& id : request.duplicateIds)
        duplicates.append(rows.value(id));

    QJsonObject changes;
    for (const MergeableField& field : kFields) {
        const QString name = column(field.column);
        QString source = request.fieldChoices.value(name);
        if (source.isEmpty() && name != QLatin1String("notes") && isFieldBlank(before, field)) {
            const auto filled = std::find_if(duplicates.cbegin(), duplicates.cend(),
                [&field](const QJsonObject& row) { return !isFieldBlank(row, field); });
            if (filled != duplicates.cend())
                source = filled->value(QStringLiteral("id")).toString();
        }
        if (source.isEmpty() || source == request.masterId)
            continue;
        changes.insert(name, rows.value(source).value(name));
        if (field.companion)
            changes.insert(column(field.companion), rows.value(source).value(column(field.companion)));
    }
    if (!request.fieldChoices.contains(QStringLiteral("notes")))
        changes.insert(QStringLiteral("notes"), joinedNotes(before, duplicates));

    QStringList tags = tagsOf(before);
    for (const QJsonObject& duplicate : std::as_const(duplicates)) {
        for (const QString& tag : tagsOf(duplicate)) {
            if (!tags.contains(tag, Qt::CaseInsensitive))
                tags.append(tag);
        }
    }
    changes.insert(QStringLiteral("tags"), tags.join(QLatin1Char(',')));
    QString lastContacted = before.value(QStringLiteral("last_contacted_at")).toString();
    for (const QJsonObject& duplicate : std::as_const(duplicates)) {
        for (const char* optOut : kOptOuts) {
            if (duplicate.value(column(optOut)).toInteger() != 0)
                changes.insert(column(optOut), 1);
        }
        lastContacted = std::max(lastContacted, duplicate.value(QStringLiteral("last_contacted_at")).toString());
    }
    if (!lastContacted.isEmpty())
        changes.insert(QStringLiteral("last_contacted_at"), lastContacted);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!snapshot.write(request.masterId, changes, now))
        return snapshot.lastError();
    LeadReferenceTables references(m_db);
    QJsonObject moved;
    if (!references.moveAll(request.duplicateIds, request.masterId, now, &moved))
        return references.lastError();
    LeadRepository leads(m_db);
    if (!leads.setDeleted(request.duplicateIds, true, now))
        return leads.lastError();

    QStringList names;
    for (const QJsonObject& duplicate : std::as_const(duplicates))
        names.append(labelOf(duplicate));
    const QString activityId = Ids::newId();
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO activities (id, org_id, lead_id, kind, body, meta, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(activityId);
    query.addBindValue(m_identity.orgId);
    query.addBindValue(request.masterId);
    query.addBindValue(QString::fromLatin1(kMergeActivityKind));
    query.addBindValue(
        QCoreApplication::translate("LeadMerger", "Merged %n lead(s) into this one: %1", nullptr, int(names.size()))
            .arg(names.join(QStringLiteral(", "))));
    const QJsonObject meta { { QStringLiteral("merge_log_id"), mergeLogId },
        { QStringLiteral("merged_ids"), QJsonArray::fromStringList(request.duplicateIds) },
        { QStringLiteral("merged_names"), QJsonArray::fromStringList(names) } };
    query.addBindValue(QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact)));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(Ids::toStorage(now));
    if (!query.exec())
        return query.lastError().text();

    MergeLogEntry entry;
    entry.id = mergeLogId;
    entry.orgId = m_identity.orgId;
    entry.masterId = request.masterId;
    entry.mergedIds = request.duplicateIds;
    for (auto it = request.fieldChoices.cbegin(); it != request.fieldChoices.cend(); ++it)
        entry.fieldChoices.insert(it.key(), it.value());
    entry.before = before;
    entry.moved = moved;
    entry.activityId = activityId;
    entry.mergedBy = m_identity.userId;
    entry.createdAt = now;
    MergeLogRepository log(m_db);
    return log.insert(entry) ? QString() : log.lastError();
}

bool LeadMerger::undo(const QString& mergeLogId, QString* error)
{
    QString message;
    if (!m_db.isOpen())
        message = tr("The workspace is not open.");
    else if (!m_db.transaction())
        message = m_db.lastError().text();
    else {
        message = revert(mergeLogId);
        if (message.isEmpty() && !m_db.commit())
            message = m_db.lastError().text();
        if (!message.isEmpty())
            m_db.rollback();
    }
    if (error)
        *error = message;
    return message.isEmpty();
}

QString LeadMerger::revert(const QString& mergeLogId)
{
    MergeLogRepository log(m_db);
    const std::optional<MergeLogEntry> entry = log.find(mergeLogId);
    if (!entry)
        return log.lastError().isEmpty() ? tr("This merge is no longer in the merge history.") : log.lastError();
    if (entry->undoneAt.isValid())
        return tr("This merge was already undone.");
    QSet<QString> involved(entry->mergedIds.cbegin(), entry->mergedIds.cend());
    involved.insert(entry->masterId);
    for (const MergeLogEntry& later : log.activeAfter(*entry)) {
        QSet<QString> laterIds(later.mergedIds.cbegin(), later.mergedIds.cend());
        laterIds.insert(later.masterId);
        if (laterIds.intersects(involved))
            return tr("These leads were merged again later. Undo that merge first.");
    }
    if (!log.lastError().isEmpty())
        return log.lastError();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    LeadSnapshot snapshot(m_db);
    if (!snapshot.write(entry->masterId, entry->before, now))
        return snapshot.lastError();
    LeadReferenceTables references(m_db);
    if (!references.moveBack(entry->moved, entry->masterId, now))
        return references.lastError();
    LeadRepository leads(m_db);
    if (!leads.setDeleted(entry->mergedIds, false, now))
        return leads.lastError();
    ActivityRepository activities(m_db);
    if (!entry->activityId.isEmpty() && !activities.setDeleted(entry->activityId, true, now))
        return activities.lastError();
    if (!log.markUndone(mergeLogId, now))
        return log.lastError();
    m_lastLeads = QStringList { entry->masterId } + entry->mergedIds;
    return {};
}
