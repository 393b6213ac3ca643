#pragma once

#include "services/providers/Telephony.h"
#include "services/providers/TelephonyHttp.h"

#include <QList>
#include <QUrl>

class QNetworkAccessManager;

struct VapiSettings
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.vapi.ai"));
    QString apiKey; // the private key, read from the keychain by the composition code
    QString phoneNumberId; // an imported number outbound calls go out from
    TelephonyHttpPolicy policy;
};

// Vapi AI voice calls (PROVIDERS.md §1): POST /call with a transient assistant built from the script, GET
// /call/{id} to follow it, POST {"type":"end-call"} to the call's control URL to hang up, GET /phone-number to pick
// the outbound number. The monitor URLs of a call are bearer secrets: they are handed to the caller in memory and
// never logged.
class VapiTelephony : public Telephony
{
    Q_OBJECT

public:
    using NumbersDone = std::function<void(const TelephonyResult<QList<ProviderPhoneNumber>>&)>;

    VapiTelephony(QNetworkAccessManager* network, VapiSettings settings, QObject* parent = nullptr);

    void setSettings(const VapiSettings& settings);
    const VapiSettings& settings() const { return m_settings; }

    QString providerName() const override { return QStringLiteral("vapi"); }
    bool isConfigured() const override;
    // A key is set: the account's numbers can be listed even before a number is chosen.
    bool hasKey() const { return !m_settings.apiKey.isEmpty(); }
    bool analysisArrivesLate() const override { return true; }
    void startCall(const OutboundCallRequest& request, QObject* context, CallDone done) override;
    void fetchCall(const QString& providerCallId, QObject* context, CallDone done) override;
    void endCall(const ProviderCall& call, QObject* context, Done done) override;

    // The account's phone numbers (Settings → Calling lists them to choose the outbound number). Needs only the key.
    void listPhoneNumbers(QObject* context, NumbersDone done);

    static QString errorMessage(const QByteArray& body);

private:
    TelephonyHttpRequest request(const QByteArray& method, const QString& path) const;
    void answerCall(const TelephonyHttpAnswer& answer, const CallDone& done) const;

    VapiSettings m_settings;
    TelephonyHttp* m_http;
};
