#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One phone call to a lead (seed 000 §5.3): its lifecycle, what the provider reported and what the user noted.
struct CallRecord
{
    enum class Status { Queued, Ringing, InProgress, Completed, Failed };
    enum class Outcome { None, Booked, FollowUp, NotInterested, NoAnswer };

    QString id;
    QString orgId;
    QString leadId;
    QString agentRunId;
    QString scriptId;
    QString provider; // "vapi" or "twilio"
    QString providerCallId;
    Status status = Status::Queued;
    Outcome outcome = Outcome::None;
    QString sentiment; // positive, neutral, negative or empty
    int durationSeconds = 0;
    QString summary;
    QString transcript;
    QString recordingUrl;
    double costUsd = 0.0; // what the provider reports (a float in USD there)
    QString endedReason;
    QString errorReason;
    QString notes;
    QDateTime startedAt;
    QDateTime endedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    bool deleted = false;
    QString leadName; // read with the call for lists; not a column of calls

    bool isValid() const { return !id.isEmpty(); }
    bool isActive() const { return status == Status::Queued || status == Status::Ringing || status == Status::InProgress; }

    static QString statusToString(Status status);
    static Status statusFromString(const QString& text);
    static QString outcomeToString(Outcome outcome);
    static Outcome outcomeFromString(const QString& text);
    // Translated names for lists and filters.
    static QString statusLabel(Status status);
    static QString outcomeLabel(Outcome outcome);
};

Q_DECLARE_METATYPE(CallRecord)
