#pragma once

#include "services/providers/Telephony.h"
#include "services/providers/TelephonyHttp.h"

#include <QUrl>

class QNetworkAccessManager;

struct TwilioSettings
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.twilio.com"));
    QString accountSid;
    QString authToken; // read from the keychain by the composition code
    QString fromNumber; // a Twilio number or verified caller id, E.164
    QString userPhone; // the user's own phone, rung first in bridge mode
    TelephonyHttpPolicy policy;
};

// Twilio click-to-call in bridge mode (seed 001 §12, PROVIDERS.md §2): Twilio rings the user's own phone and, once
// answered, dials the lead with inline TwiML. Status by polling the call resource; SMS through the Messages API.
class TwilioTelephony : public Telephony
{
    Q_OBJECT

public:
    using SmsDone = std::function<void(const TelephonyResult<SmsMessage>&)>;

    TwilioTelephony(QNetworkAccessManager* network, TwilioSettings settings, QObject* parent = nullptr);

    void setSettings(const TwilioSettings& settings);
    const TwilioSettings& settings() const { return m_settings; }

    QString providerName() const override { return QStringLiteral("twilio"); }
    bool isConfigured() const override;
    bool analysisArrivesLate() const override { return false; }
    void startCall(const OutboundCallRequest& request, QObject* context, CallDone done) override;
    void fetchCall(const QString& callSid, QObject* context, CallDone done) override;
    void endCall(const ProviderCall& call, QObject* context, Done done) override;

    void sendSms(const QString& to, const QString& body, QObject* context, SmsDone done);
    void fetchSms(const QString& messageSid, QObject* context, SmsDone done);

    // The TwiML that connects the answered user leg to the lead.
    static QString bridgeTwiml(const QString& leadNumber, const QString& callerId, const QString& leadName);
    static QString errorMessage(const QByteArray& body);

private:
    TelephonyHttpRequest request(const QByteArray& method, const QString& resource) const;
    static ProviderCall parseCall(const QJsonObject& object);

    TwilioSettings m_settings;
    TelephonyHttp* m_http;
};
