#pragma once

#include "models/calling/CallScript.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

#include <optional>

// A failed telephony request, typed so the UI can say what happened and what to do.
struct TelephonyError
{
    enum Kind { None, NotConfigured, Network, Timeout, Cancelled, Unauthorized, RateLimited, Server, Rejected,
        NotFound, BadResponse };

    Kind kind = None;
    QString message; // translated: what happened and what to do
    int httpStatus = 0;
    QString detail; // the provider's own words; never a key, token or monitor URL

    bool ok() const { return kind == None; }
    static TelephonyError make(Kind kind, const QString& detail = {}, int httpStatus = 0);
    static QString kindName(Kind kind);
};

// The per-call assistant settings the UI and agents may pass (seed 000 §8.7). It is a whitelist: only these five
// keys are read; anything else, a "systemPrompt" above all, is dropped and never reaches the provider.
struct AssistantConfig
{
    std::optional<QString> voiceId;
    std::optional<QString> llmModel;
    std::optional<QString> openingLine;
    std::optional<QString> language;
    std::optional<double> temperature;

    static QStringList allowedKeys();
    // dropped (optional) receives the keys that were ignored.
    static AssistantConfig fromJson(const QJsonObject& object, QStringList* dropped = nullptr);
    QJsonObject toJson() const;
    // The script with these settings applied on top.
    CallScript appliedTo(CallScript script) const;
};

// What to dial: an AI call with a script (Vapi) or a bridge to the user's own phone (Twilio).
struct OutboundCallRequest
{
    QString leadId;
    QString customerNumber; // E.164
    QString customerName;
    CallScript script;
    AssistantConfig config;
    QVariantMap variables; // lead fields for {{first_name}}-style variables in the script
    QString label; // a free name the provider shows in its dashboard
};

// A call as the provider reports it. listenUrl and controlUrl are bearer secrets: kept in memory only.
struct ProviderCall
{
    enum class Phase { Queued, Ringing, InProgress, Ended };

    QString providerCallId;
    QString rawStatus;
    Phase phase = Phase::Queued;
    bool failed = false; // ended because of an error (provider, carrier, configuration)
    bool noAnswer = false; // ended without anyone answering (busy, no answer, voicemail)
    QString endedReason;
    QString transcript;
    QJsonArray messages;
    QString recordingUrl;
    QString summary;
    QJsonObject structuredData;
    QString successEvaluation;
    QString sentiment;
    bool analysisReady = false; // summary or structured data arrived (Vapi fills them after the call ends)
    double cost = 0.0;
    int durationSeconds = 0;
    QDateTime startedAt;
    QDateTime endedAt;
    QUrl listenUrl;
    QUrl controlUrl;

    bool ended() const { return phase == Phase::Ended; }
};

// A phone number of the provider account (Vapi: imported numbers an outbound call can use).
struct ProviderPhoneNumber
{
    QString id;
    QString number;
    QString name;
    QString provider;
};

// A text message as Twilio reports it.
struct SmsMessage
{
    QString sid;
    QString status;
    QString errorCode;
    QString errorMessage;
};

template <typename T>
struct TelephonyResult
{
    TelephonyError error;
    T value {};
    bool ok() const { return error.ok(); }
    static TelephonyResult failure(const TelephonyError& error)
    {
        TelephonyResult result;
        result.error = error;
        return result;
    }
};

Q_DECLARE_METATYPE(ProviderCall)
