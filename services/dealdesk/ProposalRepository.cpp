#include "services/dealdesk/ProposalRepository.h"

#include "models/Ids.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Column order shared by SELECT and read().
const QString kColumns = QStringLiteral(
    "id, org_id, lead_id, title, status, currency, valid_until, sent_at, accepted_at, rejected_at, rejection_reason, "
    "sections, lines, created_at, updated_at, rev, deleted");

QVariant nullableTime(const QDateTime& time)
{
    return time.isValid() ? QVariant(Ids::toStorage(time)) : QVariant(QMetaType(QMetaType::QString));
}

QVariant nullableDate(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

// A null QString binds as SQL NULL; the text columns are NOT NULL, so "nothing" is stored as ''.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString json(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QDateTime optionalTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : Ids::fromStorage(value.toString());
}
} // namespace

ProposalRepository::ProposalRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool ProposalRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

Proposal ProposalRepository::read(const QSqlQuery& query)
{
    Proposal proposal;
    int i = 0;
    proposal.id = query.value(i++).toString();
    proposal.orgId = query.value(i++).toString();
    proposal.leadId = query.value(i++).toString();
    proposal.title = query.value(i++).toString();
    proposal.status = Proposal::statusFromKey(query.value(i++).toString()).value_or(Proposal::Status::Draft);
    proposal.currency = query.value(i++).toString();
    const QVariant validUntil = query.value(i++);
    proposal.validUntil = validUntil.isNull() ? QDate() : QDate::fromString(validUntil.toString(), Qt::ISODate);
    proposal.sentAt = optionalTime(query.value(i++));
    proposal.acceptedAt = optionalTime(query.value(i++));
    proposal.rejectedAt = optionalTime(query.value(i++));
    proposal.rejectionReason = query.value(i++).toString();
    proposal.sections = Proposal::sectionsFromJson(QJsonDocument::fromJson(query.value(i++).toByteArray()).array());
    proposal.lines = Proposal::linesFromJson(QJsonDocument::fromJson(query.value(i++).toByteArray()).array());
    proposal.createdAt = Ids::fromStorage(query.value(i++).toString());
    proposal.updatedAt = Ids::fromStorage(query.value(i++).toString());
    proposal.rev = query.value(i++).toLongLong();
    proposal.deleted = query.value(i++).toInt() != 0;
    return proposal;
}

QList<Proposal> ProposalRepository::list(const ProposalQuery& filter)
{
    QStringList clauses;
    QVariantList values;
    if (!filter.includeDeleted)
        clauses.append(QStringLiteral("deleted = 0"));
    if (!filter.leadId.isEmpty()) {
        clauses.append(QStringLiteral("lead_id = ?"));
        values.append(filter.leadId);
    }
    if (filter.status) {
        clauses.append(QStringLiteral("status = ?"));
        values.append(Proposal::statusKey(*filter.status));
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM proposals");
    if (!clauses.isEmpty())
        sql += QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY updated_at DESC, id DESC");

    QList<Proposal> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant& value : std::as_const(values))
        query.addBindValue(value);
    if (!exec(query))
        return result;
    while (query.next())
        result.append(read(query));
    return result;
}

std::optional<Proposal> ProposalRepository::find(const QString& id)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM proposals WHERE id = ?"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return read(query);
}

bool ProposalRepository::insert(const Proposal& p)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO proposals (") + kColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : { QVariant(p.id), QVariant(p.orgId), QVariant(p.leadId), text(p.title),
             QVariant(Proposal::statusKey(p.status)), text(p.currency), nullableDate(p.validUntil),
             nullableTime(p.sentAt), nullableTime(p.acceptedAt), nullableTime(p.rejectedAt), text(p.rejectionReason),
             QVariant(json(Proposal::sectionsToJson(p.sections))), QVariant(json(Proposal::linesToJson(p.lines))),
             QVariant(Ids::toStorage(p.createdAt)), QVariant(Ids::toStorage(p.updatedAt)), QVariant(p.rev),
             QVariant(p.deleted ? 1 : 0) }) {
        query.addBindValue(value);
    }
    return exec(query);
}

bool ProposalRepository::update(const Proposal& p)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE proposals SET lead_id = ?, title = ?, status = ?, currency = ?, valid_until = ?, sent_at = ?, "
        "accepted_at = ?, rejected_at = ?, rejection_reason = ?, sections = ?, lines = ?, updated_at = ?, "
        "deleted = ?, rev = rev + 1 WHERE id = ?"));
    for (const QVariant& value : { QVariant(p.leadId), text(p.title), QVariant(Proposal::statusKey(p.status)),
             text(p.currency), nullableDate(p.validUntil), nullableTime(p.sentAt), nullableTime(p.acceptedAt),
             nullableTime(p.rejectedAt), text(p.rejectionReason), QVariant(json(Proposal::sectionsToJson(p.sections))),
             QVariant(json(Proposal::linesToJson(p.lines))), QVariant(Ids::toStorage(p.updatedAt)),
             QVariant(p.deleted ? 1 : 0), QVariant(p.id) }) {
        query.addBindValue(value);
    }
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("ProposalRepository", "The proposal no longer exists.");
    return false;
}

bool ProposalRepository::setDeleted(const QString& id, bool deleted, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE proposals SET deleted = ?, updated_at = ?, rev = rev + 1 WHERE id = ?"));
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("ProposalRepository", "The proposal no longer exists.");
    return false;
}
