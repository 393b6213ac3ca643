// Settings → Calling driven like a user against the real keychain (run through tests/secrets/with_keychain.sh):
// invalid numbers and hours are refused with clear messages, the three provider keys go to the keychain and nowhere
// else, the other settings to QSettings, the voice list comes from the (fake) ElevenLabs account, keys can be removed.
#include "services/calling/CallingConfiguration.h"
#include "services/calling/CallingRuntime.h"
#include "services/providers/VapiTelephony.h"
#include "services/secrets/SecretStore.h"
#include "services/settings/AppSettings.h"
#include "tests/gui/GuiFixture.h"
#include "tests/secrets/SecretScan.h"
#include "tests/support/FakeElevenLabsServer.h"
#include "tests/support/FakeVapiServer.h"
#include "tests/support/NamedChild.h"
#include "tests/support/WaitFor.h"
#include "ui/calling/CallingView.h"
#include "ui/common/MessageBoxes.h"
#include "ui/settings/CallingSettingsPage.h"
#include "ui/shell/PreferencesDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimeEdit>

using HubTest::FakeElevenLabsServer;
using HubTest::FakeVapiServer;

using HubTest::child;
using HubTest::retype;

class TestCallingSettingsGui : public QObject
{
    Q_OBJECT

private:
    static std::optional<SecretResult> readKeychain(const QString& key)
    {
        SecretStore store;
        return HubTest::waitForCallback<SecretResult>(
            [&](QObject* context, SecretStore::Done done) { store.read(key, context, std::move(done)); },
            QStringLiteral("SecretStore::read"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no session bus: run this test through tests/secrets/with_keychain.sh");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_callingsettingsgui"));
        QSettings().clear();
        AppSettings::setDefaultRegion(QStringLiteral("US"));
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    }

    void configureSaveAndRemoveKeys()
    {
        FakeElevenLabsServer server;
        QVERIFY(server.listen());
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128);
        const QString vapiKey = QStringLiteral("vapi-") + suffix;
        const QString twilioToken = QStringLiteral("twtok-") + suffix;
        const QString elevenKey = QStringLiteral("el-test-key");
        server.setApiKey(elevenKey);

        GuiFixture fixture;
        QVERIFY(fixture.open(1));
        QVERIFY(fixture.window->callingView()->setupBannerVisible());
        QPointer<PreferencesDialog> dialog = fixture.window->openSettings(PreferencesDialog::callingPage());
        QCOMPARE(dialog->currentPage(), PreferencesDialog::callingPage());
        CallingSettingsPage* page = dialog->callingSettings();
        QVERIFY(page);
        // Defaults shown.
        QCOMPARE(child<QTimeEdit>(page, "callingHoursStartEdit")->time(), QTime(9, 0));
        QCOMPARE(child<QTimeEdit>(page, "callingHoursEndEdit")->time(), QTime(20, 0));
        QCOMPARE(child<QSpinBox>(page, "maxConcurrentCallsSpin")->value(), 10);
        QCOMPARE(child<QSpinBox>(page, "callsPerSecondSpin")->value(), 1);
        QVERIFY(child<QLabel>(page, "voiceStatusLabel")->text().contains(QLatin1String("ElevenLabs key")));

        // Mistakes keep the dialog open with the reason, and nothing is stored.
        auto* ok = child<QPushButton>(dialog, "settingsOkButton");
        retype(page, "ownPhoneEdit", QStringLiteral("call me maybe"));
        retype(page, "twilioSidEdit", QStringLiteral("AC123"));
        child<QTimeEdit>(page, "callingHoursEndEdit")->setTime(QTime(8, 0));
        retype(page, "vapiKeyEdit", vapiKey);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        const QString errors = child<QLabel>(page, "callingValidationMessage")->text();
        QVERIFY2(errors.contains(QLatin1String("Your phone")), qPrintable(errors));
        QVERIFY(errors.contains(QLatin1String("account SID")));
        QVERIFY(errors.contains(QLatin1String("Calling hours")));
        QCOMPARE(fixture.session->calling()->keyState(CallingConfiguration::vapiProvider()),
            CallingConfiguration::KeyState::NotSet);

