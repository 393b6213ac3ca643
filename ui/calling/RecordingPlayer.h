#pragma once

#include "services/calling/WavReader.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

class AudioPlayback;
class CallRecordingLoader;
class QAudioOutput;
class QMediaPlayer;
class QProgressBar;
class QPushButton;
struct CallRecording;

// The Calls tab's "Play recording": downloads the selected call's recording (with progress and cancel) and plays it.
// A WAV recording is played through an AudioPlayback, so it is decoded once and replayed without a new download;
// other formats are streamed by Qt Multimedia's media player.
class RecordingPlayer : public QWidget
{
    Q_OBJECT

public:
    explicit RecordingPlayer(CallRecordingLoader* loader, QWidget* parent = nullptr);

    // The call whose recording the button plays; an empty URL disables it. Stops what is playing.
    void setRecording(const QString& callId, const QUrl& url);
    // Tests install a playback that needs no sound card.
    void setAudioPlayback(AudioPlayback* playback);
    void toggle();

signals:
    void message(const QString& text); // translated status for the tab's status line

private:
    enum class State { Idle, Loading, Playing };
    void play(const CallRecording& recording);
    void playPcm();
    void setState(State state);
    void stop();

    CallRecordingLoader* m_loader;
    AudioPlayback* m_defaultPlayback;
    QPointer<AudioPlayback> m_playback;
    QMediaPlayer* m_player = nullptr; // created for recordings that are not WAV
    QAudioOutput* m_output = nullptr;
    QPushButton* m_button;
    QProgressBar* m_progress;
    QString m_callId;
    QUrl m_url;
    QString m_decodedCallId; // m_audio belongs to this call
    WavAudio m_audio;
    State m_state = State::Idle;
};
