#include "services/storage/WorkspaceInitializer.h"

#include "models/Ids.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
struct DefaultStage
{
    const char* key;
    const char* name;
    const char* color;
    bool closed;
};

// clang-format off
constexpr DefaultStage kDefaultStages[] = {
    { "new",       QT_TRANSLATE_NOOP("PipelineStage", "New"),       "#6366f1", false },
    { "contacted", QT_TRANSLATE_NOOP("PipelineStage", "Contacted"), "#0ea5e9", false },
    { "qualified", QT_TRANSLATE_NOOP("PipelineStage", "Qualified"), "#14b8a6", false },
    { "proposal",  QT_TRANSLATE_NOOP("PipelineStage", "Proposal"),  "#f59e0b", false },
    { "won",       QT_TRANSLATE_NOOP("PipelineStage", "Won"),       "#22c55e", true },
    { "lost",      QT_TRANSLATE_NOOP("PipelineStage", "Lost"),      "#ef4444", true },
};
// clang-format on

bool insertInfo(QSqlQuery& query, const QString& key, const QString& value)
{
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO workspace_info (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec();
}
} // namespace

WorkspaceIdentity WorkspaceInitializer::identity(QSqlDatabase& db)
{
    WorkspaceIdentity identity;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT key, value FROM workspace_info"));
    while (query.next()) {
        const QString key = query.value(0).toString();
        if (key == QLatin1String("workspace_id"))
            identity.workspaceId = query.value(1).toString();
        else if (key == QLatin1String("org_id"))
            identity.orgId = query.value(1).toString();
        else if (key == QLatin1String("user_id"))
            identity.userId = query.value(1).toString();
    }
    return identity;
}

QString WorkspaceInitializer::ensureInitialized(QSqlDatabase& db)
{
    if (!identity(db).orgId.isEmpty())
        return {};
    const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
    const QString orgId = Ids::newId();
    const QString userId = Ids::newId();
    if (!db.transaction())
        return db.lastError().text();
    QSqlQuery query(db);
    bool ok = insertInfo(query, QStringLiteral("app"), QStringLiteral("businesshub"))
        && insertInfo(query, QStringLiteral("workspace_id"), Ids::newId())
        && insertInfo(query, QStringLiteral("org_id"), orgId) && insertInfo(query, QStringLiteral("user_id"), userId);

    ok = ok && query.prepare(QStringLiteral("INSERT INTO organizations (id, org_id, name, created_at, updated_at) "
                                            "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(orgId);
    query.addBindValue(orgId);
    query.addBindValue(QCoreApplication::translate("WorkspaceInitializer", "My workspace"));
    query.addBindValue(now);
    query.addBindValue(now);
    ok = ok && query.exec();

    ok = ok && query.prepare(QStringLiteral("INSERT INTO users (id, org_id, name, created_at, updated_at) "
                                            "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(userId);
    query.addBindValue(orgId);
    query.addBindValue(QCoreApplication::translate("WorkspaceInitializer", "Me"));
    query.addBindValue(now);
    query.addBindValue(now);
    ok = ok && query.exec();

    int position = 0;
    for (const DefaultStage& stage : kDefaultStages) {
        ok = ok && query.prepare(QStringLiteral("INSERT INTO pipeline_stages (id, org_id, key, name, position, color, "
                                                "is_closed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(Ids::newId());
        query.addBindValue(orgId);
        query.addBindValue(QString::fromLatin1(stage.key));
        query.addBindValue(QCoreApplication::translate("PipelineStage", stage.name));
        query.addBindValue(position++);
        query.addBindValue(QString::fromLatin1(stage.color));
        query.addBindValue(stage.closed ? 1 : 0);
        query.addBindValue(now);
        query.addBindValue(now);
        ok = ok && query.exec();
    }
    if (!ok) {
        const QString error = query.lastError().text();
        db.rollback();
        return error;
    }
    return db.commit() ? QString() : db.lastError().text();
}
