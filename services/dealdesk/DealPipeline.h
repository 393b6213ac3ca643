#pragma once

#include "models/Proposal.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One group of the Deal Desk pipeline: how many and how much, per currency (money is never added across currencies).
struct PipelineGroup {
    QString key; // buying intent ("critical" … "low", "" = not analysed) or proposal status key
    int count = 0;
    QMap<QString, qint64> totals; // currency → minor units

    friend bool operator==(const PipelineGroup&, const PipelineGroup&) = default;
};

// A row of the proposals list: the proposal's own figures plus what the list shows about its lead.
struct ProposalSummary {
    QString id;
    QString title;
    QString leadId;
    QString leadName;
    QString leadCompany;
    QString leadIntent; // the lead's buying intent, "" when not analysed
    Proposal::Status status = Proposal::Status::Draft;
    QString currency;
    qint64 totalMinor = 0;
    bool totalOverflow = false;
    QDate validUntil;
    QDateTime updatedAt;

    friend bool operator==(const ProposalSummary&, const ProposalSummary&) = default;
};

// What the Deal Desk shows, read in one go on the database thread.
struct DealPipelineSnapshot {
    // Open deals (leads not in a closed stage) by buying intent, always in the order of intentKeys().
    QList<PipelineGroup> intents;
    // Proposals by status, always in the order of Proposal::allStatuses().
    QList<PipelineGroup> statuses;
    QList<ProposalSummary> proposals; // newest change first
    QString error;

    // "critical", "high", "medium", "low" and "" (not analysed).
    static QStringList intentKeys()
    {
        return { QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low"),
            QString() };
    }
};

Q_DECLARE_METATYPE(DealPipelineSnapshot)
