#pragma once

#include "models/FieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

struct ProfileObjection {
    QString objection;
    QString response;

    friend bool operator==(const ProfileObjection&, const ProfileObjection&) = default;
};

struct ProfileMessageDrafts {
    QString coldEmail1;
    QString followUp1;
    QString linkedinDm1;

    friend bool operator==(const ProfileMessageDrafts&, const ProfileMessageDrafts&) = default;
};

// The AI profile of a lead (seed 001 section 4), stored as JSON in leads.ai_profile: who they are, what to offer,
// how to open, which objections to expect, and which of the lead's fields it was built from.
struct AiProfile {
    QString oneLiner;
    QString likelyRole;
    QStringList painPoints;
    QString decisionPower; // "low/medium/high with reason"
    QStringList bestOfferAngle;
    QStringList personalisationHooks;
    QList<ProfileObjection> objections;
    QString nextBestAction;
    ProfileMessageDrafts messageDrafts;
    int confidence = 0; // 0-100
    QStringList sourceFieldsUsed;

    friend bool operator==(const AiProfile&, const AiProfile&) = default;

    bool isEmpty() const { return oneLiner.isEmpty() && likelyRole.isEmpty() && painPoints.isEmpty(); }

    // The seed's JSON keys (one_liner, likely_role, …, message_drafts {cold_email_1, follow_up_1, linkedin_dm_1},
    // confidence, source_fields_used). fromJson trims and bounds texts and drops blank list items and objections
    // without text; a confidence outside 0-100 is kept for validate() to report.
    QJsonObject toJson() const;
    static AiProfile fromJson(const QJsonObject& json);

    // What makes a profile unfit to store; empty when fine. Fields: oneLiner, confidence.
    FieldErrors validate() const;

    // Keeps only the names in sourceFieldsUsed that are in available (the fields the prompt really carried), in
    // their order and without repeats; returns the names it removed. A profile may only cite what it was given.
    QStringList restrictSourceFields(const QStringList& available);
};

// A profile as stored on the lead, with when and by which model it was made.
struct StoredAiProfile {
    QString leadId;
    AiProfile profile;
    QDateTime generatedAt;
    QString model;

    bool isValid() const { return !leadId.isEmpty() && !profile.isEmpty(); }
};

Q_DECLARE_METATYPE(AiProfile)
Q_DECLARE_METATYPE(StoredAiProfile)
