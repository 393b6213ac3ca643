#pragma once
#include <QList>
#include <QString>
#include <QStringList>
#include <QDateTime>

struct ObjectionHandler
{
    QString objection;   // what the lead says
    QString response;    // how the agent answers
};

// A call script (seed 000 §3.4-3.6, 001 §19): what an AI voice agent says and how it steers the call.
struct CallScript
{
    QString id;
    QString name;
    QString purpose;
    QString industry;
    QString openingLine;                  // the assistant's first message; may use {{first_name}} style variables
    QStringList talkingPoints;
    QList<ObjectionHandler> objectionHandlers;
    qint64 rateMinMinor = 0;              // rate range, integer minor units
    qint64 rateMaxMinor = 0;
    QString currency = QStringLiteral("USD");
    QString closingStrategy;
    QString voiceId;                      // provider voice (ElevenLabs voice id)
    QString llmModel;                     // e.g. gpt-4o-mini
    QString language = QStringLiteral("en");
    double temperature = 0.7;
    int usageCount = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};
