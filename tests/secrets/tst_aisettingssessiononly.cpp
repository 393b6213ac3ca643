// Settings → AI on a machine without a keychain: saving a key says why it cannot be stored and offers "for this
// session only"; choosing it makes the key work without writing it anywhere.
#include "services/providers/AiConfiguration.h"
#include "services/providers/AiGateway.h"
#include "tests/gui/GuiFixture.h"
#include "tests/secrets/SecretScan.h"
#include "ui/settings/AiSettingsPage.h"
#include "ui/shell/PreferencesDialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

class TestAiSettingsSessionOnly : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_noBus;

private slots:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_noBus.filePath(QStringLiteral("no-bus")).toUtf8());
        qunsetenv("DISPLAY");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_aisettingssessiononly"));
        QSettings().clear();
    }

    void keyForThisSessionOnly()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(1));
        const QString key = QStringLiteral("sk-session-only-4b1d9e");
        QPointer<PreferencesDialog> dialog = fixture.window->openSettings(PreferencesDialog::aiPage());
        AiSettingsPage* page = dialog->aiSettings();
        auto* sessionOnly = page->findChild<QCheckBox*>(QStringLiteral("aiSessionOnlyCheck"));
        QVERIFY(sessionOnly);
        QVERIFY(!sessionOnly->isVisible()); // the keychain has not been asked yet

        QTest::keyClicks(page->findChild<QLineEdit*>(QStringLiteral("aiBaseUrlEdit")),
            QStringLiteral("http://127.0.0.1:11434/v1"));
        QTest::keyClicks(page->findChild<QLineEdit*>(QStringLiteral("aiModelEdit")), QStringLiteral("llama3.1"));
        QTest::keyClicks(page->findChild<QLineEdit*>(QStringLiteral("aiApiKeyEdit")), key);
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("settingsOkButton"));
        QSignalSpy saved(page, &AiSettingsPage::saved);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.constLast().at(0).toBool(), false);
        QVERIFY(dialog->isVisible());
        const QString message = page->findChild<QLabel*>(QStringLiteral("aiValidationMessage"))->text();
        QVERIFY2(message.contains(QLatin1String("not available")), qPrintable(message));
        QVERIFY(sessionOnly->isVisible());
        // What could be saved is saved; the key is not in use.
        QCOMPARE(fixture.session->ai()->settings().model, QStringLiteral("llama3.1"));
        QVERIFY(fixture.session->ai()->settings().apiKey.isEmpty());

        sessionOnly->setChecked(true);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
        AiConfiguration* configuration = fixture.session->aiConfiguration();
        QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::SessionOnly);
        QCOMPARE(fixture.session->ai()->settings().apiKey, key);

        dialog = fixture.window->openSettings(PreferencesDialog::aiPage());
        page = dialog->aiSettings();
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("aiKeyStatusLabel"))->text().contains(
            QLatin1String("this session only")));
        QVERIFY(page->findChild<QPushButton*>(QStringLiteral("aiRemoveKeyButton"))->isEnabled());
        dialog->reject();

        QSettings settings;
        settings.sync();
        QVERIFY(HubTest::readFile(settings.fileName()).contains("llama3.1"));
        QVERIFY(!HubTest::containsSecret(HubTest::readFile(settings.fileName()), key));
        QCOMPARE(HubTest::filesContainingSecret(fixture.dir.path(), key), QStringList());
    }
};

QTEST_MAIN(TestAiSettingsSessionOnly)
#include "tst_aisettingssessiononly.moc"
