// Calling → Scripts offscreen in a real main window over a real workspace: the set-up banner, a script written with
// validation errors and then saved, voice preview against FakeElevenLabsServer (audio bytes reach the output),
// preview errors, the unsaved-changes prompt, delete with undo and a library objection linked to a script.
#include "services/calling/CallScriptStore.h"
#include "services/calling/CallingConfiguration.h"
#include "tests/calling/RecordingPlayback.h"
#include "tests/gui/GuiFixture.h"
#include "tests/support/FakeElevenLabsServer.h"
#include "tests/support/NamedChild.h"
#include "tests/support/WaitFor.h"
#include "ui/calling/CallScriptListModel.h"
#include "ui/calling/CallingView.h"
#include "ui/calling/ObjectionHandlersEditor.h"
#include "ui/calling/ScriptEditor.h"
#include "ui/calling/ScriptsTab.h"
#include "ui/calling/StringListEditor.h"
#include "ui/common/MessageBoxes.h"
#include "ui/shell/PreferencesDialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QUndoStack>

using HubTest::FakeElevenLabsServer;

using HubTest::child;

class TestScriptsGui : public QObject
{
    Q_OBJECT

private:
    static void type(QWidget* parent, const char* name, const QString& text)
    {
        QWidget* widget = child<QWidget>(parent, name);
        QVERIFY(widget);
        widget->setFocus();
        if (auto* line = qobject_cast<QLineEdit*>(widget)) {
            line->selectAll();
            QTest::keyClick(line, Qt::Key_Backspace);
        } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
            plain->selectAll();
            QTest::keyClick(plain, Qt::Key_Backspace);
        }
        QTest::keyClicks(widget, text);
    }

    static QString errorText(QWidget* parent, const char* name)
    {
        auto* label = child<QLabel>(parent, name);
        return label && !label->isHidden() ? label->text() : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_scriptsgui"));
        QSettings().clear();
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    }

    void writePreviewDeleteAndUndo()
    {
        FakeElevenLabsServer server;
        QVERIFY(server.listen());
        GuiFixture fixture;
        QVERIFY(fixture.open(0));
        CallingView* view = fixture.window->callingView();
        QVERIFY(view);
        fixture.window->showModule(view);
        QTRY_VERIFY(view->isVisible());
        ScriptsTab* tab = view->scriptsTab();
        QAbstractItemModelTester tester(tab->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Nothing configured: the banner says what to set up and opens Settings → Calling.
        QVERIFY(view->setupBannerVisible());
        QTest::mouseClick(child<QPushButton>(view, "openCallingSettingsButton"), Qt::LeftButton);
        QPointer<PreferencesDialog> dialog = fixture.window->findChild<PreferencesDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->currentPage(), PreferencesDialog::callingPage());
        dialog->reject();

        // Empty state, then a new script saved with mistakes: inline errors, nothing stored.
        QTRY_VERIFY(child<QWidget>(tab, "scriptsEmpty")->isVisible());
        QTest::mouseClick(child<QPushButton>(tab, "emptyNewScript"), Qt::LeftButton);
        ScriptEditor* editor = tab->editor();
        QTRY_VERIFY(editor->isVisible());
        auto* save = child<QPushButton>(editor, "saveScriptButton");
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(!errorText(editor, "nameError").isEmpty());
        QVERIFY(!errorText(editor, "openingLineError").isEmpty());
        type(editor, "scriptNameEdit", QStringLiteral("Dentists - online booking"));
        QVERIFY(errorText(editor, "nameError").isEmpty()); // re-checked while typing
        type(editor, "openingLineEdit", QStringLiteral("Hi {{first_name, it's Ava."));
        QVERIFY(errorText(editor, "openingLineError").contains(QLatin1String("never closed")));
        type(editor, "openingLineEdit", QStringLiteral("Hi {{first_name}}, it's Ava from Northwind Studio."));
        type(editor, "rateMinEdit", QStringLiteral("5,000"));
        type(editor, "rateMaxEdit", QStringLiteral("1,500"));
        QVERIFY(errorText(editor, "rateError").contains(QLatin1String("lowest rate")));
        type(editor, "rateMaxEdit", QStringLiteral("lots"));
        QVERIFY(errorText(editor, "rateError").contains(QLatin1String("amounts")));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM call_scripts")).toInt(), 0);
        type(editor, "rateMaxEdit", QStringLiteral("9,500.50"));
        auto* points = child<StringListEditor>(editor, "talkingPoints");
        points->addEntry(QStringLiteral("Patients book at night"));
        points->addEntry(QStringLiteral("Reviews after each visit"));
        points->moveCurrent(-1);
        QSignalSpy saved(tab, &ScriptsTab::saved);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(tab->model()->rowCount(), 1);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT rate_min_minor FROM call_scripts")).toLongLong(), 500000);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT rate_max_minor FROM call_scripts")).toLongLong(), 950050);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT talking_points FROM call_scripts")).toString(),
            QStringLiteral("[\"Reviews after each visit\",\"Patients book at night\"]"));
        QVERIFY(!editor->isDirty());
        QCOMPARE(tab->table()->currentIndex().data(CallScriptListModel::IdRole).toString(), editor->scriptId());

        // Preview without a key: the hint says where to add one.
        QVERIFY(child<QLabel>(editor, "voiceHintLabel")->text().contains(QStringLiteral("Settings → Calling")));

        // A session-only ElevenLabs key pointed at the fake server: voices load, the preview plays real speech.
        CallingConfiguration* calling = fixture.session->calling();
        CallingSaveRequest request;
        request.settings = calling->settings();
        request.settings.elevenLabsBaseUrl = server.baseUrl();
        request.newKeys.insert(CallingConfiguration::elevenLabsProvider(), QStringLiteral("el-test-key"));
        request.sessionOnly = true;
        const auto outcome = HubTest::waitForCallback<CallingSaveOutcome>(
            [&](QObject* c, std::function<void(const CallingSaveOutcome&)> d) { calling->save(request, c, d); },
            QStringLiteral("calling save"));
        QVERIFY(outcome && outcome->ok);
        QTRY_VERIFY(!view->setupBannerVisible());
        auto* voices = child<QComboBox>(editor, "voiceCombo");
        QTRY_COMPARE_WITH_TIMEOUT(voices->count(), 3, 10000); // default + Rachel + Adam
        voices->setCurrentIndex(voices->findData(QStringLiteral("pNInz6obpgDQGcFmaJgB")));
        QVERIFY(editor->isDirty());

        HubTest::RecordingPlayback playback;
        tab->setAudioPlayback(&playback);
        auto* preview = child<QPushButton>(editor, "previewVoiceButton");
        QTest::mouseClick(preview, Qt::LeftButton);
        QVERIFY(preview->text().contains(QLatin1String("Cancel"))); // busy while the audio is made
        QTRY_COMPARE_WITH_TIMEOUT(playback.plays(), 1, 20000);
        QCOMPARE(playback.sampleRate(), 22050);
        QCOMPARE(playback.channels(), 1);
        QVERIFY2(playback.pcm().size() > 22050 * 2, qPrintable(QString::number(playback.pcm().size())));
        QCOMPARE(playback.pcm(), FakeElevenLabsServer::speak(QStringLiteral("Hi Alex, it's Ava from Northwind Studio."), 22050));
        const FakeElevenLabsServer::Request& spoken = server.requests().constLast();
        QVERIFY(spoken.path.startsWith("/v1/text-to-speech/pNInz6obpgDQGcFmaJgB"));
        QCOMPARE(spoken.json.value(QLatin1String("text")).toString(),
            QStringLiteral("Hi Alex, it's Ava from Northwind Studio."));
        QVERIFY(preview->text().contains(QLatin1String("Stop")));
        playback.finishPlaying();
        QTRY_VERIFY(preview->text().contains(QLatin1String("Preview")));

        // The provider refuses: the reason is shown next to the button.
        server.enqueue(FakeElevenLabsServer::error(401, QStringLiteral("Invalid API key"), QStringLiteral("invalid_api_key")));
        QTest::mouseClick(preview, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(editor, "previewStatusLabel")->text().contains(QLatin1String("rejected")), 10000);
        QVERIFY(preview->text().contains(QLatin1String("Preview")));
        QCOMPARE(playback.plays(), 1);

        // Unsaved changes: Cancel keeps editing, Discard starts the new script.
        QVERIFY(editor->isDirty());
        MessageBoxes::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(child<QPushButton>(tab, "newScriptButton"), Qt::LeftButton);
        QVERIFY(!editor->isNew());
        MessageBoxes::setNextAnswer(QMessageBox::Discard);
        QTest::mouseClick(child<QPushButton>(tab, "newScriptButton"), Qt::LeftButton);
        QVERIFY(editor->isNew());
        QVERIFY(!editor->isDirty());

        // Delete with undo.
        tab->openScript(fixture.scalar(QStringLiteral("SELECT id FROM call_scripts")).toString());
        QVERIFY(!editor->isNew());
        QTest::mouseClick(child<QPushButton>(tab, "deleteScriptButton"), Qt::LeftButton);
        QTRY_COMPARE(tab->model()->rowCount(), 0);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT deleted FROM call_scripts")).toInt(), 1);
        fixture.window->undoStack()->undo();
        QTRY_COMPARE(tab->model()->rowCount(), 1);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT deleted FROM call_scripts")).toInt(), 0);
        tab->setAudioPlayback(nullptr);
    }

    void libraryObjectionLinkedToAScript()
    {
        GuiFixture fixture;
        QVERIFY(fixture.open(0));
        CallingView* view = fixture.window->callingView();
        fixture.window->showModule(view);
        ScriptsTab* tab = view->scriptsTab();
        Objection objection;
        objection.objection = QStringLiteral("It's too expensive");
        objection.response = QStringLiteral("We can phase it.");
        objection.category = QStringLiteral("price");
        const auto saved = HubTest::waitForCallback<CallScriptWriteOutcome>(
            [&](QObject* c, CallScriptStore::Done d) { fixture.session->callScripts()->saveObjection(objection, c, d); },
            QStringLiteral("saveObjection"));
        QVERIFY(saved && saved->ok);
        QTRY_COMPARE(tab->library().objections.size(), 1);

        QTest::mouseClick(child<QPushButton>(tab, "newScriptButton"), Qt::LeftButton);
        ScriptEditor* editor = tab->editor();
        type(editor, "scriptNameEdit", QStringLiteral("Price-sensitive leads"));
        type(editor, "openingLineEdit", QStringLiteral("Hello {{first_name}}!"));
        auto* handlers = child<ObjectionHandlersEditor>(editor, "objectionHandlersEditor");
        handlers->link({ saved->id });
        handlers->addHandler(QStringLiteral("Who are you?"), QStringLiteral("Ava from Northwind Studio."));
        QSignalSpy savedSpy(tab, &ScriptsTab::saved);
        QTest::mouseClick(child<QPushButton>(editor, "saveScriptButton"), Qt::LeftButton);
        QVERIFY(savedSpy.wait(10000));
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT objection_id FROM call_script_objections WHERE deleted = 0"))
                     .toString(),
            saved->id);
        QTRY_COMPARE(tab->library().objections.value(0).scriptCount, 1);
    }
};

QTEST_MAIN(TestScriptsGui)
#include "tst_scriptsgui.moc"
