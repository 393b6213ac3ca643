#pragma once

#include "models/intelligence/AiProfile.h"

#include <QSqlDatabase>

#include <optional>

// SQL for the AI profile on the lead row: leads.ai_profile (JSON), ai_profile_at and ai_profile_model.
// Runs on the database thread; the caller owns the transaction.
class AiProfileRepository
{
public:
    explicit AiProfileRepository(QSqlDatabase db);

    // nullopt when the lead has no profile, or what is stored is not a JSON object.
    std::optional<StoredAiProfile> find(const QString& leadId);
    // Writes the three columns; false when the lead does not exist. leads.updated_at is left alone (a derived
    // field, like deal_heat).
    bool save(const StoredAiProfile& stored);
    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    QString m_lastError;
};
