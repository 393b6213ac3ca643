#pragma once

#include "services/providers/TelephonyTypes.h"

#include <QObject>

#include <functional>

// A telephony provider (DESIGN.md §6): places a call, reports its state when asked (the desktop polls, it cannot
// receive webhooks) and hangs up. Answers arrive once, on the owner's thread, and only while the context lives.
class Telephony : public QObject
{
    Q_OBJECT

public:
    using CallDone = std::function<void(const TelephonyResult<ProviderCall>&)>;
    using Done = std::function<void(const TelephonyError&)>;

    using QObject::QObject;

    // "vapi" or "twilio": the name calls are stored with and the keychain provider name.
    virtual QString providerName() const = 0;
    virtual bool isConfigured() const = 0;
    // Whether the provider needs polling a little after the end for late analysis (summary, structured data).
    virtual bool analysisArrivesLate() const = 0;

    virtual void startCall(const OutboundCallRequest& request, QObject* context, CallDone done) = 0;
    virtual void fetchCall(const QString& providerCallId, QObject* context, CallDone done) = 0;
    // Hangs up a live call (Vapi: its control URL; Twilio: the call resource).
    virtual void endCall(const ProviderCall& call, QObject* context, Done done) = 0;
};
