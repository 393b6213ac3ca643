#include "services/calling/CallLibraryRepository.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString kObjectionColumns = QStringLiteral(
    "o.id, o.objection, o.response, o.category, o.tags, o.playbook_ids, o.created_at, o.updated_at, o.rev, o.deleted");
const QString kPlaybookColumns
    = QStringLiteral("id, name, description, stage_key, content, created_at, updated_at, rev, deleted");

QString listJson(const QStringList& list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringList(const QJsonValue& value)
{
    QStringList strings;
    for (const QJsonValue& item : value.toArray()) {
        if (item.isString())
            strings.append(item.toString());
    }
    return strings;
}

QStringList listFromJson(const QByteArray& json)
{
    return stringList(QJsonDocument::fromJson(json).array());
}

// seed 001 §19.2's content shape.
QString contentJson(const Playbook& p)
{
    const QJsonObject tracks { { QStringLiteral("opening"), p.openingTrack },
        { QStringLiteral("valueProposition"), p.valuePropositionTrack }, { QStringLiteral("close"), p.closeTrack } };
    const QJsonObject content { { QStringLiteral("recommendedActions"), QJsonArray::fromStringList(p.recommendedActions) },
        { QStringLiteral("qualifyingQuestions"), QJsonArray::fromStringList(p.qualifyingQuestions) },
        { QStringLiteral("talkTracks"), tracks } };
    return QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

Objection readObjection(const QSqlQuery& query)
{
    Objection o;
    int i = 0;
    o.id = query.value(i++).toString();
    o.objection = query.value(i++).toString();
    o.response = query.value(i++).toString();
    o.category = query.value(i++).toString();
    o.tags = listFromJson(query.value(i++).toByteArray());
    o.playbookIds = listFromJson(query.value(i++).toByteArray());
    o.createdAt = Ids::fromStorage(query.value(i++).toString());
    o.updatedAt = Ids::fromStorage(query.value(i++).toString());
    o.rev = query.value(i++).toLongLong();
    o.deleted = query.value(i++).toInt() != 0;
    o.scriptCount = query.value(i++).toInt();
    return o;
}

Playbook readPlaybook(const QSqlQuery& query)
{
    Playbook p;
    int i = 0;
    p.id = query.value(i++).toString();
    p.name = query.value(i++).toString();
    p.description = query.value(i++).toString();
    p.stageKey = query.value(i++).toString();
    const QJsonObject content = QJsonDocument::fromJson(query.value(i++).toByteArray()).object();
    p.recommendedActions = stringList(content.value(QLatin1String("recommendedActions")));
    p.qualifyingQuestions = stringList(content.value(QLatin1String("qualifyingQuestions")));
    const QJsonObject tracks = content.value(QLatin1String("talkTracks")).toObject();
    p.openingTrack = tracks.value(QLatin1String("opening")).toString();
    p.valuePropositionTrack = tracks.value(QLatin1String("valueProposition")).toString();
    p.closeTrack = tracks.value(QLatin1String("close")).toString();
    p.createdAt = Ids::fromStorage(query.value(i++).toString());
    p.updatedAt = Ids::fromStorage(query.value(i++).toString());
    p.rev = query.value(i++).toLongLong();
    p.deleted = query.value(i++).toInt() != 0;
    return p;
}

const QString kScriptCount = QStringLiteral(
    ", (SELECT count(*) FROM call_script_objections l JOIN call_scripts s ON s.id = l.script_id "
    "WHERE l.objection_id = o.id AND l.deleted = 0 AND s.deleted = 0) FROM objections o");
} // namespace

CallLibraryRepository::CallLibraryRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool CallLibraryRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

bool CallLibraryRepository::affectedOne(QSqlQuery& query)
{
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("CallLibraryRepository", "The library entry no longer exists.");
    return false;
}

QList<Objection> CallLibraryRepository::objections(const QString& orgId, bool includeDeleted)
{
    QList<Objection> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kObjectionColumns + kScriptCount + QStringLiteral(" WHERE o.org_id = ?")
        + (includeDeleted ? QString() : QStringLiteral(" AND o.deleted = 0"))
        + QStringLiteral(" ORDER BY o.category COLLATE NOCASE, o.objection COLLATE NOCASE, o.id"));
    query.addBindValue(orgId);
    if (!exec(query))
        return result;
    while (query.next())
        result.append(readObjection(query));
    return result;
}

