#include "services/calling/CallListenClient.h"
#include "services/calling/WavReader.h"
#include "services/calling/WavWriter.h"
#include "services/providers/VapiTelephony.h"
#include "tests/calling/CallingTestData.h"
#include "tests/support/FakeVapiServer.h"
#include "tests/support/SpeechAudio.h"
#include "tests/support/WaitFor.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using HubTest::FakeVapiServer;
using HubTest::SpeechAudio;

class CallListenTest : public QObject
{
    Q_OBJECT

private:
    QByteArray m_stereo;
    QNetworkAccessManager m_network;

    // Places a call on the fake and returns its listen URL, read from the call object like the app does.
    QUrl listenUrl(FakeVapiServer& server)
    {
        VapiSettings settings;
        settings.baseUrl = server.baseUrl();
        settings.apiKey = QString::fromLatin1(FakeVapiServer::kApiKey);
        settings.phoneNumberId = QString::fromLatin1(FakeVapiServer::kPhoneNumberId);
        VapiTelephony vapi(&m_network, settings);
        OutboundCallRequest request;
        request.customerNumber = CallingTestData::ukNumber(1);
        request.script = CallingTestData::script();
        const std::optional<TelephonyResult<ProviderCall>> started = HubTest::waitForCallback<TelephonyResult<ProviderCall>>(
            [&](QObject* context, auto done) { vapi.startCall(request, context, done); }, QStringLiteral("start"));
        return started && started->ok() ? started->value.listenUrl : QUrl();
    }

private slots:
    void initTestCase()
    {
        QString error;
        const QByteArray customer = SpeechAudio::synthesize(QStringLiteral("Hello, yes, I have a minute. Tell me more "
                                                                            "about the website."), 16000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QByteArray assistant = SpeechAudio::synthesize(QStringLiteral("Hi Jane, this is Sam from Pixel and Crumb."),
            16000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(customer.size() > 16000); // more than half a second of speech each
        QVERIFY(assistant.size() > 16000);
        m_stereo = SpeechAudio::interleave(customer, assistant);
    }

    void wavWriterRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("roundtrip.wav"));
        WavWriter writer;
        QVERIFY(writer.open(path, 16000, 2));
        QVERIFY(writer.write(m_stereo.left(64000)));
        QVERIFY(writer.close());
        const WavAudio audio = WavAudio::read(path);
        QVERIFY2(audio.ok(), qPrintable(audio.error));
        QCOMPARE(audio.sampleRate, 16000);
        QCOMPARE(audio.channels, 2);
        QCOMPARE(audio.data, m_stereo.left(64000));
        QCOMPARE(audio.seconds(), 1.0);
        QVERIFY(!WavAudio::parse("RIFF....WAVEjunk").ok());
        QVERIFY(!WavAudio::parse("not a wav at all").ok());
    }

    void monitorReceivesAudioAndWritesAWavOfTheRightDuration()
    {
        FakeVapiServer server;
        QVERIFY(server.listen());
        server.setListenAudio(m_stereo);
        const QUrl url = listenUrl(server);
        QVERIFY(url.isValid());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("call.wav"));
        CallListenClient client;
        QSignalSpy closed(&client, &CallListenClient::closed);
        QSignalSpy formats(&client, &CallListenClient::formatChanged);
        QSignalSpy transcripts(&client, &CallListenClient::transcriptReceived);
        double loudestCustomer = 0;
        double loudestAssistant = 0;
        connect(&client, &CallListenClient::levelsChanged, this, [&](double customer, double assistant) {
            loudestCustomer = std::max(loudestCustomer, customer);
            loudestAssistant = std::max(loudestAssistant, assistant);
        });
        client.setChannel(CallListenClient::Channel::Assistant);
        client.setVolume(0.5);
        QVERIFY(client.startRecording(path));
        // Plays when this machine has an audio output; the meters and the recording work either way.
        client.setPlaybackEnabled(true);
        client.open(url);
        QVERIFY(closed.wait(20000));
        QCOMPARE(closed.first().first().toString(), QString()); // a normal end
        QCOMPARE(formats.count(), 1);
        QCOMPARE(transcripts.count(), 1);
        QCOMPARE(transcripts.first().at(0).toString(), QStringLiteral("assistant"));

        QCOMPARE(client.bytesReceived(), server.bytesStreamed());
        QCOMPARE(client.bytesReceived(), qint64(m_stereo.size()));
        QVERIFY(loudestCustomer > 0.05);
        QVERIFY(loudestAssistant > 0.05);

        const WavAudio audio = WavAudio::read(path);
        QVERIFY2(audio.ok(), qPrintable(audio.error));
        QCOMPARE(audio.sampleRate, 16000);
        QCOMPARE(audio.channels, 2);
        QCOMPARE(audio.data.size(), m_stereo.size());
        const double streamedSeconds = double(m_stereo.size()) / (16000 * 2 * 2);
        QCOMPARE(audio.seconds(), streamedSeconds);
        QCOMPARE(client.secondsReceived(), streamedSeconds);
        QVERIFY(audio.data == m_stereo);
    }

    void socketDroppedMidCallIsReported()
    {
        FakeVapiServer server;
        QVERIFY(server.listen());
        server.setListenAudio(m_stereo, true);
        const QUrl url = listenUrl(server);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped.wav"));
        CallListenClient client;
        QSignalSpy closed(&client, &CallListenClient::closed);
        QVERIFY(client.startRecording(path));
        client.open(url);
        QVERIFY(closed.wait(20000));
        QVERIFY(!closed.first().first().toString().isEmpty());
        QVERIFY(client.bytesReceived() > 0);
        QVERIFY(client.bytesReceived() < m_stereo.size());
        // What arrived before the drop is a complete, playable file.
        const WavAudio audio = WavAudio::read(path);
        QVERIFY2(audio.ok(), qPrintable(audio.error));
        QCOMPARE(qint64(audio.data.size()), client.bytesReceived());
    }

    void unknownCallIsRefused()
    {
        FakeVapiServer server;
        QVERIFY(server.listen());
        QUrl url = listenUrl(server);
        url.setPath(QStringLiteral("/call-9999/listen"));
        CallListenClient client;
        QSignalSpy closed(&client, &CallListenClient::closed);
        client.open(url);
        QVERIFY(closed.wait(10000));
        QVERIFY(!closed.first().first().toString().isEmpty());
        QCOMPARE(client.bytesReceived(), 0);
    }
};

QTEST_GUILESS_MAIN(CallListenTest)
#include "tst_calllisten.moc"
