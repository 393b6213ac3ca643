#pragma once

#include "models/calling/CallScript.h"

#include <QDateTime>

// Shared fixtures of the calling tests.
namespace CallingTestData {

inline CallScript script()
{
    CallScript script;
    script.id = QStringLiteral("script-website-refresh");
    script.name = QStringLiteral("Website refresh");
    script.purpose = QStringLiteral("Offer a website refresh to local bakeries");
    script.industry = QStringLiteral("Bakeries");
    script.openingLine = QStringLiteral("Hi {{first_name}}, this is Sam from Pixel & Crumb.");
    script.talkingPoints = { QStringLiteral("Mobile visitors leave slow sites"), QStringLiteral("Online ordering") };
    script.objectionHandlers = { { QStringLiteral("Too expensive"), QStringLiteral("We offer monthly payments.") } };
    script.rateMinMinor = 150000;
    script.rateMaxMinor = 400000;
    script.currency = QStringLiteral("EUR");
    script.closingStrategy = QStringLiteral("Propose a 20-minute demo this week.");
    script.voiceId = QStringLiteral("voice-rachel");
    script.llmModel = QStringLiteral("gpt-4o-mini");
    return script;
}

// A Monday afternoon in London (UTC+0 in March): inside 09:00–20:00 for GB numbers.
inline QDateTime londonAfternoon()
{
    return QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC);
}

// Ofcom's drama range: fictional, yet valid for libphonenumber.
inline QString ukNumber(int n)
{
    return QStringLiteral("+4420794600%1").arg(n, 2, 10, QLatin1Char('0'));
}

} // namespace CallingTestData
