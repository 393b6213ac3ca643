// Settings → AI driven like a user: enter the server of FakeLlmServer, test the connection (good and wrong key), fix a
// bad budget, save (key into the real keychain, the rest into QSettings), watch the usage table, remove the key.
// Runs through with_keychain.sh (a real Secret Service).
#include "services/providers/AiConfiguration.h"
#include "services/providers/AiGateway.h"
#include "services/secrets/SecretStore.h"
#include "tests/gui/GuiFixture.h"
#include "tests/secrets/SecretScan.h"
#include "tests/support/FakeLlmServer.h"
#include "tests/support/NamedChild.h"
#include "tests/support/WaitFor.h"
#include "ui/common/MessageBoxes.h"
#include "ui/settings/AiFeatureUsageModel.h"
#include "ui/settings/AiSettingsPage.h"
#include "ui/settings/AiUsagePanel.h"
#include "ui/shell/PreferencesDialog.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxy>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>

using HubTest::FakeLlmServer;

using HubTest::child;
using HubTest::retype;

class TestAiSettingsGui : public QObject
{
    Q_OBJECT

private:
    static QString text(QWidget* parent, const char* name)
    {
        auto* label = child<QLabel>(parent, name);
        return label ? label->text() : QString();
    }

    std::optional<SecretResult> readKeychain(const QString& key)
    {
        SecretStore store; // a store of its own: sees only what really is in the keychain
        return HubTest::waitForCallback<SecretResult>(
            [&](QObject* context, SecretStore::Done done) { store.read(key, context, std::move(done)); },
            QStringLiteral("SecretStore::read"));
    }

