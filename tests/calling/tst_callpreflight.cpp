#include "services/calling/CallPreflight.h"
#include "services/calling/CallingSettings.h"
#include "tests/calling/CallingTestData.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

Q_DECLARE_METATYPE(CallPreflight::Refusal)

class CallPreflightTest : public QObject
{
    Q_OBJECT

private:
    static Lead lead(const QString& phone)
    {
        Lead lead;
        lead.id = QStringLiteral("lead-1");
        lead.name = QStringLiteral("Crumb & Co");
        lead.phone = phone;
        lead.phoneRaw = phone;
        return lead;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void checks_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<bool>("doNotCall");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<CallPreflight::Refusal>("refusal");
        const QDateTime monday = CallingTestData::londonAfternoon();
        QTest::newRow("uk afternoon") << CallingTestData::ukNumber(1) << QString() << false << monday
                                      << CallPreflight::Refusal::None;
        QTest::newRow("do not call") << CallingTestData::ukNumber(1) << QString() << true << monday
                                     << CallPreflight::Refusal::DoNotCall;
        QTest::newRow("no number") << QString() << QString() << false << monday << CallPreflight::Refusal::NoNumber;
        QTest::newRow("unparsed number") << QString() << QStringLiteral("call me maybe") << false << monday
                                         << CallPreflight::Refusal::InvalidNumber;
        QTest::newRow("not e164") << QStringLiteral("020 7946 0001") << QString() << false << monday
                                  << CallPreflight::Refusal::InvalidNumber;
        QTest::newRow("too short") << QStringLiteral("+44123") << QString() << false << monday
                                   << CallPreflight::Refusal::InvalidNumber;
        QTest::newRow("uk at 07:30") << CallingTestData::ukNumber(1) << QString() << false
                                     << QDateTime(QDate(2026, 3, 2), QTime(7, 30), Qt::UTC)
                                     << CallPreflight::Refusal::OutsideCallingHours;
        QTest::newRow("uk at 20:00 (end is exclusive)") << CallingTestData::ukNumber(1) << QString() << false
                                                        << QDateTime(QDate(2026, 3, 2), QTime(20, 0), Qt::UTC)
                                                        << CallPreflight::Refusal::OutsideCallingHours;
        QTest::newRow("uk saturday") << CallingTestData::ukNumber(1) << QString() << false
                                     << QDateTime(QDate(2026, 3, 7), QTime(15, 0), Qt::UTC)
                                     << CallPreflight::Refusal::OutsideCallingHours;
        // 16:00 UTC is 08:00 in Los Angeles: too early on the west coast although fine in New York.
        QTest::newRow("us spans zones: too early in the west") << QStringLiteral("+12127365000") << QString() << false
                                                              << QDateTime(QDate(2026, 3, 2), QTime(16, 0), Qt::UTC)
                                                              << CallPreflight::Refusal::OutsideCallingHours;
        // 21:30 UTC: 16:30 in New York, 11:30 in Honolulu: inside everywhere.
        QTest::newRow("us inside in every zone") << QStringLiteral("+12127365000") << QString() << false
                                                 << QDateTime(QDate(2026, 3, 2), QTime(21, 30), Qt::UTC)
                                                 << CallPreflight::Refusal::None;
        // Daylight saving: 19:30 UTC on 1 July is 21:30 in Berlin (CEST), outside; 17:30 UTC is 19:30, inside.
        QTest::newRow("germany in summer, late") << QStringLiteral("+4930901820") << QString() << false
                                                 << QDateTime(QDate(2026, 7, 1), QTime(19, 30), Qt::UTC)
                                                 << CallPreflight::Refusal::OutsideCallingHours;
        QTest::newRow("germany in summer, inside") << QStringLiteral("+4930901820") << QString() << false
                                                   << QDateTime(QDate(2026, 7, 1), QTime(17, 30), Qt::UTC)
                                                   << CallPreflight::Refusal::None;
    }

    void checks()
    {
        QFETCH(QString, phone);
        QFETCH(QString, raw);
        QFETCH(bool, doNotCall);
        QFETCH(QDateTime, now);
        QFETCH(CallPreflight::Refusal, refusal);
        Lead subject = lead(phone);
        if (!raw.isEmpty())
            subject.phoneRaw = raw;
        subject.doNotCall = doNotCall;
        const CallPreflight::Result result = CallPreflight(CallingSettings {}).check(subject, now);
        QCOMPARE(result.refusal, refusal);
        QCOMPARE(result.ok(), refusal == CallPreflight::Refusal::None);
        if (!result.ok()) {
            QVERIFY(!result.message.isEmpty());
            QVERIFY(result.message.contains(subject.name) || refusal == CallPreflight::Refusal::OutsideCallingHours);
        }
    }

