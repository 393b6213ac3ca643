#include "ui/calling/RecordingPlayer.h"

#include "services/audio/QtAudioPlayback.h"
#include "services/calling/CallRecordingLoader.h"

#include <QAudioOutput>
#include <QHBoxLayout>
#include <QMediaPlayer>
#include <QProgressBar>
#include <QPushButton>

namespace {
QString duration(double seconds)
{
    const int total = qRound(seconds);
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

RecordingPlayer::RecordingPlayer(CallRecordingLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_defaultPlayback(new QtAudioPlayback(this))
    , m_button(new QPushButton(tr("Play recording"), this))
    , m_progress(new QProgressBar(this))
{
    m_button->setObjectName(QStringLiteral("callPlay"));
    m_progress->setObjectName(QStringLiteral("recordingDownloadProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_progress);
    connect(m_button, &QPushButton::clicked, this, &RecordingPlayer::toggle);
    connect(m_loader, &CallRecordingLoader::progress, this, [this](qint64 received, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0); // busy indicator while the size is unknown
        if (total > 0)
            m_progress->setValue(int(received * 1000 / total));
    });
    setAudioPlayback(m_defaultPlayback);
    setRecording(QString(), QUrl());
}

void RecordingPlayer::setAudioPlayback(AudioPlayback* playback)
{
    if (m_playback)
        disconnect(m_playback, nullptr, this, nullptr);
    stop();
    m_playback = playback ? playback : m_defaultPlayback;
    connect(m_playback, &AudioPlayback::started, this, [this] {
        setState(State::Playing);
        emit message(tr("Playing the recording (%1).").arg(duration(m_audio.seconds())));
    });
    connect(m_playback, &AudioPlayback::finished, this, [this] {
        if (m_state == State::Playing)
            setState(State::Idle);
    });
    connect(m_playback, &AudioPlayback::failed, this, [this](const QString& reason) {
        setState(State::Idle);
        emit message(tr("The recording cannot be played: %1").arg(reason));
    });
}

void RecordingPlayer::setRecording(const QString& callId, const QUrl& url)
{
    if (callId == m_callId && url == m_url)
        return;
    stop();
    m_callId = callId;
    m_url = url;
    m_button->setEnabled(url.isValid() && !url.isEmpty());
    m_button->setToolTip(m_button->isEnabled() ? QString() : tr("This call has no recording."));
}

void RecordingPlayer::toggle()
{
    if (m_state != State::Idle) {
        stop();
        return;
    }
    if (m_url.isEmpty())
        return;
    if (m_decodedCallId == m_callId && !m_audio.data.isEmpty()) {
        playPcm();
        return;
    }
    setState(State::Loading);
    m_progress->setRange(0, 0);
    emit message(tr("Downloading the recording…"));
    m_loader->load(m_url, [this](const CallRecording& recording) { play(recording); });
}

void RecordingPlayer::play(const CallRecording& recording)
{
    switch (recording.kind) {
    case CallRecording::Kind::Failed:
        setState(State::Idle);
        emit message(tr("The recording cannot be played: %1").arg(recording.error));
        return;
    case CallRecording::Kind::Pcm:
        m_audio = recording.audio;
        m_decodedCallId = m_callId;
        playPcm();
        return;
    case CallRecording::Kind::OtherFormat:
        if (!m_player) {
            m_player = new QMediaPlayer(this);
            m_output = new QAudioOutput(this);
            m_player->setAudioOutput(m_output);
            connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
                if (state == QMediaPlayer::StoppedState && m_state == State::Playing)
                    setState(State::Idle);
            });
            connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& reason) {
                setState(State::Idle);
                emit message(tr("The recording cannot be played: %1").arg(reason));
            });
        }
        setState(State::Playing);
        emit message(tr("Playing the recording."));
        m_player->setSource(m_url);
        m_player->play();
        return;
    }
}

void RecordingPlayer::playPcm()
{
    setState(State::Loading); // until the output device has started
    m_playback->play(m_audio.data, m_audio.sampleRate, m_audio.channels);
}

void RecordingPlayer::stop()
{
    const State was = m_state;
    m_state = State::Idle;
    m_loader->cancel();
    if (m_playback && m_playback->isPlaying())
        m_playback->stop();
    if (m_player)
        m_player->stop();
    setState(State::Idle);
    if (was == State::Loading)
        emit message(QString());
}

void RecordingPlayer::setState(State state)
{
    m_state = state;
    m_progress->setVisible(state == State::Loading && m_loader->isLoading());
    m_button->setText(state == State::Idle ? tr("Play recording")
            : state == State::Loading      ? tr("Cancel")
                                           : tr("Stop"));
}
