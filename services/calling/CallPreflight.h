#pragma once

#include "models/Lead.h"
#include "services/calling/CallingSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

// The checks before any call or text message (issue #6): a valid E.164 number, do_not_call unset, and the lead's local time inside
// the calling hours. libphonenumber's C++ library has no time-zone mapper, so the local time comes from every time
// zone of the number's country (QTimeZone's ids for that territory): the call is allowed only when it is inside the
// calling hours in all of them, so a country spanning zones is never called too early or too late anywhere.
class CallPreflight
{
    Q_DECLARE_TR_FUNCTIONS(CallPreflight)

public:
    enum class Refusal { None, LeadDeleted, NoNumber, InvalidNumber, DoNotCall, NoTexts, UnknownTimeZone,
        OutsideCallingHours, AlreadyOnCall };
    enum class Channel { Call, Text };

    struct Result
    {
        Refusal refusal = Refusal::None;
        QString message; // translated: why not, and what to do
        QString region; // ISO 3166 region of the number, when it is valid
        QStringList timeZones; // the zones the local-time check used
        bool ok() const { return refusal == Refusal::None; }
    };

    explicit CallPreflight(CallingSettings settings);

    // A text message goes by the same number and hours checks, with sms_opt_out in place of do_not_call.
    Result check(const Lead& lead, const QDateTime& nowUtc, Channel channel = Channel::Call) const;
    // The region of a valid E.164 number ("US", "DE"); empty when the number is not valid.
    static QString regionOf(const QString& e164);
    static QStringList timeZonesOf(const QString& region);

private:
    CallingSettings m_settings;
};
