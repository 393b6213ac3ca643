#pragma once

#include "models/FieldError.h"

#include <QString>
#include <QTime>
#include <QUrl>

// Settings → Calling of one workspace, kept in QSettings under "calling/<workspace id>". Secrets are not here: the
// Vapi private key and the Twilio auth token live in the keychain under the providers vapiProvider() and
// twilioProvider() (SecretStore::keyFor(workspaceId, provider)).
struct CallingSettings
{
    static constexpr int kMinConcurrent = 1;
    static constexpr int kMaxConcurrent = 100;

    QUrl vapiBaseUrl = QUrl(QStringLiteral("https://api.vapi.ai"));
    QString vapiPhoneNumberId; // chosen from GET /phone-number
    QUrl twilioBaseUrl = QUrl(QStringLiteral("https://api.twilio.com"));
    QString twilioAccountSid; // an account identifier, not a secret
    QString twilioFromNumber; // E.164: a Twilio number or verified caller id
    QString userPhone; // E.164: the user's own phone, rung first for click-to-call
    QTime callingHoursStart = QTime(9, 0);
    QTime callingHoursEnd = QTime(20, 0);
    bool callOnWeekends = false;
    int maxConcurrentCalls = 10; // Vapi's default concurrency limit
    double callsPerSecond = 1.0; // Twilio's default outbound CPS per number
    int pollIntervalMs = 2000;
    int analysisGraceMs = 30000; // how long to keep polling after the end for Vapi's analysis

    static QString vapiProvider() { return QStringLiteral("vapi"); }
    static QString twilioProvider() { return QStringLiteral("twilio"); }

    static CallingSettings load(const QString& workspaceId);
    void save(const QString& workspaceId) const;
    // Field names: vapiBaseUrl, twilioBaseUrl, twilioFromNumber, userPhone, callingHours, maxConcurrentCalls,
    // callsPerSecond.
    FieldErrors validate() const;
    // The minimum gap between two call starts that callsPerSecond allows.
    int minStartIntervalMs() const;
};
