#include "services/calling/CallScriptRepository.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// Column order shared by SELECT, INSERT and read().
const QString kColumns = QStringLiteral(
    "id, name, purpose, industry, opening_line, talking_points, objection_handlers, rate_min_minor, rate_max_minor, "
    "currency, closing_strategy, voice_id, llm_model, language, temperature, usage_count, created_at, updated_at, rev, "
    "deleted");

QString compact(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString handlersJson(const QList<ObjectionHandler>& handlers)
{
    QJsonArray array;
    for (const ObjectionHandler& handler : handlers)
        array.append(QJsonObject { { QStringLiteral("objection"), handler.objection },
            { QStringLiteral("response"), handler.response } });
    return compact(array);
}

QList<ObjectionHandler> handlersFromJson(const QByteArray& json)
{
    QList<ObjectionHandler> handlers;
    for (const QJsonValue& value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject object = value.toObject();
        handlers.append({ object.value(QLatin1String("objection")).toString(),
            object.value(QLatin1String("response")).toString() });
    }
    return handlers;
}

QStringList stringsFromJson(const QByteArray& json)
{
    QStringList strings;
    for (const QJsonValue& value : QJsonDocument::fromJson(json).array()) {
        if (value.isString())
            strings.append(value.toString());
    }
    return strings;
}

CallScriptEntry read(const QSqlQuery& query)
{
    CallScriptEntry entry;
    CallScript& s = entry.script;
    int i = 0;
    s.id = query.value(i++).toString();
    s.name = query.value(i++).toString();
    s.purpose = query.value(i++).toString();
    s.industry = query.value(i++).toString();
    s.openingLine = query.value(i++).toString();
    s.talkingPoints = stringsFromJson(query.value(i++).toByteArray());
    s.objectionHandlers = handlersFromJson(query.value(i++).toByteArray());
    s.rateMinMinor = query.value(i++).toLongLong();
    s.rateMaxMinor = query.value(i++).toLongLong();
    s.currency = query.value(i++).toString();
    s.closingStrategy = query.value(i++).toString();
    s.voiceId = query.value(i++).toString();
    s.llmModel = query.value(i++).toString();
    s.language = query.value(i++).toString();
    s.temperature = query.value(i++).toDouble();
    s.usageCount = query.value(i++).toInt();
    s.createdAt = Ids::fromStorage(query.value(i++).toString());
    s.updatedAt = Ids::fromStorage(query.value(i++).toString());
    entry.rev = query.value(i++).toLongLong();
    entry.deleted = query.value(i++).toInt() != 0;
    return entry;
}

QString notFound()
{
    return QCoreApplication::translate("CallScriptRepository", "The script no longer exists.");
}
} // namespace

CallScriptRepository::CallScriptRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool CallScriptRepository::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

QStringList CallScriptRepository::linkedObjectionIds(const QString& scriptId)
{
    QStringList ids;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT l.objection_id FROM call_script_objections l JOIN objections o ON "
                                 "o.id = l.objection_id WHERE l.script_id = ? AND l.deleted = 0 AND o.deleted = 0 "
                                 "ORDER BY l.position, l.id"));
    query.addBindValue(scriptId);
    if (!exec(query))
        return ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

QList<CallScriptEntry> CallScriptRepository::list(const QString& orgId, bool includeDeleted)
{
    QList<CallScriptEntry> result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM call_scripts WHERE org_id = ?")
        + (includeDeleted ? QString() : QStringLiteral(" AND deleted = 0"))
        + QStringLiteral(" ORDER BY name COLLATE NOCASE, id"));
    query.addBindValue(orgId);
    if (!exec(query))
        return result;
    while (query.next())
        result.append(read(query));
    for (CallScriptEntry& entry : result)
        entry.libraryObjectionIds = linkedObjectionIds(entry.script.id);
    return result;
}

std::optional<CallScriptEntry> CallScriptRepository::find(const QString& id)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM call_scripts WHERE id = ?"));
    query.addBindValue(id);
    if (!exec(query) || !query.next())
        return std::nullopt;
    CallScriptEntry entry = read(query);
    query.finish();
    entry.libraryObjectionIds = linkedObjectionIds(id);
    return entry;
}

QString CallScriptRepository::orgIdOf(const QString& id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT org_id FROM call_scripts WHERE id = ?"));
    query.addBindValue(id);
    return exec(query) && query.next() ? query.value(0).toString() : QString();
}

