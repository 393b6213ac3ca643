#include "services/calling/AgentRunner.h"
#include "services/calling/CallListenClient.h"
#include "services/calling/CallRecordingLoader.h"
#include "services/calling/CallScriptSource.h"
#include "tests/calling/CallingRig.h"
#include "tests/calling/RecordingPlayback.h"
#include "tests/support/SpeechAudio.h"
#include "tests/support/WaitFor.h"
#include "ui/calling/AgentsTab.h"
#include "ui/calling/CallAnalyticsTab.h"
#include "ui/calling/CallListModel.h"
#include "ui/calling/CallsTab.h"
#include "ui/calling/LiveCallModel.h"
#include "ui/calling/LiveMonitorTab.h"
#include "services/leads/LeadStore.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QPointer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

namespace {
// The scripts the Scripts tab would offer.
class ScriptList : public CallScriptSource
{
public:
    void scripts(QObject* context, std::function<void(const QList<CallScript>&)> done) override
    {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                if (guard)
                    done({ CallingTestData::script() });
            },
            Qt::QueuedConnection);
    }
};
} // namespace

class CallingGuiTest : public QObject
{
    Q_OBJECT

private slots:
    void startAnAgentAndWatchTheMonitor()
    {
        CallingRig rig;
        QVERIFY(rig.start());
        HubTest::FakeVapiServer::Scenario call;
        call.statuses = { QStringLiteral("queued"), QStringLiteral("ringing") };
        for (int i = 0; i < 60; ++i)
            call.statuses << QStringLiteral("in-progress");
        call.statuses << QStringLiteral("ended");
        rig.vapi.setDefaultScenario(call);
        QString error;
        const QByteArray speech = HubTest::SpeechAudio::synthesize(QStringLiteral("Hello, who is calling?"), 16000, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        rig.vapi.setListenAudio(HubTest::SpeechAudio::interleave(speech, speech));
        for (int i = 0; i < 3; ++i)
            QVERIFY(rig.addLead(QStringLiteral("Bakery %1").arg(i), CallingTestData::ukNumber(i)).isValid());

        ScriptList scripts;
        CallRecordingLoader recordings(&rig.network);
        QWidget window;
        auto* agentsTab = new AgentsTab(rig.agents.get(), &scripts, &rig.ws.store(), &window);
        auto* monitorTab = new LiveMonitorTab(rig.calls.get(), rig.agents.get(), &window);
        auto* callsTab = new CallsTab(rig.calls.get(), &recordings, &window);
        auto* analyticsTab = new CallAnalyticsTab(rig.calls.get(), &window);
        auto* layout = new QHBoxLayout(&window);
        for (QWidget* tab : std::initializer_list<QWidget*> { agentsTab, monitorTab, callsTab, analyticsTab })
            layout->addWidget(tab);
        window.resize(1600, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* leads = agentsTab->findChild<QListWidget*>(QStringLiteral("agentLeads"));
        QVERIFY(HubTest::waitUntil([&] { return leads->count() == 3; }));
        auto* empty = monitorTab->findChild<QLabel*>(QStringLiteral("liveEmpty"));
        QVERIFY(empty->isVisible());
        QVERIFY(callsTab->findChild<QLabel*>(QStringLiteral("callsEmpty"))->isVisible());

        // Creating without a name is refused with a message.
        auto* create = agentsTab->findChild<QPushButton*>(QStringLiteral("agentCreate"));
        for (int row = 0; row < leads->count(); ++row)
            leads->item(row)->setCheckState(Qt::Checked);
        QTest::mouseClick(create, Qt::LeftButton);
        auto* message = agentsTab->findChild<QLabel*>(QStringLiteral("agentFormMessage"));
        QVERIFY(message->text().contains(QStringLiteral("name")));

        QTest::keyClicks(agentsTab->findChild<QLineEdit*>(QStringLiteral("agentName")), QStringLiteral("Bakeries"));
        agentsTab->findChild<QSpinBox*>(QStringLiteral("agentDelay"))->setValue(0);
        QTest::mouseClick(create, Qt::LeftButton);
        auto* runs = agentsTab->findChild<QListWidget*>(QStringLiteral("agentRuns"));
        QVERIFY(HubTest::waitUntil([&] { return runs->count() == 1; }));
        runs->setCurrentRow(0);
        auto* startButton = agentsTab->findChild<QPushButton*>(QStringLiteral("agentStart"));
        QVERIFY(startButton->isEnabled());
        QTest::mouseClick(startButton, Qt::LeftButton);

        // The monitor lists the calls while they are live.
        auto* table = monitorTab->findChild<QTableView*>(QStringLiteral("liveCallsTable"));
        QVERIFY(HubTest::waitUntil([&] { return table->model()->rowCount() >= 1; }));
        QVERIFY(table->isVisible());
        QVERIFY(!empty->isVisible());
        QVERIFY(table->model()->index(0, LiveCallModel::Lead).data().toString().startsWith(QStringLiteral("Bakery")));
        QVERIFY(HubTest::waitUntil([&] {
            return table->model()->rowCount() > 0
                && table->model()->index(0, LiveCallModel::Agent).data().toString() == QStringLiteral("Bakeries");
        }));
        QVERIFY(HubTest::waitUntil([&] {
            return table->model()->index(0, LiveCallModel::State).data().toString() == CallRecord::statusLabel(CallRecord::Status::InProgress);
        }));

        // Listen to the first call: the meters move.
        table->selectRow(0);
        auto* listen = monitorTab->findChild<QPushButton*>(QStringLiteral("liveListen"));
        QVERIFY(listen->isEnabled());
        QTest::mouseClick(listen, Qt::LeftButton);
        auto* level = monitorTab->findChild<QProgressBar*>(QStringLiteral("liveLevelCustomer"));
        QVERIFY(HubTest::waitUntil([&] { return monitorTab->listener()->bytesReceived() > 0 && level->value() > 0; }));
        QVERIFY(HubTest::waitUntil([&] {
            return !monitorTab->findChild<QPlainTextEdit*>(QStringLiteral("liveTranscript"))->toPlainText().isEmpty();
        }));

        // Every call ends; the monitor empties, the history and the figures fill.
        QVERIFY(HubTest::waitUntil([&] { return rig.agents->runner(agentsTab->currentRunId())->status() == AgentRun::Status::Completed; }, 30000));
        QVERIFY(HubTest::waitUntil([&] { return table->model()->rowCount() == 0; }));
        QVERIFY(empty->isVisible());
        QVERIFY(HubTest::waitUntil([&] { return callsTab->model()->rowCount() == 3; }));
        QVERIFY(HubTest::waitUntil([&] {
            return analyticsTab->figure(QStringLiteral("total")) == QStringLiteral("3")
                && analyticsTab->figure(QStringLiteral("booked")) == QStringLiteral("3");
        }));
        QVERIFY(agentsTab->findChild<QLabel*>(QStringLiteral("agentStats"))->text().contains(QStringLiteral("Booked 3")));

        // The transcript pane shows the selected call.
        callsTab->table()->selectRow(0);
        QVERIFY(callsTab->findChild<QPlainTextEdit*>(QStringLiteral("callTranscript"))->toPlainText().contains(
            QStringLiteral("Hello Jane")));

        // Its recording is downloaded once and played: the mono recording is the customer channel.
        HubTest::RecordingPlayback playback;
        callsTab->setAudioPlayback(&playback);
        auto* play = callsTab->findChild<QPushButton*>(QStringLiteral("callPlay"));
        auto* status = callsTab->findChild<QLabel*>(QStringLiteral("callStatusLine"));
        QVERIFY(play->isEnabled());
        const auto recordingDownloads = [&rig] {
            return std::count_if(rig.vapi.requests().cbegin(), rig.vapi.requests().cend(),
                [](const HubTest::HttpRequestRecord& request) { return request.path.startsWith("/recordings/"); });
        };
        QTest::mouseClick(play, Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return playback.plays() == 1; }));
        QCOMPARE(playback.sampleRate(), 16000);
        QCOMPARE(playback.channels(), 1);
        QCOMPARE(playback.pcm(), speech);
        QCOMPARE(play->text(), QStringLiteral("Stop"));
        QVERIFY2(status->text().contains(QStringLiteral("Playing")), qPrintable(status->text()));
        playback.finishPlaying();
        QCOMPARE(play->text(), QStringLiteral("Play recording"));
        QTest::mouseClick(play, Qt::LeftButton);
        QCOMPARE(playback.plays(), 2);
        QCOMPARE(recordingDownloads(), 1);
        QTest::mouseClick(play, Qt::LeftButton); // Stop
        QVERIFY(!playback.isPlaying());

        // A recording the storage refuses: the reason is shown and nothing plays.
        HubTest::FakeVapiServer::Failure unavailable;
        unavailable.status = 503;
        rig.vapi.enqueueFailure(unavailable);
        callsTab->table()->selectRow(1);
        QTest::mouseClick(play, Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return status->text().contains(QStringLiteral("cannot be played")); }));
        QVERIFY2(status->text().contains(QStringLiteral("503")), qPrintable(status->text()));
        QCOMPARE(play->text(), QStringLiteral("Play recording"));
        QCOMPARE(playback.plays(), 2);
    }
};

QTEST_MAIN(CallingGuiTest)
#include "tst_callinggui.moc"
