#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// Where and how to reach an OpenAI-compatible Chat Completions server (OpenAI, Ollama, llama.cpp, vLLM).
struct LlmSettings
{
    QUrl baseUrl; // e.g. http://127.0.0.1:11434/v1
    QString model;
    QString apiKey; // empty for local servers: then no Authorization header is sent
    int timeoutMs = 60000;
    int maxRetries = 3;
    int retryBaseDelayMs = 500;
    int maxRetryWaitMs = 30000;

    bool isConfigured() const { return baseUrl.isValid() && !baseUrl.isEmpty() && !model.trimmed().isEmpty(); }
};

struct LlmMessage
{
    QString role; // system, user, assistant
    QString content;
};

struct LlmRequest
{
    QString feature; // what the call is for, recorded in the usage ledger
    QString promptVersion;
    QList<LlmMessage> messages;
    // {"name": "...", "schema": {...}}: asks for structured output and validates it on arrival.
    std::optional<QJsonObject> jsonSchema;
    double temperature = 0.2;
    int maxTokens = 0; // 0: the server's default
    QString leadId; // optional, recorded in the usage ledger
};

struct LlmError
{
    enum Kind {
        None,
        NotConfigured,
        Network,
        Timeout,
        Cancelled,
        Unauthorized,
        RateLimited,
        Server,
        BadResponse,
        SchemaViolation,
        BudgetExceeded
    };

    Kind kind = None;
    QString message; // translated: what happened and what to do
    int httpStatus = 0;
    QString detail; // technical detail (provider message, validation error); never contains the API key

    static LlmError make(Kind kind, const QString& detail = {}, int httpStatus = 0);
    static QString kindName(Kind kind);
};

struct LlmResult
{
    bool ok = false;
    LlmError error;
    QString content;
    QJsonObject json; // the validated object for structured output
    int inputTokens = 0;
    int outputTokens = 0;
    QString model;
    // True once any HTTP answer came back from the provider: such calls are recorded in the usage ledger.
    bool reachedProvider = false;

    static LlmResult failure(const LlmError& error)
    {
        LlmResult result;
        result.error = error;
        return result;
    }
};