std::optional<Objection> CallLibraryRepository::findObjection(const QString& id)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kObjectionColumns + kScriptCount + QStringLiteral(" WHERE o.id = ?"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readObjection(query);
}

bool CallLibraryRepository::insertObjection(const Objection& o, const QString& orgId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO objections (id, org_id, objection, response, category, tags, "
                                 "playbook_ids, created_at, updated_at, rev, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?)"));
    for (const QVariant& value : { QVariant(o.id), QVariant(orgId), SqlValues::text(o.objection),
             SqlValues::text(o.response), SqlValues::text(o.category), QVariant(listJson(o.tags)),
             QVariant(listJson(o.playbookIds)), QVariant(Ids::toStorage(o.createdAt)),
             QVariant(Ids::toStorage(o.updatedAt)), QVariant(o.rev), QVariant(o.deleted ? 1 : 0) })
        query.addBindValue(value);
    return exec(query);
}

bool CallLibraryRepository::updateObjection(const Objection& o)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE objections SET objection = ?, response = ?, category = ?, tags = ?, "
                                 "playbook_ids = ?, updated_at = ?, deleted = ?, rev = rev + 1 WHERE id = ?"));
    for (const QVariant& value : { SqlValues::text(o.objection), SqlValues::text(o.response),
             SqlValues::text(o.category), QVariant(listJson(o.tags)), QVariant(listJson(o.playbookIds)),
             QVariant(Ids::toStorage(o.updatedAt)), QVariant(o.deleted ? 1 : 0), QVariant(o.id) })
        query.addBindValue(value);
    return affectedOne(query);
}

QList<Playbook> CallLibraryRepository::playbooks(const QString& orgId, bool includeDeleted)
{
    QList<Playbook> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kPlaybookColumns + QStringLiteral(" FROM playbooks WHERE org_id = ?")
        + (includeDeleted ? QString() : QStringLiteral(" AND deleted = 0"))
        + QStringLiteral(" ORDER BY name COLLATE NOCASE, id"));
    query.addBindValue(orgId);
    if (!exec(query))
        return result;
    while (query.next())
        result.append(readPlaybook(query));
    return result;
}

std::optional<Playbook> CallLibraryRepository::findPlaybook(const QString& id)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kPlaybookColumns + QStringLiteral(" FROM playbooks WHERE id = ?"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return readPlaybook(query);
}

bool CallLibraryRepository::insertPlaybook(const Playbook& p, const QString& orgId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO playbooks (") + kPlaybookColumns
        + QStringLiteral(", org_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : { QVariant(p.id), SqlValues::text(p.name), SqlValues::text(p.description),
             SqlValues::text(p.stageKey), QVariant(contentJson(p)), QVariant(Ids::toStorage(p.createdAt)),
             QVariant(Ids::toStorage(p.updatedAt)), QVariant(p.rev), QVariant(p.deleted ? 1 : 0), QVariant(orgId) })
        query.addBindValue(value);
    return exec(query);
}

bool CallLibraryRepository::updatePlaybook(const Playbook& p)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE playbooks SET name = ?, description = ?, stage_key = ?, content = ?, "
                                 "updated_at = ?, deleted = ?, rev = rev + 1 WHERE id = ?"));
    for (const QVariant& value : { SqlValues::text(p.name), SqlValues::text(p.description), SqlValues::text(p.stageKey),
             QVariant(contentJson(p)), QVariant(Ids::toStorage(p.updatedAt)), QVariant(p.deleted ? 1 : 0),
             QVariant(p.id) })
        query.addBindValue(value);
    return affectedOne(query);
}

bool CallLibraryRepository::setDeleted(const QString& table, const QString& id, bool deleted, const QDateTime& now)
{
    // table is one of two names chosen by the store, never user input.
    const QString name = table == QLatin1String("playbooks") ? QStringLiteral("playbooks") : QStringLiteral("objections");
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE ") + name + QStringLiteral(" SET deleted = ?, updated_at = ?, rev = rev + 1 "
                                                                    "WHERE id = ?"));
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    return affectedOne(query);
}

QString CallLibraryRepository::orgIdOf(const QString& table, const QString& id)
{
    const QString name = table == QLatin1String("playbooks") ? QStringLiteral("playbooks") : QStringLiteral("objections");
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT org_id FROM ") + name + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    return exec(query) && query.next() ? query.value(0).toString() : QString();
}
