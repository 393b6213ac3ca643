// CallingSettings: defaults, the QSettings round trip (keys named as other services read them) and validation.
#include "services/calling/CallingSettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

class TestCallingSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_callingsettings"));
        QSettings().clear();
    }

    void defaults()
    {
        const CallingSettings s = CallingSettings::load(QStringLiteral("ws-empty"));
        QCOMPARE(s.callingHoursStart, QTime(9, 0));
        QCOMPARE(s.callingHoursEnd, QTime(20, 0));
        QCOMPARE(s.maxConcurrentCalls, 10);
        QCOMPARE(s.callsPerSecond, 1.0);
        QCOMPARE(s.vapiBaseUrl, QUrl(QStringLiteral("https://api.vapi.ai")));
        QCOMPARE(s.twilioBaseUrl, QUrl(QStringLiteral("https://api.twilio.com")));
        QCOMPARE(s.elevenLabsBaseUrl, QUrl(QStringLiteral("https://api.elevenlabs.io")));
        QVERIFY(s.validate().isEmpty());
    }

    void roundTrip()
    {
        CallingSettings s;
        s.vapiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9001"));
        s.twilioAccountSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
        s.twilioFromNumber = QStringLiteral("+14155550123");
        s.ownPhone = QStringLiteral("+4915112345678");
        s.defaultVoiceId = QStringLiteral("21m00Tcm4TlvDq8ikWAM");
        s.callingHoursStart = QTime(8, 30);
        s.callingHoursEnd = QTime(18, 0);
        s.maxConcurrentCalls = 4;
        s.callsPerSecond = 3;
        QVERIFY(s.validate().isEmpty());
        s.save(QStringLiteral("ws-1"));
        const CallingSettings loaded = CallingSettings::load(QStringLiteral("ws-1"));
        QCOMPARE(loaded.vapiBaseUrl, s.vapiBaseUrl);
        QCOMPARE(loaded.twilioAccountSid, s.twilioAccountSid);
        QCOMPARE(loaded.ownPhone, s.ownPhone);
        QCOMPARE(loaded.callingHoursStart, QTime(8, 30));
        QCOMPARE(loaded.maxConcurrentCalls, 4);
        QCOMPARE(loaded.callsPerSecond, 3.0);
        // The keys other services read.
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("calling/ws-1/callingHoursStart")).toString(), QStringLiteral("08:30"));
        QCOMPARE(settings.value(QStringLiteral("calling/ws-1/twilioFromNumber")).toString(), s.twilioFromNumber);
        // Another workspace is untouched.
        QCOMPARE(CallingSettings::load(QStringLiteral("ws-2")).maxConcurrentCalls, 10);
    }

    void garbageInQSettingsFallsBackToDefaults()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("calling/ws-bad/callingHoursStart"), QStringLiteral("25:99"));
        settings.setValue(QStringLiteral("calling/ws-bad/maxConcurrentCalls"), -5);
        settings.setValue(QStringLiteral("calling/ws-bad/vapiBaseUrl"), QString());
        const CallingSettings s = CallingSettings::load(QStringLiteral("ws-bad"));
        QCOMPARE(s.callingHoursStart, QTime(9, 0));
        QCOMPARE(s.maxConcurrentCalls, 1);
        QCOMPARE(s.vapiBaseUrl, QUrl(QStringLiteral("https://api.vapi.ai")));
    }

    void validation_data()
    {
        QTest::addColumn<std::function<void(CallingSettings&)>>("change");
        QTest::addColumn<QString>("field");
        using Change = std::function<void(CallingSettings&)>;
        QTest::newRow("local number") << Change([](CallingSettings& s) { s.ownPhone = QStringLiteral("0151 1234567"); }) << "ownPhone";
        QTest::newRow("letters") << Change([](CallingSettings& s) { s.ownPhone = QStringLiteral("+1 call me"); }) << "ownPhone";
        QTest::newRow("too short") << Change([](CallingSettings& s) { s.twilioFromNumber = QStringLiteral("+1234"); }) << "twilioFromNumber";
        QTest::newRow("invalid number") << Change([](CallingSettings& s) { s.twilioFromNumber = QStringLiteral("+10000000000"); }) << "twilioFromNumber";
        QTest::newRow("valid E.164") << Change([](CallingSettings& s) { s.ownPhone = QStringLiteral("+442079460000"); }) << "";
        QTest::newRow("sid prefix") << Change([](CallingSettings& s) { s.twilioAccountSid = QStringLiteral("SK0123456789abcdef0123456789abcdef"); }) << "twilioAccountSid";
        QTest::newRow("sid length") << Change([](CallingSettings& s) { s.twilioAccountSid = QStringLiteral("AC123"); }) << "twilioAccountSid";
        QTest::newRow("hours reversed") << Change([](CallingSettings& s) { s.callingHoursStart = QTime(21, 0); }) << "callingHours";
        QTest::newRow("hours equal") << Change([](CallingSettings& s) { s.callingHoursEnd = s.callingHoursStart; }) << "callingHours";
        QTest::newRow("zero concurrency") << Change([](CallingSettings& s) { s.maxConcurrentCalls = 0; }) << "maxConcurrentCalls";
        QTest::newRow("cps too high") << Change([](CallingSettings& s) { s.callsPerSecond = 101; }) << "callsPerSecond";
        QTest::newRow("ftp url") << Change([](CallingSettings& s) { s.vapiBaseUrl = QUrl(QStringLiteral("ftp://x.y")); }) << "vapiBaseUrl";
        QTest::newRow("no host") << Change([](CallingSettings& s) { s.elevenLabsBaseUrl = QUrl(QStringLiteral("https://")); }) << "elevenLabsBaseUrl";
        QTest::newRow("voice path") << Change([](CallingSettings& s) { s.defaultVoiceId = QStringLiteral("a/b"); }) << "defaultVoiceId";
    }

    void validation()
    {
        QFETCH(std::function<void(CallingSettings&)>, change);
        QFETCH(QString, field);
        CallingSettings s;
        change(s);
        const FieldErrors errors = s.validate();
        if (field.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().message));
            return;
        }
        QVERIFY2(!errorFor(errors, field).isEmpty(), qPrintable(field));
    }

    void callingHours()
    {
        const CallingSettings s;
        QVERIFY(!s.withinCallingHours(QTime(8, 59, 59)));
        QVERIFY(s.withinCallingHours(QTime(9, 0)));
        QVERIFY(s.withinCallingHours(QTime(19, 59, 59)));
        QVERIFY(!s.withinCallingHours(QTime(20, 0)));
        QVERIFY(!s.withinCallingHours(QTime()));
    }
};

QTEST_GUILESS_MAIN(TestCallingSettings)
#include "tst_callingsettings.moc"