    void usNumbersUseEveryUsZone()
    {
        QCOMPARE(CallPreflight::regionOf(QStringLiteral("+12127365000")), QStringLiteral("US"));
        const QStringList zones = CallPreflight::timeZonesOf(QStringLiteral("US"));
        QVERIFY(zones.contains(QStringLiteral("America/New_York")));
        QVERIFY(zones.contains(QStringLiteral("America/Los_Angeles")));
        QVERIFY(zones.contains(QStringLiteral("Pacific/Honolulu")));
    }

    // Texts: sms_opt_out refuses them, do_not_call does not; number and hours are checked as for calls.
    void textsGoByTheirOwnOptOut()
    {
        const CallPreflight preflight { CallingSettings {} };
        const QDateTime monday = CallingTestData::londonAfternoon();
        Lead subject = lead(CallingTestData::ukNumber(1));
        subject.doNotCall = true;
        QVERIFY(preflight.check(subject, monday, CallPreflight::Channel::Text).ok());
        subject.smsOptOut = true;
        const CallPreflight::Result refused = preflight.check(subject, monday, CallPreflight::Channel::Text);
        QCOMPARE(refused.refusal, CallPreflight::Refusal::NoTexts);
        QVERIFY(refused.message.contains(QStringLiteral("opted out of text messages")));
        subject.doNotCall = false;
        QVERIFY(preflight.check(subject, monday).ok()); // calls do not look at sms_opt_out
        Lead night = lead(CallingTestData::ukNumber(1));
        QCOMPARE(preflight.check(night, QDateTime(QDate(2026, 3, 2), QTime(23, 0), Qt::UTC), CallPreflight::Channel::Text)
                     .refusal,
            CallPreflight::Refusal::OutsideCallingHours);
        QCOMPARE(preflight.check(lead(QString()), monday, CallPreflight::Channel::Text).refusal,
            CallPreflight::Refusal::NoNumber);
    }

    void weekendsCanBeAllowed()
    {
        CallingSettings settings;
        settings.callOnWeekends = true;
        const QDateTime saturday(QDate(2026, 3, 7), QTime(15, 0), Qt::UTC);
        QVERIFY(CallPreflight(settings).check(lead(CallingTestData::ukNumber(2)), saturday).ok());
    }

    void settingsRoundTripAndValidate()
    {
        CallingSettings settings;
        settings.vapiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9999"));
        settings.vapiPhoneNumberId = QStringLiteral("pn-1");
        settings.twilioAccountSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
        settings.twilioFromNumber = QStringLiteral("+14155550100");
        settings.ownPhone = QStringLiteral("+14155550199");
        settings.callingHoursStart = QTime(8, 30);
        settings.callingHoursEnd = QTime(18, 0);
        settings.maxConcurrentCalls = 3;
        settings.callsPerSecond = 0.5;
        QVERIFY(settings.validate().isEmpty());
        settings.save(QStringLiteral("ws-1"));
        const CallingSettings loaded = CallingSettings::load(QStringLiteral("ws-1"));
        QCOMPARE(loaded.vapiBaseUrl, settings.vapiBaseUrl);
        QCOMPARE(loaded.vapiPhoneNumberId, QStringLiteral("pn-1"));
        QCOMPARE(loaded.callingHoursStart, QTime(8, 30));
        QCOMPARE(loaded.callingHoursEnd, QTime(18, 0));
        QCOMPARE(loaded.maxConcurrentCalls, 3);
        QCOMPARE(loaded.callsPerSecond, 0.5);
        QCOMPARE(loaded.minStartIntervalMs(), 2000);
        // Nothing secret is in QSettings.
        QSettings raw;
        for (const QString& key : raw.allKeys())
            QVERIFY2(!key.contains(QStringLiteral("key"), Qt::CaseInsensitive)
                    && !key.contains(QStringLiteral("token"), Qt::CaseInsensitive), qPrintable(key));

        CallingSettings bad;
        bad.ownPhone = QStringLiteral("0151 1234");
        bad.callingHoursStart = QTime(20, 0);
        bad.callingHoursEnd = QTime(9, 0);
        bad.callsPerSecond = 0;
        const FieldErrors errors = bad.validate();
        QVERIFY(!errorFor(errors, QStringLiteral("ownPhone")).isEmpty());
        QVERIFY(!errorFor(errors, QStringLiteral("callingHours")).isEmpty());
        QVERIFY(!errorFor(errors, QStringLiteral("callsPerSecond")).isEmpty());
        QVERIFY(CallingSettings::load(QStringLiteral("unknown-ws")).validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(CallPreflightTest)
#include "tst_callpreflight.moc"