bool CallScriptRepository::insert(const CallScriptEntry& entry, const QString& orgId)
{
    const CallScript& s = entry.script;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO call_scripts (org_id, ") + kColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QJsonArray points;
    for (const QString& point : s.talkingPoints)
        points.append(point);
    for (const QVariant& value : { QVariant(orgId), QVariant(s.id), SqlValues::text(s.name), SqlValues::text(s.purpose),
             SqlValues::text(s.industry), SqlValues::text(s.openingLine), QVariant(compact(points)),
             QVariant(handlersJson(s.objectionHandlers)), QVariant(s.rateMinMinor), QVariant(s.rateMaxMinor),
             SqlValues::text(s.currency), SqlValues::text(s.closingStrategy), SqlValues::text(s.voiceId),
             SqlValues::text(s.llmModel), SqlValues::text(s.language), QVariant(s.temperature), QVariant(s.usageCount),
             QVariant(Ids::toStorage(s.createdAt)), QVariant(Ids::toStorage(s.updatedAt)), QVariant(entry.rev),
             QVariant(entry.deleted ? 1 : 0) }) {
        query.addBindValue(value);
    }
    return exec(query);
}

bool CallScriptRepository::update(const CallScriptEntry& entry)
{
    const CallScript& s = entry.script;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE call_scripts SET name = ?, purpose = ?, industry = ?, opening_line = ?, talking_points = ?, "
        "objection_handlers = ?, rate_min_minor = ?, rate_max_minor = ?, currency = ?, closing_strategy = ?, "
        "voice_id = ?, llm_model = ?, language = ?, temperature = ?, updated_at = ?, deleted = ?, rev = rev + 1 "
        "WHERE id = ?"));
    QJsonArray points;
    for (const QString& point : s.talkingPoints)
        points.append(point);
    for (const QVariant& value : { SqlValues::text(s.name), SqlValues::text(s.purpose), SqlValues::text(s.industry),
             SqlValues::text(s.openingLine), QVariant(compact(points)), QVariant(handlersJson(s.objectionHandlers)),
             QVariant(s.rateMinMinor), QVariant(s.rateMaxMinor), SqlValues::text(s.currency),
             SqlValues::text(s.closingStrategy), SqlValues::text(s.voiceId), SqlValues::text(s.llmModel),
             SqlValues::text(s.language), QVariant(s.temperature), QVariant(Ids::toStorage(s.updatedAt)),
             QVariant(entry.deleted ? 1 : 0), QVariant(s.id) }) {
        query.addBindValue(value);
    }
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = notFound();
    return false;
}

bool CallScriptRepository::setDeleted(const QString& id, bool deleted, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE call_scripts SET deleted = ?, updated_at = ?, rev = rev + 1 WHERE id = ?"));
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = notFound();
    return false;
}

bool CallScriptRepository::incrementUsage(const QString& id, const QDateTime& now)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE call_scripts SET usage_count = usage_count + 1, updated_at = ?, "
                                 "rev = rev + 1 WHERE id = ? AND deleted = 0"));
    query.addBindValue(Ids::toStorage(now));
    query.addBindValue(id);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = notFound();
    return false;
}

bool CallScriptRepository::setLinkedObjections(
    const QString& scriptId, const QString& orgId, const QStringList& objectionIds, const QDateTime& now)
{
    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT id, objection_id, position, deleted FROM call_script_objections "
                                    "WHERE script_id = ?"));
    existing.addBindValue(scriptId);
    if (!exec(existing))
        return false;
    struct Link
    {
        QString id;
        int position = 0;
        bool deleted = false;
    };
    QHash<QString, Link> links;
    while (existing.next())
        links.insert(existing.value(1).toString(),
            { existing.value(0).toString(), existing.value(2).toInt(), existing.value(3).toInt() != 0 });
    existing.finish();

    const QString stamp = Ids::toStorage(now);
    QSqlQuery write(m_db);
    for (int position = 0; position < objectionIds.size(); ++position) {
        const QString& objectionId = objectionIds.at(position);
        const auto found = links.constFind(objectionId);
        if (found == links.cend()) {
            write.prepare(QStringLiteral("INSERT INTO call_script_objections (id, org_id, script_id, objection_id, "
                                         "position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant& value : { QVariant(Ids::newId()), QVariant(orgId), QVariant(scriptId),
                     QVariant(objectionId), QVariant(position), QVariant(stamp), QVariant(stamp) })
                write.addBindValue(value);
        } else if (found->deleted || found->position != position) {
            write.prepare(QStringLiteral("UPDATE call_script_objections SET position = ?, deleted = 0, "
                                         "updated_at = ?, rev = rev + 1 WHERE id = ?"));
            write.addBindValue(position);
            write.addBindValue(stamp);
            write.addBindValue(found->id);
        } else {
            continue;
        }
        if (!exec(write))
            return false;
    }
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        if (it->deleted || objectionIds.contains(it.key()))
            continue;
        write.prepare(QStringLiteral("UPDATE call_script_objections SET deleted = 1, updated_at = ?, rev = rev + 1 "
                                     "WHERE id = ?"));
        write.addBindValue(stamp);
        write.addBindValue(it->id);
        if (!exec(write))
            return false;
    }
    return true;
}
