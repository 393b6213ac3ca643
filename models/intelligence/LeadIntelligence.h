#pragma once

#include "models/FieldError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The latest AI analysis of one lead (seed 000 section 5.6; table lead_intelligence): deal heat, buying intent and
// what the record and its history say about budget, timeline and decision maker, with the model that produced it.
struct LeadIntelligence {
    enum class Intent { Unknown, Low, Medium, High, Critical };

    QString id;
    QString orgId;
    QString leadId;
    std::optional<int> dealHeat; // 0-100: how likely the deal closes soon
    Intent buyingIntent = Intent::Unknown;
    QString budget;
    QString timeline;
    QString decisionMaker;
    QStringList painPoints;
    QStringList keyInsights;
    QStringList risks;
    QString nextBestAction;
    QString summary;
    QStringList fieldsUsed; // which of the lead's fields and history the prompt carried
    std::optional<qint64> estimatedValueMinor; // written by the services price list, kept by analyses
    QString model;
    QString promptVersion;
    QDateTime analyzedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    bool deleted = false;

    bool isValid() const { return !leadId.isEmpty() && analyzedAt.isValid(); }

    // Storage and JSON keys: "" (not known), "low", "medium", "high", "critical".
    static QString intentKey(Intent intent);
    static std::optional<Intent> intentFromKey(const QString& key);
    static QStringList intentKeys(); // the four known values, for the JSON schema
    // Translated, for badges and the timeline.
    static QString intentLabel(Intent intent);

    // JSON with the table's column names (deal_heat, buying_intent, pain_points, …). The AI's answer uses the same
    // keys for its part, so fromJson reads an answer too: texts are trimmed and bounded, blank list items dropped,
    // unknown keys ignored. A heat outside 0-100 is kept as given for validate() to report; an intent that is not
    // a known key reads as Unknown and is reported in errors (field buyingIntent).
    QJsonObject toJson() const;
    static LeadIntelligence fromJson(const QJsonObject& json, FieldErrors* errors = nullptr);

    // What makes an analysis unfit to store; empty when it is fine. Fields: leadId, dealHeat, summary.
    FieldErrors validate() const;
};

Q_DECLARE_METATYPE(LeadIntelligence)
