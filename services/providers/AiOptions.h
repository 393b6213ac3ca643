#pragma once

#include "models/FieldError.h"

#include <QString>
#include <QUrl>

#include <optional>

// What Settings → AI edits for one workspace. The API key is not part of it: it lives in the keychain.
struct AiOptions
{
    QUrl baseUrl; // empty: AI is switched off
    QString model;
    int timeoutSeconds = 60;
    std::optional<qint64> orgBudgetMicros; // monthly limits; nullopt: no limit
    std::optional<qint64> myBudgetMicros;

    static constexpr int kMinTimeoutSeconds = 5;
    static constexpr int kMaxTimeoutSeconds = 600;

    // Field names: "baseUrl", "model", "timeout", "orgBudget", "myBudget". Messages are translated.
    FieldErrors validate() const;
    // The URL as typed, trimmed and parsed leniently; validate() judges whether it can be used.
    static QUrl parseBaseUrl(const QString& text);
};
