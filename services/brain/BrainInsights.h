#pragma once

#include "services/pricing/DealValueEstimator.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What the Neural Brain asks for. `now` is injected so that "days since contact" is testable.
struct BrainInsightsQuery {
    static constexpr int kDefaultStalledDays = 14;
    static constexpr int kHotHeat = 70;

    QString orgId;
    QDateTime now;
    int stalledDays = kDefaultStalledDays; // an open lead with no contact for this many days is stalled
    int hotHeat = kHotHeat; // deal heat from which a lead counts as hot
    int hotFollowUpDays = 7; // a hot lead untouched this long gets a "call them" suggestion
    int limit = 20; // rows per list; counts are over all leads
};

// One lead as the Neural Brain lists it.
struct BrainLeadRow {
    QString leadId;
    QString name;
    QString company;
    QString status;
    QString stageName; // the pipeline stage's name for status
    int dealHeat = -1; // -1: never analysed
    QString buyingIntent;
    QString nextBestAction;
    QString summary;
    QDateTime analyzedAt;
    QDateTime lastContactedAt; // invalid when never contacted
    QDateTime lastTouchAt; // last contact, else the last update
    int daysSinceContact = 0;
    QString currency;
    // The price list matched against the lead's notes, timeline and calls now; when nothing matches, the value
    // the last analysis stored (storedValueMinor, -1 when none).
    DealValueEstimate estimate;
    qint64 storedValueMinor = -1;

    // Minor units in `currency`, or -1 when nothing suggests a value.
    qint64 valueMinor() const;
    // "Jane Doe (Acme)" or the name alone.
    QString label() const;
};

// A sentence computed from the data, with the leads it is about (first = the one to start with).
struct BrainSuggestion {
    enum class Kind { CallHotLeads, SendProposals, ReviveStalled, AnalyseLeads, PriceServices };

    Kind kind = Kind::CallHotLeads;
    QString text;
    QList<BrainLeadRow> leads;
};

struct BrainInsights {
    bool ok = true;
    QString error;
    QDateTime computedAt;
    int stalledDays = BrainInsightsQuery::kDefaultStalledDays;
    int hotHeat = BrainInsightsQuery::kHotHeat;

    QList<BrainLeadRow> leaderboard; // open analysed leads by deal heat
    QList<BrainLeadRow> hot; // open leads with heat >= hotHeat
    int hotCount = 0;
    QList<BrainLeadRow> stalled; // open leads by heat, then longest without contact
    int stalledCount = 0;
    int analysedCount = 0; // open leads with an analysis
    int neverAnalysedCount = 0; // open leads without one
    int activeServiceCount = 0;
    QList<BrainSuggestion> suggestions;

    // Nothing analysed yet: the view shows how to start instead of empty tables.
    bool nothingAnalysed() const { return analysedCount == 0; }
};

Q_DECLARE_METATYPE(BrainInsights)
