#pragma once

#include "models/FieldError.h"

#include <QString>
#include <QTime>
#include <QUrl>

// The non-secret calling settings of one workspace (Settings → Calling), kept in QSettings under the group
// "calling/<workspace id>". Keys: vapiBaseUrl, twilioBaseUrl, elevenLabsBaseUrl, twilioAccountSid, twilioFromNumber,
// ownPhone, vapiPhoneNumberId, defaultVoiceId, elevenLabsModel, callingHoursStart and callingHoursEnd ("HH:mm", local
// time at the lead's number), callOnWeekends, maxConcurrentCalls, callsPerSecond, pollIntervalMs, analysisGraceMs. The
// Vapi key, the Twilio auth token and the ElevenLabs key live in the keychain (providers "vapi", "twilio",
// "elevenlabs"), never here.
struct CallingSettings
{
    static constexpr int kMaxConcurrentLimit = 1000;
    static constexpr int kMaxCallsPerSecond = 100;

    QUrl vapiBaseUrl = QUrl(QStringLiteral("https://api.vapi.ai"));
    QUrl twilioBaseUrl = QUrl(QStringLiteral("https://api.twilio.com"));
    QUrl elevenLabsBaseUrl = QUrl(QStringLiteral("https://api.elevenlabs.io"));
    QString twilioAccountSid; // AC + 32 hex digits
    QString twilioFromNumber; // E.164: the Twilio number calls and texts come from
    QString ownPhone; // E.164: the user's own phone, rung first in click-to-call
    QString vapiPhoneNumberId; // the phone number imported into Vapi that outbound AI calls use
    QString defaultVoiceId; // ElevenLabs voice for new scripts and previews
    QString elevenLabsModel = QStringLiteral("eleven_multilingual_v2");
    QTime callingHoursStart = QTime(9, 0);
    QTime callingHoursEnd = QTime(20, 0);
    bool callOnWeekends = false;
    int maxConcurrentCalls = 10; // Vapi's default concurrency
    double callsPerSecond = 1.0; // Twilio's default calls-per-second for a number
    int pollIntervalMs = 2000; // how often a live call's status is asked for
    int analysisGraceMs = 30000; // how long to keep polling after the end for Vapi's late analysis

    static QString vapiProvider() { return QStringLiteral("vapi"); }
    static QString twilioProvider() { return QStringLiteral("twilio"); }

    static QString settingsGroup(const QString& workspaceId) { return QStringLiteral("calling/") + workspaceId; }
    static CallingSettings load(const QString& workspaceId);
    void save(const QString& workspaceId) const;

    // Field names: "vapiBaseUrl", "twilioBaseUrl", "elevenLabsBaseUrl", "twilioAccountSid", "twilioFromNumber",
    // "ownPhone", "vapiPhoneNumberId", "defaultVoiceId", "callingHours", "maxConcurrentCalls", "callsPerSecond".
    FieldErrors validate() const;
    // Whether a call may start at this local time (start inclusive, end exclusive).
    bool withinCallingHours(const QTime& localTime) const;
    static bool isE164(const QString& number);
    // The minimum gap between two call starts that callsPerSecond allows.
    int minStartIntervalMs() const;
};
