#include "services/intelligence/AiProfileRepository.h"

#include "models/Ids.h"
#include "services/storage/SqlValues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

AiProfileRepository::AiProfileRepository(QSqlDatabase db)
    : m_db(std::move(db))
{ }

std::optional<StoredAiProfile> AiProfileRepository::find(const QString& leadId)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT ai_profile, ai_profile_at, ai_profile_model FROM leads WHERE id = ? AND deleted = 0"));
    query.addBindValue(leadId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next() || query.value(0).isNull())
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toByteArray());
    if (!document.isObject())
        return std::nullopt;
    StoredAiProfile stored;
    stored.leadId = leadId;
    stored.profile = AiProfile::fromJson(document.object());
    stored.generatedAt = query.value(1).isNull() ? QDateTime() : Ids::fromStorage(query.value(1).toString());
    stored.model = query.value(2).toString();
    if (stored.profile.isEmpty())
        return std::nullopt;
    return stored;
}

bool AiProfileRepository::save(const StoredAiProfile& stored)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE leads SET ai_profile = ?, ai_profile_at = ?, ai_profile_model = ? WHERE id = ?"));
    query.addBindValue(QString::fromUtf8(QJsonDocument(stored.profile.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(SqlValues::nullableTime(stored.generatedAt));
    query.addBindValue(SqlValues::text(stored.model));
    query.addBindValue(stored.leadId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() == 1)
        return true;
    m_lastError = QCoreApplication::translate("AiProfileRepository", "The lead no longer exists.");
    return false;
}