    FakeLlmServer m_server;

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no session bus: run this test through tests/secrets/with_keychain.sh");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_aisettingsgui"));
        QSettings().clear();
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_server.listen());
    }

    void configureTestSaveAndRemoveKey()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(1));
        const QString key = QStringLiteral("sk-gui-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        QPointer<PreferencesDialog> dialog = fixture.window->openSettings(PreferencesDialog::aiPage());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->currentPage(), PreferencesDialog::aiPage());
        QCOMPARE(fixture.window->openSettings(PreferencesDialog::generalPage()), dialog.data()); // one dialog only
        QCOMPARE(dialog->currentPage(), PreferencesDialog::generalPage());
        dialog->showPage(PreferencesDialog::aiPage());
        AiSettingsPage* page = dialog->aiSettings();
        QVERIFY(page);
        QVERIFY(text(page, "aiKeyStatusLabel").contains(QLatin1String("No API key")));
        QVERIFY(!child<QPushButton>(page, "aiRemoveKeyButton")->isEnabled());
        auto* test = child<QPushButton>(page, "aiTestConnectionButton");
        QVERIFY(test);

        // Nothing to test yet, then a URL that is not http(s): clear messages, no request.
        const int requestsBefore = m_server.requestCount();
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(text(page, "aiTestResultLabel").contains(QLatin1String("Enter the base URL")));
        retype(page, "aiBaseUrlEdit", QStringLiteral("ftp://example.com/v1"));
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(text(page, "aiValidationMessage").contains(QLatin1String("http://")));
        QCOMPARE(m_server.requestCount(), requestsBefore);

        // The right server and key: success lists the models, the typed key was sent.
        retype(page, "aiBaseUrlEdit", m_server.baseUrl().toString());
        retype(page, "aiModelEdit", QStringLiteral("fake-model-1"));
        retype(page, "aiApiKeyEdit", key);
        QCOMPARE(child<QLineEdit>(page, "aiApiKeyEdit")->echoMode(), QLineEdit::Password);
        m_server.enqueue(FakeLlmServer::models({ QStringLiteral("fake-model-1"), QStringLiteral("other-model") }));
        QSignalSpy finished(page, &AiSettingsPage::testFinished);
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(child<QProgressBar>(page, "aiTestProgress")->isVisible());
        QVERIFY(text(page, "aiTestResultLabel").contains(QLatin1String("Testing")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.constLast().at(0).toBool(), true);
        QVERIFY(!child<QProgressBar>(page, "aiTestProgress")->isVisible());
        QVERIFY2(text(page, "aiTestResultLabel").startsWith(QLatin1String("Connected.")),
            qPrintable(text(page, "aiTestResultLabel")));
        QVERIFY(text(page, "aiTestResultLabel").contains(QLatin1String("other-model")));
        QCOMPARE(m_server.requests().constLast().headers.value("authorization"), "Bearer " + key.toUtf8());

        // A wrong key: the server's 401 becomes the typed error message.
        m_server.enqueue(FakeLlmServer::error(401, QStringLiteral("Incorrect API key provided"), "invalid_api_key"));
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.constLast().at(0).toBool(), false);
        QVERIFY2(text(page, "aiTestResultLabel").contains(QLatin1String("rejected the API key")),
            qPrintable(text(page, "aiTestResultLabel")));
        QVERIFY(text(page, "aiTestResultLabel").contains(QLatin1String("Incorrect API key provided")));

        // A budget that is not an amount keeps the dialog open with the reason; a valid one saves.
        auto* ok = child<QPushButton>(dialog, "settingsOkButton");
        QVERIFY(ok);
        retype(page, "aiOrgBudgetEdit", QStringLiteral("lots"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(text(page, "aiValidationMessage").contains(QLatin1String("amount")));
        retype(page, "aiOrgBudgetEdit", QStringLiteral("20"));
        retype(page, "aiMyBudgetEdit", QStringLiteral("7.50"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);

        // Saved: key in the keychain, everything else in QSettings and the ledger, applied to the gateway.
        AiConfiguration* configuration = fixture.session->aiConfiguration();
        QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::Stored);
        const auto stored = readKeychain(configuration->secretKey());
        QVERIFY(stored && stored->ok());
        QCOMPARE(stored->secret, key);
        QSettings settings;
        const QString group = QStringLiteral("ai/") + fixture.session->identity().workspaceId;
        QCOMPARE(settings.value(group + QStringLiteral("/baseUrl")).toString(), m_server.baseUrl().toString());
        QCOMPARE(settings.value(group + QStringLiteral("/model")).toString(), QStringLiteral("fake-model-1"));
        settings.sync();
        QVERIFY(!HubTest::containsSecret(HubTest::readFile(settings.fileName()), key));
        QCOMPARE(fixture.session->ai()->settings().apiKey, key);
        QCOMPARE(configuration->options().orgBudgetMicros, std::optional<qint64>(20'000'000));
        QCOMPARE(configuration->options().myBudgetMicros, std::optional<qint64>(7'500'000));

        // Opened again: the fields show what is saved, the key only as "stored", never its text.
        dialog = fixture.window->openSettings(PreferencesDialog::aiPage());
        page = dialog->aiSettings();
        QCOMPARE(child<QLineEdit>(page, "aiModelEdit")->text(), QStringLiteral("fake-model-1"));
        QCOMPARE(child<QLineEdit>(page, "aiOrgBudgetEdit")->text(), QStringLiteral("20.00"));
        QVERIFY(child<QLineEdit>(page, "aiApiKeyEdit")->text().isEmpty());
        QVERIFY(text(page, "aiKeyStatusLabel").contains(SecretStore::keychainName()));
        auto* remove = child<QPushButton>(page, "aiRemoveKeyButton");
        QVERIFY(remove->isEnabled());

        // Remove key, after confirming.
        MessageBoxes::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(configuration->keyState(), AiConfiguration::KeyState::Stored);
        MessageBoxes::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(configuration->keyState(), AiConfiguration::KeyState::NotSet, 10000);
        QVERIFY(text(page, "aiKeyStatusLabel").contains(QLatin1String("No API key")));
        QVERIFY(!remove->isEnabled());
        QVERIFY(fixture.session->ai()->settings().apiKey.isEmpty());
        const auto removed = readKeychain(configuration->secretKey());
        QVERIFY(removed);
        QCOMPARE(removed->status, SecretResult::Status::NotSet);
        dialog->reject();
    }

    void usageTableShowsRecordedCalls()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(1));
        AiConfiguration* configuration = fixture.session->aiConfiguration();
        AiSaveRequest request;
        request.options.baseUrl = m_server.baseUrl();
        request.options.model = QStringLiteral("gpt-4o-mini");
        request.options.orgBudgetMicros = 1'000'000;
        const auto saved = HubTest::waitForCallback<AiSaveOutcome>(
            [&](QObject* context, std::function<void(const AiSaveOutcome&)> done) {
                configuration->save(request, context, std::move(done));
            },
            QStringLiteral("save"));
        QVERIFY(saved && saved->ok);
        // The fake server answers as "fake-model-1"; give it a price so calls cost something.
        AiPriceTable prices = AiPriceTable::defaults();
        prices.setPrice(QString::fromLatin1(FakeLlmServer::kModel), ModelPrice { 2'000'000, 8'000'000 });
        fixture.session->ai()->setPriceTable(prices);

        const auto call = [&] {
            m_server.enqueue(FakeLlmServer::completion(QStringLiteral("Summary"), 1000, 500));
            LlmRequest llm;
            llm.feature = QStringLiteral("lead_summary");
            llm.messages = { { QStringLiteral("user"), QStringLiteral("Summarise") } };
            QSignalSpy recorded(fixture.session->ai(), &AiGateway::usageRecorded);
            const auto result = HubTest::waitForCallback<LlmResult>(
                [&](QObject* context, LlmClient::Done done) {
                    fixture.session->ai()->complete(llm, context, std::move(done));
                },
                QStringLiteral("complete"));
            QVERIFY(result && result->ok);
            QVERIFY(recorded.count() > 0 || recorded.wait(10000));
        };

        QPointer<PreferencesDialog> dialog = fixture.window->openSettings(PreferencesDialog::aiPage());
        AiUsagePanel* panel = dialog->aiSettings()->usagePanel();
        AiFeatureUsageModel* model = panel->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(text(panel, "aiUsageEmptyText").contains(QLatin1String("No AI calls")));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!child<QTableView>(panel, "aiUsageTable")->isVisible());

        call();
        QTRY_COMPARE(model->rowCount(), 1);
        QVERIFY(child<QTableView>(panel, "aiUsageTable")->isVisible());
        const auto cell = [model](int column) { return model->index(0, column).data().toString(); };
        QCOMPARE(cell(AiFeatureUsageModel::Feature), QStringLiteral("Lead summary"));
        QCOMPARE(cell(AiFeatureUsageModel::Calls), QStringLiteral("1"));
        QCOMPARE(model->index(0, AiFeatureUsageModel::Tokens).data(AiFeatureUsageModel::RawValueRole).toLongLong(),
            1500);
        QVERIFY(cell(AiFeatureUsageModel::Cost).startsWith(QStringLiteral("€")));
        // 1000 tokens in at 2.00 and 500 out at 8.00 per million: 0.006.
        QCOMPARE(model->index(0, AiFeatureUsageModel::Cost).data(AiFeatureUsageModel::RawValueRole).toLongLong(),
            6'000);
        QVERIFY(text(panel, "aiOrgSpendLabel").contains(QStringLiteral("of €1.00")));
        QVERIFY(child<QProgressBar>(panel, "aiOrgBudgetBar")->isVisible());
        QVERIFY(!child<QProgressBar>(panel, "aiMyBudgetBar")->isVisible()); // no personal budget
        QVERIFY(text(panel, "aiMySpendLabel").contains(QLatin1String("no budget")));

        // A second call while the dialog is open shows up at once.
        call();
        QTRY_COMPARE(model->index(0, AiFeatureUsageModel::Calls).data().toString(), QStringLiteral("2"));
        dialog->reject();
    }
};

QTEST_MAIN(TestAiSettingsGui)
#include "tst_aisettingsgui.moc"
