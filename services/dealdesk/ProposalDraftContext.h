#pragma once

#include "models/Lead.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

// The lead's latest analysis (table lead_intelligence), as far as a proposal draft uses it.
struct LeadIntelligenceFacts {
    int dealHeat = -1; // -1: not scored
    QString buyingIntent;
    QString budget;
    QString timeline;
    QString decisionMaker;
    QStringList painPoints;
    QStringList keyInsights;
    QStringList risks;
    QString nextBestAction;
    QString summary;
    qint64 estimatedValueMinor = -1; // -1: nothing matched the price list
};

// A service the organisation sells, from its own price list.
struct PriceListEntry {
    QString name;
    qint64 priceMinor = 0;
    QString currency;
};

// Everything a proposal draft for one lead may be built from: that lead's own record, analysis and AI profile, and
// the organisation's price list. Nothing about any other lead.
struct ProposalDraftContext {
    Lead lead;
    std::optional<LeadIntelligenceFacts> intelligence;
    QJsonObject aiProfile; // leads.ai_profile, empty when there is none (or it is not a JSON object)
    QList<PriceListEntry> priceList;
    QString error; // set when the lead could not be read
};