        // Corrected (the phone typed in national form is stored as E.164 for the default region US).
        retype(page, "ownPhoneEdit", QStringLiteral("(415) 555-0132"));
        retype(page, "twilioSidEdit", QStringLiteral("AC0123456789abcdef0123456789abcdef"));
        retype(page, "twilioFromEdit", QStringLiteral("+1 415 555 0100"));
        retype(page, "elevenLabsBaseUrlEdit", server.baseUrl().toString());
        child<QTimeEdit>(page, "callingHoursEndEdit")->setTime(QTime(18, 30));
        child<QSpinBox>(page, "maxConcurrentCallsSpin")->setValue(4);
        retype(page, "twilioTokenEdit", twilioToken);
        retype(page, "elevenLabsKeyEdit", elevenKey);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);

        CallingConfiguration* calling = fixture.session->calling();
        QCOMPARE(calling->keyState(CallingConfiguration::vapiProvider()), CallingConfiguration::KeyState::Stored);
        QCOMPARE(calling->credentials().vapiKey, vapiKey);
        QCOMPARE(calling->credentials().twilioAuthToken, twilioToken);
        for (const auto& [provider, secret] : { std::pair { CallingConfiguration::vapiProvider(), vapiKey },
                 std::pair { CallingConfiguration::twilioProvider(), twilioToken },
                 std::pair { CallingConfiguration::elevenLabsProvider(), elevenKey } }) {
            const auto stored = readKeychain(calling->secretKey(provider));
            QVERIFY(stored && stored->ok());
            QCOMPARE(stored->secret, secret);
        }
        QSettings settings;
        const QString group = CallingSettings::settingsGroup(fixture.session->identity().workspaceId);
        QCOMPARE(settings.value(group + QStringLiteral("/ownPhone")).toString(), QStringLiteral("+14155550132"));
        QCOMPARE(settings.value(group + QStringLiteral("/callingHoursEnd")).toString(), QStringLiteral("18:30"));
        QCOMPARE(settings.value(group + QStringLiteral("/maxConcurrentCalls")).toInt(), 4);
        settings.sync();
        const QByteArray file = HubTest::readFile(settings.fileName());
        QVERIFY(!file.isEmpty());
        QVERIFY(!HubTest::containsSecret(file, vapiKey));
        QVERIFY(!HubTest::containsSecret(file, twilioToken));
        QVERIFY(HubTest::filesContainingSecret(fixture.dir.path(), vapiKey).isEmpty()); // not in the workspace
        QVERIFY(!fixture.window->callingView()->setupBannerVisible());

        // Opened again: keys only as "stored", voices from the account, default voice chosen and saved.
        dialog = fixture.window->openSettings(PreferencesDialog::callingPage());
        page = dialog->callingSettings();
        QVERIFY(child<QLineEdit>(page, "vapiKeyEdit")->text().isEmpty());
        QVERIFY(child<QLabel>(page, "vapiKeyEditStatus")->text().contains(QLatin1String("Stored")));
        auto* voices = child<QComboBox>(page, "defaultVoiceCombo");
        QTRY_COMPARE_WITH_TIMEOUT(voices->count(), 3, 10000);
        QCOMPARE(server.requests().constLast().headers.value("xi-api-key"), elevenKey.toUtf8());
        voices->setCurrentIndex(voices->findData(QStringLiteral("21m00Tcm4TlvDq8ikWAM")));
        emit voices->activated(voices->currentIndex());
        QTest::mouseClick(child<QPushButton>(dialog, "settingsOkButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
        QCOMPARE(calling->settings().defaultVoiceId, QStringLiteral("21m00Tcm4TlvDq8ikWAM"));

        // Remove the Vapi key after confirming.
        dialog = fixture.window->openSettings(PreferencesDialog::callingPage());
        page = dialog->callingSettings();
        auto* remove = child<QPushButton>(page, "vapiKeyEditRemove");
        QVERIFY(remove->isEnabled());
        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(calling->keyState(CallingConfiguration::vapiProvider()),
            CallingConfiguration::KeyState::NotSet, 10000);
        QVERIFY(calling->credentials().vapiKey.isEmpty());
        const auto removed = readKeychain(calling->secretKey(CallingConfiguration::vapiProvider()));
        QVERIFY(removed);
        QCOMPARE(removed->status, SecretResult::Status::NotSet);
        // The other keys stay.
        QCOMPARE(calling->keyState(CallingConfiguration::twilioProvider()), CallingConfiguration::KeyState::Stored);
        dialog->reject();
    }

    // The outbound number is picked from the Vapi account's numbers, listed with the stored key; a wrong key says why
    // the list is missing, and a saved number the account no longer has stays chosen until the user changes it.
    void picksTheVapiOutboundNumber()
    {
        FakeVapiServer server;
        QVERIFY(server.listen());
        GuiFixture fixture;
        QVERIFY(fixture.open(2));
        QPointer<PreferencesDialog> dialog = fixture.window->openSettings(PreferencesDialog::callingPage());
        CallingSettingsPage* page = dialog->callingSettings();
        QVERIFY(child<QLabel>(page, "vapiNumberStatusLabel")->text().contains(QLatin1String("Save a Vapi key")));

        // A wrong key: the provider's refusal is shown where the numbers would be.
        retype(page, "vapiBaseUrlEdit", server.baseUrl().toString());
        retype(page, "vapiKeyEdit", QStringLiteral("not-the-key"));
        QTest::mouseClick(child<QPushButton>(dialog, "settingsOkButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
        dialog = fixture.window->openSettings(PreferencesDialog::callingPage());
        page = dialog->callingSettings();
        auto* status = child<QLabel>(page, "vapiNumberStatusLabel");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("could not be loaded")), 10000);
        QCOMPARE(child<QComboBox>(page, "vapiPhoneNumberCombo")->count(), 1);

        // The right key: both numbers are listed, one is chosen and saved.
        retype(page, "vapiKeyEdit", QString::fromLatin1(FakeVapiServer::kApiKey));
        QTest::mouseClick(child<QPushButton>(dialog, "settingsOkButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
        dialog = fixture.window->openSettings(PreferencesDialog::callingPage());
        page = dialog->callingSettings();
        auto* numbers = child<QComboBox>(page, "vapiPhoneNumberCombo");
        QTRY_COMPARE_WITH_TIMEOUT(numbers->count(), 3, 10000);
        QVERIFY(numbers->itemText(1).contains(QLatin1String("+14155550100")));
        QVERIFY(numbers->itemText(1).contains(QLatin1String("Sales line")));
        QVERIFY(child<QLabel>(page, "vapiNumberStatusLabel")->text().contains(QLatin1String("2 number")));
        numbers->setCurrentIndex(numbers->findData(QString::fromLatin1(FakeVapiServer::kPhoneNumberId)));
        emit numbers->activated(numbers->currentIndex());
        QVERIFY(page->isDirty());
        QTest::mouseClick(child<QPushButton>(dialog, "settingsOkButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
        CallingConfiguration* calling = fixture.session->calling();
        QCOMPARE(calling->settings().vapiPhoneNumberId, QString::fromLatin1(FakeVapiServer::kPhoneNumberId));
        QVERIFY(fixture.session->callingRuntime()->vapi()->isConfigured());

        // A number removed from the account stays selected, marked, until the user picks another.
        CallingSaveRequest request;
        request.settings = calling->settings();
        request.settings.vapiPhoneNumberId = QStringLiteral("pn-gone");
        bool saved = false;
        calling->save(request, this, [&](const CallingSaveOutcome& outcome) { saved = outcome.ok; });
        QTRY_VERIFY_WITH_TIMEOUT(saved, 10000);
        dialog = fixture.window->openSettings(PreferencesDialog::callingPage());
        page = dialog->callingSettings();
        numbers = child<QComboBox>(page, "vapiPhoneNumberCombo");
        QTRY_COMPARE_WITH_TIMEOUT(numbers->count(), 4, 10000);
        QCOMPARE(numbers->currentData().toString(), QStringLiteral("pn-gone"));
        QVERIFY(numbers->currentText().contains(QLatin1String("not in your Vapi numbers")));
        QCOMPARE(page->typedSettings().vapiPhoneNumberId, QStringLiteral("pn-gone"));
        dialog->reject();
    }
};

QTEST_MAIN(TestCallingSettingsGui)
#include "tst_callingsettingsgui.moc"
